import { beforeEach, describe, expect, it } from 'vitest';
import starterPack from '../../../public/packs/post-soviet-politics.json';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { AliasRow, EntityRow, RelationRow, StatementRow } from '../../../lib/store/rows';
import { checkDraft, deleteEntity, emptyDraft, loadDraft, saveEntity, type EntityDraft } from '../../../lib/store/editor';
import { csvCell } from '../../../lib/formats/csv';
import { exportPack, statementsCsv, type ExportScope } from '../../../lib/store/export';
import { checkPack, type Pack } from '../../../lib/store/pack-validation';
import { importPack } from '../../../lib/store/packs';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let counter = 0;
async function freshDatabase(): Promise<BackstoryDatabase> {
  const db = new BackstoryDatabase(`export-${++counter}`);
  await db.open();
  return db;
}

async function save(db: BackstoryDatabase, draft: EntityDraft, isNew: boolean) {
  const check = await checkDraft(db, draft, { isNew });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  await saveEntity(db, check.rows, { isNew });
}

/** The reader's own entries beside the starter pack: a new person tied to pack entities, and an edited pack entity. */
async function withReadersEntries(db: BackstoryDatabase) {
  await save(
    db,
    {
      ...emptyDraft('person'),
      id: 'anna-example',
      name: 'Anna Example',
      aliases: 'A. Example\nАнна Пример',
      summary: 'A minister, "acting", since spring.',
      asOf: '2026-05',
      country: 'belarus',
      roles: [{ title: 'Acting minister', since: '2026-04', until: '' }],
      relations: [{ type: 'member_of', to: 'belaya-rus', since: '2023', until: '', note: 'Founding member' }],
      statements: [
        {
          text: 'We will see, he said, "in due course".\nThen left.',
          kind: 'quote',
          date: '2026-05-02',
          sourceTitle: 'Interview, part 1',
          sourceUrl: 'https://example.org/a?x=1,2',
          sourcePublisher: 'Example Times',
        },
      ],
      note: 'Private: met her once.',
    },
    true,
  );
  const draft = (await loadDraft(db, 'alexander-lukashenka'))!;
  await save(db, { ...draft, summary: `${draft.summary} (my correction)` }, false);
}

type Rows = { entities: string[]; aliases: AliasRow[]; relations: string[]; statements: string[] };

/** The rows that carry knowledge, without what only says where and when they were written. */
async function knowledge(db: BackstoryDatabase, { withOrigin }: { withOrigin: boolean }): Promise<Rows> {
  const entity = ({ origin, editedAt: _e, note: _n, ...rest }: EntityRow) => (withOrigin ? { ...rest, origin } : rest);
  const relation = ({ id: _i, origin, ...rest }: RelationRow) => (withOrigin ? { ...rest, origin } : rest);
  const statement = ({ id: _i, origin, annotationId: _a, ...rest }: StatementRow) => (withOrigin ? { ...rest, origin } : rest);
  // Compared as JSON text, so a difference shows the whole row.
  const sorted = <T,>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  const all = await kb(db).all();
  return {
    entities: sorted(all.entities.map(entity)),
    // Latin spellings generated from Cyrillic aliases are filed for pack entities at import, not for
    // the reader's own (which an export turns into pack entities): compared are the aliases written.
    aliases: all.aliases.filter((a) => !('romanised' in a)).sort((a, b) => (a.entityId + a.text).localeCompare(b.entityId + b.text)),
    relations: sorted(all.relations.map(relation)),
    statements: sorted(all.statements.map(statement)),
  };
}

async function roundTrip(pack: Pack): Promise<BackstoryDatabase> {
  const check = checkPack(JSON.parse(JSON.stringify(pack)));
  expect(check.ok ? [] : check.problems).toEqual([]);
  const empty = await freshDatabase();
  await importPack(empty, pack);
  return empty;
}

let a: BackstoryDatabase;
beforeEach(async () => {
  a = await freshDatabase();
  await importPack(a, starterPack as Pack);
  await withReadersEntries(a);
});

