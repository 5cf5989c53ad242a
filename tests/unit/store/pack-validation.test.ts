import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../lib/store/pack-validation';
import { smallPack } from './fixture-pack';

const text = (value: unknown) => JSON.stringify(value);

describe('checking a pack before anything is written', () => {
  it('accepts a well-formed pack', () => {
    const check = parsePack(text(smallPack()));
    expect(check.ok).toBe(true);
  });

  const bad: [string, unknown, string, RegExp][] = [
    ['not JSON', '{ "format": ', '$', /is not JSON/],
    ['the wrong format', { ...smallPack(), format: 'other' }, '$.format', /must be "backstory-pack"/],
    ['a missing id', (({ id: _id, ...rest }) => rest)(smallPack()), '$', /missing the required field "id"/],
    [
      'an entity without aliases',
      smallPack({ entities: [{ id: 'x', kind: 'person', name: 'X' } as never] }),
      '$.entities[0]',
      /missing the required field "aliases"/,
    ],
    [
      'an unknown kind',
      smallPack({ entities: [{ id: 'x', kind: 'planet' as never, name: 'X', aliases: [] }] }),
      '$.entities[0].kind',
      /must be one of: person, organization/,
    ],
    [
      'a string over its limit',
      smallPack({ entities: [{ id: 'x', kind: 'person', name: 'X'.repeat(201), aliases: [] }] }),
      '$.entities[0].name',
      /longer than its limit of 200/,
    ],
    [
      'a link that is not http(s)',
      smallPack({ entities: [{ id: 'x', kind: 'person', name: 'X', aliases: [], links: ['javascript:alert(1)'] }] }),
      '$.entities[0].links[0]',
      /http:\/\/ or https:\/\//,
    ],
    [
      'a relation naming an unknown entity',
      smallPack({ relations: [{ from: 'belarus', type: 'member_of', to: 'nowhere' }] }),
      '$.relations[0].to',
      /unknown entity "nowhere"/,
    ],
    [
      'a statement naming an unknown entity',
      smallPack({ statements: [{ entity: 'ghost', text: 'Hi', kind: 'quote', source: { title: 'S' } }] }),
      '$.statements[0].entity',
      /unknown entity "ghost"/,
    ],
    [
      'an empty name',
      smallPack({ entities: [{ id: 'x', kind: 'person', name: '', aliases: [] }] }),
      '$.entities[0].name',
      /must not be empty/,
    ],
    ['a malformed date', smallPack({ updated: '2026-13-01' }), '$.updated', /YYYY, YYYY-MM or YYYY-MM-DD/],
    [
      'a repeated id',
      smallPack({ entities: [...smallPack().entities, { id: 'belarus', kind: 'country', name: 'Belarus again', aliases: [] }] }),
      '$.entities[5].id',
      /repeats the id "belarus"/,
    ],
  ];

  it.each(bad)('refuses %s, saying where', (_label, input, path, message) => {
    const check = parsePack(typeof input === 'string' ? input : text(input));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems[0].path).toBe(path);
    expect(check.problems[0].message).toMatch(message);
  });

  it('accepts references to entities the database already holds', () => {
    const pack = smallPack({ relations: [{ from: 'belarus', type: 'member_of', to: 'eaeu' }] });
    expect(parsePack(text(pack)).ok).toBe(false);
    expect(parsePack(text(pack), new Set(['eaeu'])).ok).toBe(true);
  });
});

describe('a summary in several languages', () => {
  /** The fixture pack, its first entity's summary replaced. */
  const withSummary = (summary: unknown) => {
    const pack = smallPack();
    return { ...pack, entities: [{ ...pack.entities[0]!, summary } as never, ...pack.entities.slice(1)] };
  };

  it('accepts one text or texts by language', () => {
    expect(parsePack(text(withSummary('President of Belarus.'))).ok).toBe(true);
    const check = parsePack(text(withSummary({ en: 'President of Belarus.', ru: 'Президент Беларуси.', 'be-Latn': 'Prezident.' })));
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.pack.entities[0]!.summary).toEqual({ en: 'President of Belarus.', ru: 'Президент Беларуси.', 'be-Latn': 'Prezident.' });
  });

  it.each([
    ['an empty object', {}],
    ['a text that is not a string', { en: 5 }],
    ['an empty text', { en: '' }],
    ['a key that is not a language code', { English: 'President.' }],
    ['a list', ['President.']],
    ['a text over its limit', { en: 'x'.repeat(2001) }],
  ])('refuses %s, saying what a summary may be', (_name, summary) => {
    const check = parsePack(text(withSummary(summary)));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([{ path: '$.entities[0].summary', message: expect.stringMatching(/texts by language such as \{"en"/) }]);
  });
});
