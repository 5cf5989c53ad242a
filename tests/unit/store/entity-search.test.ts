import { beforeAll, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { searchEntities, type EntityQuery } from '../../../lib/store/entity-search';
import { importPack } from '../../../lib/store/packs';
import { searchTerms } from '../../../lib/store/search-terms';
import { smallPack } from './fixture-pack';
import { getEntity } from '../../../lib/store/knowledge';

let db: BackstoryDatabase;

beforeAll(async () => {
  db = new BackstoryDatabase('entity-search');
  await db.open();
  await importPack(db, smallPack());
  await importPack(db, {
    format: 'backstory-pack',
    version: 1,
    id: 'numbers',
    entities: Array.from({ length: 120 }, (_, i) => ({ id: `n-${i}`, kind: 'place', name: `Place ${String(i).padStart(3, '0')}`, aliases: [] })),
  });
  await db.entities.add({ id: 'mine', kind: 'person', name: 'Zoë Example', aliases: [{ text: 'Z. Example' }], origin: 'user', terms: searchTerms({ name: 'Zoë Example', aliases: [{ text: 'Z. Example' }] }) });
  // The reader's edit of a pack entity: their version, in the entities table.
  await db.entities.put({ ...(await getEntity(db, 'belarus'))!, editedAt: 1 });
});

const ids = async (query: Omit<EntityQuery, 'limit'> & { limit?: number }) => (await searchEntities(db, { limit: 50, ...query })).rows.map((e) => e.id);

describe('searching entities in the editor', () => {
  it.each([
    ['the start of a name', 'Alexan', ['lukashenka']],
    ['the start of any word of it', 'treaty', ['csto']],
    ['several words in any order', 'treaty coll', ['csto']],
    ['an alias', 'lukashenko', ['lukashenka']],
    ['an alias in another script', 'Лукаш', ['lukashenka']],
    ['another case and no accents', 'ZOE', ['mine']],
    ['an acronym', 'cis', ['cis']],
  ])('finds an entity by %s', async (_label, text, expected) => {
    expect(await ids({ text })).toEqual(expected);
  });

  it.each([
    ['a word in the middle of another', 'shenka'],
    ['a word no entity has', 'nato'],
    ['one word matching and one not', 'lukashenka nato'],
  ])('finds nothing for %s', async (_label, text) => {
    expect(await ids({ text })).toEqual([]);
  });

  it('filters by kind and by origin, the reader’s own being those they made or edited', async () => {
    expect(await ids({ kind: 'country' })).toEqual(['armenia', 'belarus']);
    expect(await ids({ scope: 'user' })).toEqual(['belarus', 'mine']);
    expect(await ids({ scope: { pack: 'test-pack' }, kind: 'organization' })).toEqual(['csto', 'cis']);
    expect(await ids({ text: 'example', scope: { pack: 'test-pack' } })).toEqual([]);
  });

  it('lists by name a page at a time, saying how many there are', async () => {
    const first = await searchEntities(db, { scope: { pack: 'numbers' }, limit: 50 });
    expect(first).toMatchObject({ more: true, total: 120 });
    expect(first.rows[0].name).toBe('Place 000');
    const last = await searchEntities(db, { scope: { pack: 'numbers' }, offset: 100, limit: 50 });
    expect(last.rows.map((e) => e.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Place ${100 + i}`));
    expect(last.more).toBe(false);
    expect((await searchEntities(db, { limit: 3 })).rows.map((e) => e.name)).toEqual([
      'Alexander Lukashenka',
      'Armenia',
      'Belarus',
    ]);
  });

  it('pages through search results too', async () => {
    const page = await searchEntities(db, { text: 'place', limit: 50, offset: 100 });
    expect(page.rows).toHaveLength(20);
    expect(page).toMatchObject({ more: false, total: 120 });
  });
});
