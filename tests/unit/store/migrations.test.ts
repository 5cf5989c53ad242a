import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { SCHEMA_VERSIONS, declareVersions } from '../../../lib/store/migrations';
import { aliasObject, aliasRows } from '../../../lib/store/rows';
import { searchTerms } from '../../../lib/store/search-terms';
import { AliasKeySet } from '../../../lib/store/alias-keys';
import { findCandidates } from '../../../lib/store/queries';
import { indexKey, lookupKeys } from '../../../lib/text';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';
import { loadDossier } from '../../../lib/store/queries';

/** A database as a build of Backstory that knew only the first `count` schema versions left it. */
function databaseOfVersion(name: string, count: number): Dexie {
  const db = new Dexie(name);
  declareVersions(db, SCHEMA_VERSIONS.slice(0, count));
  return db;
}

type Rows = Record<string, object[]>;

const pack = smallPack();
const v1Entities = [
  ...pack.entities.map((e) => ({ ...e, aliases: e.aliases.map(aliasObject), origin: pack.id })),
  { id: 'my-minister', kind: 'person' as const, name: 'Anna Example', aliases: [{ text: 'A. Example' }], origin: 'user', note: 'Met her in 2019.' },
];

/** Versions 1 and 2 filed an alias under its first word (version 3 under its last). */
const firstWordKey = (text: string) => indexKey({ text: text.split(/[\s-]+/)[0]! });
const aliasesFiledByFirstWord = (e: (typeof v1Entities)[number]) => aliasRows(e).map((row) => ({ ...row, key: firstWordKey(row.text) }));

const v1Relations = pack.relations!.map((r, i) => ({ ...r, id: i + 1, origin: pack.id }));
const v1Statements = [
  ...pack.statements!.map((s, i) => ({ ...s, id: i + 1, origin: pack.id })),
  { id: 10, entity: 'my-minister', text: 'We will see.', kind: 'quote', source: { title: 'Interview' }, origin: 'user' },
];
const v1Packs = [{ id: pack.id, title: 'Test pack', version: 1, importedAt: 1000, counts: { entities: 5, relations: 3, statements: 3 } }];
const v1Settings = [{ key: 'enabled:site:news.example', value: false }];

/** The rows each earlier version could hold: one per kind of row, in that version's shape. */
const ROWS_WRITTEN_BY: Record<number, Rows> = {
  1: {
    entities: v1Entities,
    // Version 1 filed each alias with its entity's kind too.
    aliases: v1Entities.flatMap((e) => aliasesFiledByFirstWord(e).map((row) => ({ ...row, kind: e.kind }))),
    relations: v1Relations,
    statements: v1Statements,
    packs: v1Packs,
    settings: v1Settings,
  },
  2: {
    entities: v1Entities.map((e, i) => ({ ...e, terms: searchTerms(e), ...(i === 0 ? { editedAt: 2000 } : {}) })),
    aliases: v1Entities.flatMap(aliasesFiledByFirstWord),
    relations: v1Relations,
    // The first entity was edited, and saving an entity makes its statements the reader's.
    statements: [
      ...v1Statements.map((st) => (st.entity === v1Entities[0]!.id ? { ...st, origin: 'user' } : st)),
      { id: 11, entity: 'my-minister', text: 'Saved from a page.', kind: 'quote', origin: 'user', annotationId: 'a-1' },
    ],
    packs: v1Packs,
    settings: v1Settings,
    annotations: [
      {
        id: 'a-1',
        url: 'https://news.example/story',
        title: 'A story',
        site: 'News Example',
        quote: 'Saved from a page.',
        selectors: [{ type: 'TextQuoteSelector', exact: 'Saved from a page.', prefix: '', suffix: '' }],
        entityId: 'my-minister',
        tags: ['budget'],
        createdAt: 3000,
        updatedAt: 3000,
      },
    ],
    trash: [{ id: 1, deletedAt: 4000, entity: { id: 'gone', kind: 'person', name: 'Gone Person', aliases: [], origin: 'user', terms: ['gone', 'person'] }, aliases: [], relations: [], statements: [] }],
  },
};

