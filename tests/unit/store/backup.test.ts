import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../../lib/messages';
import { AliasKeySet } from '../../../lib/store/alias-keys';
import { saveAnnotation } from '../../../lib/store/annotations';
import { BackupError, exportBackup, parseBackup, readBackupFile, restoreBackup, MAX_BACKUP_BYTES, type Backup } from '../../../lib/store/backup';
import { BackstoryDatabase } from '../../../lib/store/db';
import { checkDraft, deleteEntity, emptyDraft, emptyStatement, loadDraft, saveEntity, type EntityDraft } from '../../../lib/store/editor';
import { importPack } from '../../../lib/store/packs';
import { findCandidates, loadDossier } from '../../../lib/store/queries';
import { readReaderPrefs, writeReaderPrefs } from '../../../lib/store/reader-prefs';
import { readSiteStatus, writeSwitch } from '../../../lib/store/settings';
import { smallPack } from './fixture-pack';

let counter = 0;

async function freshProfile(): Promise<BackstoryDatabase> {
  const db = new BackstoryDatabase(`backup-${++counter}`);
  await db.open();
  await importPack(db, smallPack());
  return db;
}

async function save(db: BackstoryDatabase, draft: EntityDraft, isNew: boolean, now: number) {
  const check = await checkDraft(db, draft, { isNew });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return saveEntity(db, check.rows, { isNew, now });
}

const passage = (patch: Partial<AnnotationInput> = {}): AnnotationInput => ({
  url: 'https://news.example/a',
  title: 'Allies drift',
  site: 'News Example',
  quote: 'the ties that bind',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'the ties that bind', prefix: 'all ', suffix: ' us' },
    { type: 'TextPositionSelector', start: 10, end: 28 },
  ],
  tags: ['alliances', 'csto'],
  comment: 'Private: check the date.',
  ...patch,
});

/** A profile in which the reader did a bit of everything: made, edited and deleted entities, saved passages, chose settings. */
async function usedProfile(): Promise<BackstoryDatabase> {
  const db = await freshProfile();
  await save(db, { ...emptyDraft('person'), id: 'anna-example', name: 'Anna Example', aliases: 'A. Example\nАнна Пример', note: 'My own note.',
    statements: [{ ...emptyStatement(), text: 'We will see.', sourceTitle: 'Interview' }] }, true, 7000);
  const lukashenka = (await loadDraft(db, 'lukashenka'))!;
  await save(db, { ...lukashenka, note: 'Private note on a pack entity.', aliases: `${lukashenka.aliases}\nBatka` }, false, 8000);
  await save(db, { ...emptyDraft('place'), id: 'nowhere', name: 'Nowhere Town' }, true, 8500);
  await deleteEntity(db, 'nowhere', 9000);
  await saveAnnotation(db, passage(), 10_000, '11111111-1111-4111-8111-111111111111');
  await saveAnnotation(db, passage({ quote: 'We will see.', selectors: [{ type: 'TextQuoteSelector', exact: 'We will see.' }], entityId: 'anna-example', tags: [] }), 11_000, '22222222-2222-4222-8222-222222222222');
  await writeSwitch(db, 'site', 'news.example', false);
  await writeReaderPrefs(db, { ...(await readReaderPrefs(db)), theme: 'sepia', fontSize: 22 });
  return db;
}

const TABLES = ['entities', 'aliases', 'relations', 'statements', 'annotations', 'trash'] as const;
/** Rows in the order of their key (a table's own order may differ after a restore). */
const byKey = (rows: object[]) => {
  const keyOf = (row: Record<string, unknown>) => String(row.id ?? row.key ?? `${String(row.entityId)}\u0000${String(row.text)}`);
  return [...(rows as Record<string, unknown>[])].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
};

async function everyRow(db: BackstoryDatabase) {
  const tables = Object.fromEntries(await Promise.all(TABLES.map(async (name) => [name, byKey(await db[name].toArray())])));
  const settings = (await db.settings.toArray()).filter((row) => row.key !== 'alias-keys-revision');
  return { ...tables, settings: byKey(settings) };
}

/** The backup as the reader's file carries it: written out and read back. */
const throughFile = (backup: Backup) => parseBackup(JSON.stringify(backup), 99);

