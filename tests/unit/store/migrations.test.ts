import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackstoryDatabase, SCHEMA_VERSIONS, declareVersions } from '../../../lib/store/db';
import { aliasObject, aliasRows } from '../../../lib/store/packs';
import { smallPack } from './fixture-pack';

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

/** The rows each earlier version could hold: one per kind of row, in that version's shape. */
const ROWS_WRITTEN_BY: Record<number, Rows> = {
  1: {
    entities: v1Entities,
    // Version 1 filed each alias with its entity's kind too.
    aliases: v1Entities.flatMap((e) => aliasRows(e).map((row) => ({ ...row, kind: e.kind }))),
    relations: pack.relations!.map((r, i) => ({ ...r, id: i + 1, origin: pack.id })),
    statements: [
      ...pack.statements!.map((s, i) => ({ ...s, id: i + 1, origin: pack.id })),
      { id: 10, entity: 'my-minister', text: 'We will see.', kind: 'quote', source: { title: 'Interview' }, origin: 'user' },
    ],
    packs: [{ id: pack.id, title: 'Test pack', version: 1, importedAt: 1000, counts: { entities: 5, relations: 3, statements: 3 } }],
    settings: [{ key: 'enabled:site:news.example', value: false }],
  },
};

/** What the current version adds to each earlier row. */
const UPGRADED: Record<string, (row: object) => object> = {
  entities: (row) => ({ ...row, terms: expect.any(Array) }),
};

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
      expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows.map(upgrade)));
      expect(await db.table(table).count(), table).toBe(rows.length);
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
});
