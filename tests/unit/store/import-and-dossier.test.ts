import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SETTINGS } from '../../../lib/messages';
import { BackstoryDatabase } from '../../../lib/store/db';
import { AliasKeySet } from '../../../lib/store/alias-keys';
import { checkDraft, deleteEntity, loadDraft, restoreDeleted, saveEntity } from '../../../lib/store/editor';
import { importPack, removePack } from '../../../lib/store/packs';
import { findCandidates, loadDossier } from '../../../lib/store/queries';
import { readSiteStatus, writeSwitch } from '../../../lib/store/settings';
import { Matcher, indexKey, lookupKeys } from '../../../lib/text';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`test-${++counter}`);
  await db.open();
});

describe('importing a pack', () => {
  it('writes its entities, aliases, relations and statements, and records the pack', async () => {
    const result = await importPack(db, smallPack(), { now: 1000 });
    expect(result).toEqual({ entities: 5, relations: 3, statements: 3, kept: [], merged: [], keptRelations: 0, keptStatements: 0 });
    expect(await kb(db).count()).toBe(5);
    expect((await kb(db).all()).relations).toHaveLength(3);
    expect((await kb(db).statementsOf('lukashenka')).map((s) => s.origin)).toEqual(['test-pack', 'test-pack', 'test-pack']);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: 1, importedAt: 1000, counts: { entities: 5, relations: 3, statements: 3 } });
    // The display name is an alias too, and so are the Latin spellings of Лукашенко (ru) the pack
    // does not give: ISO 9 and scientific, German press, French press.
    expect(await kb(db).aliasesOf('lukashenka')).toEqual(
      ['Alexander Lukashenka', 'Lukashenka', 'Lukashenko', 'Лукашенко', 'Lukašenko', 'Lukaschenko', 'Loukachenko'].sort(),
    );
  });

  it('replaces the rows of an earlier import of the same pack instead of adding to them', async () => {
    await importPack(db, smallPack());
    await importPack(db, smallPack({ version: 2, statements: [] }));
    expect((await kb(db).all()).statements).toEqual([]);
    expect(await kb(db).count()).toBe(5);
    expect(await kb(db).aliasesOf('lukashenka')).toHaveLength(7);
    expect((await db.packs.get('test-pack'))?.version).toBe(2);
  });

  it('keeps an entity the reader made under the same id', async () => {
    await db.entities.add({ id: 'belarus', kind: 'country', name: 'Belarus (my notes)', aliases: [], origin: 'user', terms: [] });
    const result = await importPack(db, smallPack());
    expect(result.kept).toEqual(['belarus']);
    expect((await kb(db).entity('belarus'))?.name).toBe('Belarus (my notes)');
    expect(await kb(db).aliasesOf('belarus')).toEqual([]);
  });
});