const v3 = ROWS_WRITTEN_BY[2];
ROWS_WRITTEN_BY[3] = {
  ...v3,
  aliases: v1Entities.flatMap((e) => aliasRows(e)),
  aliasKeys: [
    { id: pack.id, keys: [...new Set(pack.entities.flatMap((e) => aliasRows({ ...e, aliases: e.aliases.map(aliasObject) }).map((a) => a.key)))].join('\n') },
    { id: '#reader', keys: 'example' },
  ],
};

const withoutId = ({ id: _id, ...row }: { id?: unknown } & Record<string, unknown>) => row;
const withoutPartFields = ({ kind: _kind, name: _name, ...row }: { kind?: unknown; name?: unknown } & Record<string, unknown>) => row;

/** What the current version adds to each earlier row, or changes in it. */
const UPGRADED: Record<string, (row: object) => object> = {
  entities: (row) => ({ ...row, terms: expect.any(Array) }),
  // Version 1 filed each alias with its entity's kind, which aliases no longer carry.
  aliases: (row) => withoutPartFields({ ...(row as Record<string, unknown>), key: indexKey(row as { text: string }) }),
  // A pack's relations and statements are kept in its parts, without row ids (see pack-parts.ts).
  relations: (row) => withoutId(row as Record<string, unknown>),
  statements: (row) => withoutId(row as Record<string, unknown>),
  packs: (row) => ({ ...row, layout: expect.any(Object) }),
};

/**
 * A table's rows as the extension reads them now: the knowledge rows through the knowledge base's
 * reads (the packs' parts under the reader's rows), the others from their table.
 */
async function readBack(db: BackstoryDatabase, table: string): Promise<object[]> {
  const all = await kb(db).all();
  if (table === 'entities') return all.entities;
  const loose = (rows: object[]) => rows as Record<string, unknown>[];
  if (table === 'aliases') return loose(all.aliases).map(withoutPartFields);
  if (table === 'relations') return loose(all.relations).map(withoutId);
  if (table === 'statements') return loose(all.statements).map(withoutId);
  return db.table(table).toArray();
}

const earlier = SCHEMA_VERSIONS.slice(0, -1);

