import { beforeAll, describe, expect, it } from 'vitest';
import { allianceGraph, allianceMatrix, cellWords, type AllianceMatrix } from '../../../lib/study/alliances';
import type { ArticleEntity } from '../../../lib/study/article';
import { seedEntities } from './seed-story';

let entities: ArticleEntity[];
let matrix: AllianceMatrix;

beforeAll(async () => {
  entities = await seedEntities();
  matrix = allianceMatrix(entities);
});

const cell = (rowId: string, structureId: string) => {
  const row = matrix.rows.find((r) => r.entity.id === rowId);
  const column = matrix.columns.findIndex((c) => c.structure.id === structureId);
  if (!row || column < 0) throw new Error(`no ${rowId} × ${structureId}`);
  return row.cells[column];
};

describe('the alliance matrix of the seed story', () => {
  it('has the countries first, then the people, in reading order; organisations are columns, not rows', () => {
    expect(matrix.rows.map((r) => r.entity.id)).toEqual([
      'armenia', 'kazakhstan', 'russia', 'belarus', 'alexander-lukashenka', 'nikol-pashinyan', 'kassym-jomart-tokayev',
    ]);
  });

  it('puts the structures the article names first, in reading order, then the others by name', () => {
    const columns = matrix.columns.map((c) => [c.structure.id, c.inArticle]);
    expect(columns.slice(0, 3)).toEqual([['csto', true], ['eaeu', true], ['union-state', true]]);
    const others = matrix.columns.slice(3).map((c) => c.structure.name);
    expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b)));
    expect(matrix.columns.slice(3).every((c) => !c.inArticle)).toBe(true);
  });

  it('heads a column with the acronym the article writes, else the pack’s, and never makes one up', () => {
    const written = entities.map((e) => (e.id === 'eaeu' ? { ...e, mentions: [{ ...e.mentions[0]!, text: 'EEU' }] } : e));
    const shorts = Object.fromEntries(allianceMatrix(written).columns.map((c) => [c.structure.id, c.short]));
    expect(shorts.eaeu).toBe('EEU');
    expect(shorts.csto).toBe('CSTO');
    expect(shorts['union-state']).toBeUndefined();
    expect(matrix.columns.slice(3).every((c) => c.short === undefined)).toBe(true);
  });

  it('shows Armenia’s CSTO participation as suspended since February 2024, not its older membership', () => {
    expect(cell('armenia', 'csto')).toMatchObject({ status: 'suspended', since: '2024-02' });
    expect(cellWords(cell('armenia', 'csto')!)).toBe('suspended since Feb 2024');
    expect(cell('armenia', 'csto')?.source?.url).toMatch(/^https:\/\//);
  });

  it('shows Kazakhstan as a member of the CSTO and the EAEU', () => {
    expect(cell('kazakhstan', 'csto')).toMatchObject({ status: 'member_of', since: '2002' });
    expect(cell('kazakhstan', 'eaeu')).toMatchObject({ status: 'member_of', since: '2015-01-01' });
    expect(cell('armenia', 'eaeu')?.status).toBe('member_of');
  });

  it('puts Belarus and Russia in the Union State, and Kazakhstan and Armenia not', () => {
    expect(cell('belarus', 'union-state')).toMatchObject({ status: 'member_of', since: '2000-01' });
    expect(cell('russia', 'union-state')).toMatchObject({ status: 'member_of', since: '2000-01' });
    expect(cell('kazakhstan', 'union-state')).toBeNull();
    expect(cell('armenia', 'union-state')).toBeNull();
  });

  it('takes the current record over an ended one (Belarus: SCO observer, then member)', () => {
    expect(cell('belarus', 'sco')).toMatchObject({ status: 'member_of', since: '2024-07' });
  });

  it('shows a person’s memberships through their country, and says so', () => {
    const lukashenka = matrix.rows.find((r) => r.entity.id === 'alexander-lukashenka')!;
    expect(lukashenka.via).toEqual({ id: 'belarus', name: 'Belarus', kind: 'country' });
    expect(cell('alexander-lukashenka', 'union-state')).toMatchObject({ status: 'member_of', via: { id: 'belarus' } });
    expect(cell('nikol-pashinyan', 'csto')).toMatchObject({ status: 'suspended', via: { id: 'armenia' } });
  });

  it('is empty for an article without countries or people that belong anywhere', () => {
    expect(allianceMatrix(entities.filter((e) => e.kind === 'organization'))).toEqual({ columns: [], rows: [] });
    expect(allianceMatrix([])).toEqual({ columns: [], rows: [] });
  });
});

describe('the alliance graph of the seed story', () => {
  it('links each country to its structures, and a person to their country only', () => {
    const { links } = allianceGraph(entities);
    const from = (id: string) => links.filter((l) => l.source === id);
    expect(from('alexander-lukashenka')).toEqual([{ source: 'alexander-lukashenka', target: 'belarus', kind: 'via' }]);
    expect(links).toContainEqual({ source: 'armenia', target: 'csto', kind: 'membership', status: 'suspended', since: '2024-02', until: undefined });
    expect(from('kazakhstan').map((l) => l.target)).toEqual(expect.arrayContaining(['csto', 'eaeu']));
    expect(from('belarus').map((l) => l.target)).toContain('union-state');
  });

  it('has one node per member and structure, with what its links say', () => {
    const { nodes } = allianceGraph(entities);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const armenia = nodes.find((n) => n.id === 'armenia')!;
    expect(armenia).toMatchObject({ structure: false, inArticle: true });
    expect(armenia.description).toContain('participation in the Collective Security Treaty Organization suspended since Feb 2024');
    expect(armenia.description).toContain('member of the Eurasian Economic Union since 2 Jan 2015');
    expect(nodes.find((n) => n.id === 'csto')).toMatchObject({ structure: true, inArticle: true });
    expect(nodes.find((n) => n.id === 'sco')).toMatchObject({ structure: true, inArticle: false });
  });

  it('draws only the structures the article names when asked, and says only what it draws', () => {
    const { nodes, links } = allianceGraph(entities, { namedStructuresOnly: true });
    expect(nodes.filter((n) => n.structure).map((n) => n.id).sort()).toEqual(['csto', 'eaeu', 'union-state']);
    expect(links.every((l) => l.kind === 'via' || ['csto', 'eaeu', 'union-state'].includes(l.target))).toBe(true);
    const armenia = nodes.find((n) => n.id === 'armenia')!;
    expect(armenia.description).toContain('participation in the Collective Security Treaty Organization suspended since Feb 2024');
    expect(armenia.description).not.toContain('Shanghai');
  });

  it('adds the country of a person whose country the article does not name, outside the article', async () => {
    const [lukashenka] = entities.filter((e) => e.id === 'alexander-lukashenka');
    const { nodes, links } = allianceGraph([lukashenka!]);
    expect(nodes.find((n) => n.id === 'belarus')).toMatchObject({ inArticle: false, structure: false });
    expect(links.filter((l) => l.source === 'belarus').length).toBeGreaterThan(3);
  });
});