describe('what a page is told', () => {
  it('finds the aliases filed under the page’s keys, with their entities’ kind and name', async () => {
    await importPack(db, smallPack());
    const candidates = await findCandidates(db, [indexKey({ text: 'Lukashenko' }), indexKey({ text: 'CSTO' }), 'nothing-here']);
    expect(candidates.aliases.map((a) => a.text).sort()).toEqual(['CSTO', 'Lukashenko']);
    expect(candidates.entities).toEqual({
      lukashenka: { kind: 'person', name: 'Alexander Lukashenka' },
      csto: { kind: 'organization', name: 'Collective Security Treaty Organization' },
    });
    expect(await findCandidates(db, [])).toEqual({ aliases: [], entities: {} });
  });

  it('asks the aliases index only for words some alias is filed under, with the same answer', async () => {
    await importPack(db, smallPack());
    const keys = lookupKeys(['Alexander Lukashenka met the CSTO council and many other people today.']);
    const listed = new AliasKeySet();
    expect(await findCandidates(db, keys, listed)).toEqual(await findCandidates(db, keys));
    expect((await listed.current(db)).has('lukashenka')).toBe(true);
    expect((await listed.current(db)).has('council')).toBe(false);
  });

  it('keeps the list of filed words true through imports, edits, undos and pack removal', async () => {
    const listed = new AliasKeySet();
    expect((await listed.current(db)).size).toBe(0);
    await importPack(db, smallPack());
    expect((await listed.current(db)).has('lukashenka')).toBe(true);

    const draft = (await loadDraft(db, 'lukashenka'))!;
    const check = await checkDraft(db, { ...draft, aliases: `${draft.aliases}\nBatka` }, { isNew: false });
    if (!check.ok) throw new Error('draft refused');
    await saveEntity(db, check.rows, { isNew: false, now: 5000 });
    expect((await listed.current(db)).has('batka')).toBe(true);
    const page = lookupKeys(['Batka spoke.']);
    expect((await findCandidates(db, page, listed)).aliases.map((a) => a.text)).toEqual(['Batka']);

    const trashId = await deleteEntity(db, 'lukashenka');
    await restoreDeleted(db, trashId);
    expect((await findCandidates(db, page, listed)).aliases.map((a) => a.text)).toEqual(['Batka']);

    await removePack(db, 'test-pack');
    expect((await listed.current(db)).has('csto')).toBe(false);
    // The reader's edited entity stays, and so do its words.
    expect((await findCandidates(db, page, listed)).aliases.map((a) => a.text)).toEqual(['Batka']);
  });

  it.each([
    ['Troops left the U.S.', ['U.S.']],
    ['U.S. troops and the U.S.S.R.', ['U.S.', 'U.S.S.R.']],
    ['In St Petersburg, and in St. Petersburg.', ['St. Petersburg']],
    ['US troops', ['US']],
    ['He told us.', []],
  ])('files dotted aliases under keys that a page writing them asks for: %j', async (page, texts) => {
    const base = smallPack();
    await importPack(db, {
      ...base,
      entities: [
        ...base.entities,
        { id: 'usa', kind: 'country', name: 'United States', aliases: ['U.S.', { text: 'US', caseSensitive: true }] },
        { id: 'ussr', kind: 'country', name: 'Soviet Union', aliases: ['U.S.S.R.'] },
        { id: 'spb', kind: 'place', name: 'Saint Petersburg', aliases: ['St. Petersburg'] },
      ],
    });
    const candidates = await findCandidates(db, lookupKeys([page]), new AliasKeySet());
    const found = new Matcher(candidates.aliases).findAll(page).map((m) => m.alias);
    expect([...new Set(found)].sort()).toEqual(texts);
  });

  it('sends only aliases whose every word is on the page, not every namesake sharing one word', async () => {
    await importPack(db, smallPack());
    const onlyGivenName = await findCandidates(db, lookupKeys(['Alexander Ivanov spoke first.']));
    expect(onlyGivenName.aliases).toEqual([]);
    const full = await findCandidates(db, lookupKeys(['Alexander Lukashenka spoke first.']));
    expect(full.aliases.map((a) => a.text)).toContain('Alexander Lukashenka');
    const surnameOnly = await findCandidates(db, lookupKeys(['Lukashenka spoke first.']));
    expect(surnameOnly.aliases.map((a) => a.text)).toContain('Lukashenka');
    expect(surnameOnly.aliases.map((a) => a.text)).not.toContain('Alexander Lukashenka');
  });

  it('builds a dossier: current role, allied structures through the country, statements newest first', async () => {
    await importPack(db, smallPack());
    const dossier = (await loadDossier(db, 'lukashenka'))!;
    expect(dossier.currentRole?.title).toBe('President of Belarus');
    expect(dossier.country).toEqual({ id: 'belarus', name: 'Belarus', kind: 'country' });
    expect(dossier.alliances.map((a) => [a.structure.id, a.status, a.since, a.via?.id])).toEqual([
      ['cis', 'member_of', '1991', 'belarus'],
      ['csto', 'member_of', '2002', 'belarus'],
    ]);
    expect(dossier.statements.map((s) => s.text)).toEqual(['Newer statement.', 'Older statement.', 'Undated statement.']);
  });

  it('lists a structure’s members, suspended ones included', async () => {
    await importPack(db, smallPack());
    const dossier = (await loadDossier(db, 'csto'))!;
    expect(dossier.members.map((m) => [m.structure.name, m.status])).toEqual([
      ['Belarus', 'member_of'],
      ['Armenia', 'suspended'],
    ]);
  });

  it('answers null for an entity that is not there', async () => {
    expect(await loadDossier(db, 'nobody')).toBeNull();
  });
});

describe('the switches', () => {
  it('are on until turned off, per site and everywhere, and only an "off" is stored', async () => {
    expect(await readSiteStatus(db, 'news.example')).toEqual({ host: 'news.example', site: true, everywhere: true, enabled: true, settings: DEFAULT_PAGE_SETTINGS });
    await writeSwitch(db, 'site', 'news.example', false);
    expect((await readSiteStatus(db, 'news.example')).enabled).toBe(false);
    expect((await readSiteStatus(db, 'other.example')).enabled).toBe(true);
    await writeSwitch(db, 'everywhere', 'other.example', false);
    expect((await readSiteStatus(db, 'other.example')).enabled).toBe(false);
    await writeSwitch(db, 'site', 'news.example', true);
    await writeSwitch(db, 'everywhere', 'news.example', true);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('alias rows', () => {
  it('keep the flags of a pack alias that repeats the display name', async () => {
    const { aliasRows } = await import('../../../lib/store/rows');
    const rows = aliasRows({ id: 'kgb', name: 'KGB', aliases: [{ text: 'KGB', shared: true }, { text: 'Servant of the People', caseSensitive: true }] });
    expect(rows.find((r) => r.text === 'KGB')).toMatchObject({ shared: true });
    expect(rows.find((r) => r.text === 'Servant of the People')).toMatchObject({ caseSensitive: true });
    expect(rows.map((r) => r.text)).toEqual(['KGB', 'Servant of the People']);
  });
});