describe('upgrading the database', () => {
  it('has rows to write for every earlier version', () => {
    for (const { version } of earlier) expect(ROWS_WRITTEN_BY[version], `rows of version ${version}`).toBeDefined();
  });

  it('declares versions in increasing order, each with its stores', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it.each(earlier.map((v, i) => [v.version, i + 1] as const))('keeps every row written by version %i', async (version, count) => {
    const name = `migration-from-${version}`;
    const old = databaseOfVersion(name, count);
    await old.open();
    const written = ROWS_WRITTEN_BY[version];
    await old.transaction('rw', Object.keys(written), async () => {
      for (const [table, rows] of Object.entries(written)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const db = new BackstoryDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const [table, rows] of Object.entries(written)) {
      const upgrade = UPGRADED[table] ?? ((row) => row);
      const found = await readBack(db, table);
      expect(found, table).toEqual(expect.arrayContaining(rows.map(upgrade)));
      expect(found.length, table).toBe(rows.length);
    }
    db.close();
  });

  it('fills in the search words of entities written by version 1, so the editor finds them', async () => {
    const old = databaseOfVersion('migration-terms', 1);
    await old.open();
    await old.table('entities').bulkAdd(ROWS_WRITTEN_BY[1].entities);
    await old.table('aliases').bulkAdd(ROWS_WRITTEN_BY[1].aliases);
    old.close();

    const db = new BackstoryDatabase('migration-terms');
    expect((await db.entities.get('lukashenka'))?.terms.sort()).toEqual(['alexander', 'lukashenka', 'lukashenko', 'лукашенко']);
    expect(await db.entities.where('terms').startsWith('exam').primaryKeys()).toEqual(['my-minister']);
    // The indexes version 2 adds or changes answer at once.
    expect(await db.entities.where('[origin+name]').between(['user', Dexie.minKey], ['user', Dexie.maxKey]).primaryKeys()).toEqual(['my-minister']);
    expect(await db.entities.where('origin').equals('test-pack').count()).toBe(5);
    expect(await db.aliases.where('entityId').equals('lukashenka').count()).toBe(4);
    expect(await db.entities.where('editedAt').above(0).count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
    db.close();
  });

  it('files the aliases of a version 2 database under their last word, so pages find them by surname', async () => {
    const old = databaseOfVersion('migration-keys', 2);
    await old.open();
    await old.table('entities').bulkAdd(ROWS_WRITTEN_BY[2].entities);
    await old.table('aliases').bulkAdd(ROWS_WRITTEN_BY[2].aliases);
    expect(await old.table('aliases').where('key').equals('alexander').count()).toBe(1);
    old.close();

    const db = new BackstoryDatabase('migration-keys');
    expect(await db.aliases.where('key').equals('alexander').count()).toBe(0);
    expect((await new AliasKeySet().current(db)).has('lukashenka')).toBe(true);
    const found = await findCandidates(db, lookupKeys(['Alexander Lukashenka met the press.']), new AliasKeySet());
    expect(found.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Alexander Lukashenka', 'Lukashenka']));
    expect(Object.keys(found.entities)).toEqual(['lukashenka']);
    db.close();
  });

  it('leaves a database whose upgrade stops half way as the earlier version left it, and upgrades it whole next time', async () => {
    const name = 'migration-interrupted';
    const old = databaseOfVersion(name, 3);
    await old.open();
    const written = ROWS_WRITTEN_BY[3];
    await old.transaction('rw', Object.keys(written), async () => {
      for (const [table, rows] of Object.entries(written)) await old.table(table).bulkAdd(rows);
    });
    const before = Object.fromEntries(await Promise.all(Object.keys(written).map(async (t) => [t, await old.table(t).toArray()] as const)));
    old.close();

    // The upgrade dies after a few writes, as when the browser stops the service worker in the middle.
    let writes = 0;
    const stop = (original: (...args: unknown[]) => unknown) =>
      function (this: IDBObjectStore, ...args: unknown[]) {
        if (++writes > 3) throw new DOMException('The worker was stopped.', 'AbortError');
        return original.apply(this, args);
      };
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(stop(IDBObjectStore.prototype.put as never) as never);
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(stop(IDBObjectStore.prototype.add as never) as never);
    const interrupted = new BackstoryDatabase(name);
    await expect(interrupted.open()).rejects.toThrow();
    interrupted.close();
    put.mockRestore();
    add.mockRestore();
    expect(writes).toBeGreaterThan(3);

    // Every table as version 3 left it: nothing half-written, nothing lost.
    const reopened = databaseOfVersion(name, 3);
    await reopened.open();
    expect(reopened.verno).toBe(SCHEMA_VERSIONS[2]!.version);
    for (const [table, rows] of Object.entries(before)) expect(await reopened.table(table).toArray(), table).toEqual(rows);
    reopened.close();

    const db = new BackstoryDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await kb(db).count()).toBe(v1Entities.length);
    db.close();
  });

  it('moves a pack’s rows out of the tables into its parts, where the matcher, the popover and the editor find them', async () => {
    const old = databaseOfVersion('migration-parts', 3);
    await old.open();
    const written = ROWS_WRITTEN_BY[3];
    await old.transaction('rw', Object.keys(written), async () => {
      for (const [table, rows] of Object.entries(written)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const db = new BackstoryDatabase('migration-parts');
    // Left in the tables: the entity the reader edited and the one they made.
    expect((await db.entities.toCollection().primaryKeys()).sort()).toEqual([pack.entities[0]!.id, 'my-minister'].sort());
    expect(await db.relations.where('origin').equals(pack.id).count()).toBe(0);
    expect(await db.packParts.where('[pack+part]').between([pack.id, ''], [pack.id, '\uffff']).count()).toBeGreaterThan(0);
    const found = await findCandidates(db, lookupKeys(['The CSTO met in Minsk.']), new AliasKeySet());
    expect(found.entities).toMatchObject({ csto: { kind: 'organization' } });
    // The edited entity, left in the tables, is still found through the list of filed words.
    const edited = await findCandidates(db, lookupKeys(['Lukashenka spoke.']), new AliasKeySet());
    expect(Object.keys(edited.entities)).toEqual([pack.entities[0]!.id]);
    expect((await loadDossier(db, 'csto'))?.members.map((m) => m.structure.name)).toEqual(['Belarus', 'Armenia']);
    expect(await kb(db).count()).toBe(v1Entities.length);
    db.close();
  });
});