describe('a full backup', () => {
  let db: BackstoryDatabase;
  beforeEach(async () => {
    db = await usedProfile();
  });

  it('restores a fresh profile to the same state, table by table and field for field', async () => {
    const backup = throughFile(await exportBackup(db, new Date('2026-12-06T12:00:00Z')));
    const fresh = await freshProfile();
    const report = await restoreBackup(fresh, backup);

    expect(await everyRow(fresh)).toEqual(await everyRow(db));
    expect(report.counts).toMatchObject({ annotations: 2, trash: 1 });
    expect(report.missingPacks).toEqual([]);
    // What the reader sees: their entity found on pages, their note, their statement, their settings.
    // Looked up as the background does, through the keys the aliases are filed under.
    const keys = new AliasKeySet();
    expect((await findCandidates(fresh, ['anna', 'example'], keys)).aliases.map((a) => a.text)).toContain('Anna Example');
    expect((await findCandidates(fresh, ['batka'], keys)).aliases.map((a) => a.entityId)).toEqual(['lukashenka']);
    expect((await loadDraft(fresh, 'lukashenka'))?.note).toBe('Private note on a pack entity.');
    expect((await loadDossier(fresh, 'anna-example'))?.statements.map((s) => s.text)).toEqual(expect.arrayContaining(['We will see.']));
    expect((await readSiteStatus(fresh, 'news.example')).site).toBe(false);
    expect((await readReaderPrefs(fresh)).theme).toBe('sepia');
  });

  it('replaces what a profile held with the backup’s, and names the packs to import again', async () => {
    const backup = throughFile(await exportBackup(db));
    const other = new BackstoryDatabase(`backup-${++counter}`);
    await other.open();
    await saveAnnotation(other, passage({ quote: 'only here', selectors: [{ type: 'TextQuoteSelector', exact: 'only here' }] }), 1, '33333333-3333-4333-8333-333333333333');
    const report = await restoreBackup(other, backup);
    expect((await other.annotations.toArray()).map((a) => a.id).sort()).toEqual(['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']);
    expect(report.missingPacks.map((p) => p.id)).toEqual([smallPack().id]);
  });
});

describe('a backup that does not check out changes nothing', () => {
  let db: BackstoryDatabase;
  let backup: Backup;
  beforeEach(async () => {
    db = await usedProfile();
    backup = await exportBackup(db);
  });

  it('refuses a file that is not JSON, or not a backup, saying so', () => {
    expect(() => parseBackup('{not json', 4)).toThrow('not JSON');
    expect(() => parseBackup('['.repeat(200_000), 4)).toThrow('more than 64 levels deep');
    expect(() => parseBackup(JSON.stringify(smallPack()), 4)).toThrow('To add a pack, use Import pack');
  });

  it('refuses a malformed row, naming where it is', () => {
    const broken = JSON.parse(JSON.stringify(backup));
    broken.tables.entities[0].kind = 'planet';
    expect(() => parseBackup(JSON.stringify(broken), 99)).toThrow(/\$\.tables\.entities\[0\]\.kind/);
    const hostile = JSON.parse(JSON.stringify(backup));
    hostile.tables.annotations[0].url = 'javascript:alert(1)';
    expect(() => parseBackup(JSON.stringify(hostile), 99)).toThrow(/\$\.tables\.annotations\[0\]\.url/);
  });

  it('refuses a backup from a newer database, and a file over the size limit before reading it', async () => {
    expect(() => parseBackup(JSON.stringify({ ...backup, schema: 100 }), 4)).toThrow('made by a newer Backstory');
    const huge = { size: MAX_BACKUP_BYTES + 1, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    await expect(readBackupFile(huge, 4)).rejects.toThrow(BackupError);
    await expect(readBackupFile(huge, 4)).rejects.toThrow('over the limit of 200 MB for a backup; it was not read');
  });

  it('leaves every table as it was when writing the backup fails half way', async () => {
    const target = await usedProfile();
    const before = await everyRow(target);
    const clash = structuredClone(backup);
    // Two passages under one id: the second write fails after the tables were cleared and refilled in part.
    clash.tables.annotations.push({ ...clash.tables.annotations[0]! });
    await expect(restoreBackup(target, clash)).rejects.toThrow();
    expect(await everyRow(target)).toEqual(before);
  });
});