describe('exporting the knowledge base as a pack', () => {
  it('exports everything so that an empty database importing it holds the same rows', async () => {
    const pack = await exportPack(a, { scope: 'all' }, new Date(2026, 10, 5));
    expect(pack).toMatchObject({ format: 'backstory-pack', id: 'my-backstory', version: 1, updated: '2026-11-05', title: 'My Backstory: everything' });
    const b = await roundTrip(pack);
    expect(await knowledge(b, { withOrigin: false })).toEqual(await knowledge(a, { withOrigin: false }));
  });

  it('exports one pack under its own id and version, which imports back to the same rows and origins', async () => {
    const pack = await exportPack(a, { scope: { pack: 'post-soviet-politics' } });
    expect(pack).toMatchObject({ id: 'post-soviet-politics', version: starterPack.version, title: starterPack.title });
    expect(pack.entities).toHaveLength(starterPack.entities.length);
    const b = await roundTrip(pack);
    const rowsOfPack = async (db: BackstoryDatabase) => {
      const rows = await knowledge(db, { withOrigin: true });
      const ofPack = (row: string) => row.includes('"origin":"post-soviet-politics"');
      return { entities: rows.entities.filter(ofPack), relations: rows.relations.filter(ofPack), statements: rows.statements.filter(ofPack) };
    };
    expect(await rowsOfPack(b)).toEqual(await rowsOfPack(a));
    // The edited Lukashenka goes out as the reader left him.
    expect(pack.entities.find((e) => e.id === 'alexander-lukashenka')?.summary).toMatch(/\(my correction\)$/);
  });

  it('exports the reader’s own entries with the entities they point at, so the file stands on its own', async () => {
    const pack = await exportPack(a, { scope: 'user' });
    expect(pack.title).toBe('My Backstory: my own entries');
    const ids = pack.entities.map((e) => e.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['anna-example', 'alexander-lukashenka', 'belarus', 'belaya-rus']));
    expect(ids.length).toBeLessThan(10);
    expect(pack.relations!.every((r) => r.from === 'anna-example' || r.from === 'alexander-lukashenka')).toBe(true);
    const b = await roundTrip(pack);
    expect(await kb(b).entity('anna-example')).toMatchObject({ name: 'Anna Example', country: 'belarus', roles: [{ title: 'Acting minister', since: '2026-04' }] });
  });

  it('leaves private notes out', async () => {
    const text = JSON.stringify(await exportPack(a, { scope: 'all' }));
    expect(text).not.toContain('Private: met her once.');
    expect(text).not.toContain('"terms"');
    expect(text).not.toContain('"origin"');
  });

  it('drops what points at an entity the database no longer holds, which a pack may not carry', async () => {
    await deleteEntity(a, 'belaya-rus');
    await a.relations.add({ from: 'anna-example', type: 'allied_with', to: 'nobody-now', origin: 'user' });
    await a.entities.update('anna-example', { country: 'gone-country' });
    const pack = await exportPack(a, { scope: 'user' });
    expect(pack.relations!.some((r) => r.to === 'nobody-now' || r.to === 'belaya-rus')).toBe(false);
    expect(pack.entities.find((e) => e.id === 'anna-example')?.country).toBeUndefined();
    await roundTrip(pack);
  });
});

describe('exporting statements as CSV', () => {
  it('writes a header and one RFC 4180 row per statement, with CRLF line ends', async () => {
    const csv = await statementsCsv(a, 'user');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('entity_id,entity_name,kind,text,date,source_title,source_url,source_publisher,origin');
    expect(csv).toContain(
      'anna-example,Anna Example,quote,"We will see, he said, ""in due course"".\nThen left.",2026-05-02,"Interview, part 1","https://example.org/a?x=1,2",Example Times,user\r\n',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('covers the scope asked for', async () => {
    const count = async (scope: ExportScope) => (await statementsCsv(a, scope)).split('\r\n').length - 2;
    const { statements } = await kb(a).all();
    const own = statements.filter((s) => s.origin === 'user').length;
    expect(own).toBeGreaterThan(0);
    expect(await count('all')).toBe(statements.length);
    expect(await count('user')).toBe(own);
    expect(await count({ pack: 'post-soviet-politics' })).toBe(statements.length - own);
  });

  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['Лукашенко', 'Лукашенко'],
  ])('quotes %j as %j', (value, field) => {
    expect(csvCell(value)).toBe(field);
  });
});

describe('the fixture pack round trip', () => {
  it('gives back aliases with their language and flags', async () => {
    const db = await freshDatabase();
    await importPack(db, smallPack());
    const b = await roundTrip(await exportPack(db, { scope: 'all' }));
    expect((await kb(b).all()).aliases.find((alias) => alias.entityId === 'lukashenka' && alias.text === 'Лукашенко')).toMatchObject({ lang: 'ru' });
  });
});
