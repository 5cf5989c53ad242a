import type { Pack } from '../../../lib/store/pack-validation';

/** A small pack with the shapes the popover needs: a person, their country, a structure, a statement. */
export function smallPack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: 'backstory-pack',
    version: 1,
    id: 'test-pack',
    title: 'Test pack',
    updated: '2026-11-01',
    entities: [
      {
        id: 'lukashenka',
        kind: 'person',
        name: 'Alexander Lukashenka',
        aliases: ['Lukashenka', 'Lukashenko', { text: 'Лукашенко', lang: 'ru' }],
        summary: 'President of Belarus since 1994.',
        asOf: '2026-11',
        roles: [
          { title: 'Deputy of the Supreme Council of Belarus', since: '1990', until: '1994' },
          { title: 'President of Belarus', since: '1994-07-20' },
        ],
        country: 'belarus',
        sources: [{ title: 'Alexander Lukashenko', url: 'https://en.wikipedia.org/wiki/Alexander_Lukashenko', publisher: 'Wikipedia' }],
      },
      { id: 'belarus', kind: 'country', name: 'Belarus', aliases: ['Belarus', 'Беларусь'] },
      { id: 'armenia', kind: 'country', name: 'Armenia', aliases: ['Armenia'] },
      { id: 'csto', kind: 'organization', name: 'Collective Security Treaty Organization', aliases: ['CSTO', 'ОДКБ'] },
      { id: 'cis', kind: 'organization', name: 'Commonwealth of Independent States', aliases: ['CIS'] },
    ],
    relations: [
      { from: 'belarus', type: 'member_of', to: 'csto', since: '2002' },
      { from: 'belarus', type: 'member_of', to: 'cis', since: '1991' },
      { from: 'armenia', type: 'suspended', to: 'csto', since: '2024' },
    ],
    statements: [
      { entity: 'lukashenka', text: 'Older statement.', kind: 'paraphrase', date: '2023-05', source: { title: 'Source A' } },
      { entity: 'lukashenka', text: 'Newer statement.', kind: 'quote', date: '2024-10-01', source: { title: 'Source B', url: 'https://example.org/b' } },
      { entity: 'lukashenka', text: 'Undated statement.', kind: 'paraphrase', source: { title: 'Source C' } },
    ],
    ...overrides,
  };
}
