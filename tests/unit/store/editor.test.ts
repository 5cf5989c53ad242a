import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import {
  checkDraft,
  deleteEntity,
  draftRows,
  emptyDraft,
  emptyStatement,
  freeId,
  idFromName,
  loadDraft,
  restoreDeleted,
  saveEntity,
  type EntityDraft,
} from '../../../lib/store/editor';
import { importPack } from '../../../lib/store/packs';
import { findCandidates, loadDossier } from '../../../lib/store/queries';
import { lookupKeys } from '../../../lib/text';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`editor-${++counter}`);
  await db.open();
  await importPack(db, smallPack());
});

const newPerson = (patch: Partial<EntityDraft> = {}): EntityDraft => ({ ...emptyDraft('person'), id: 'anna-example', name: 'Anna Example', ...patch });
const source = { sourceTitle: 'Interview', sourceUrl: '', sourcePublisher: '' };

async function saveNew(draft: EntityDraft) {
  const check = await checkDraft(db, draft, { isNew: true });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return saveEntity(db, check.rows, { isNew: true, now: 7000 });
}

describe('checking the editor’s form', () => {
  it('accepts a complete new entity', async () => {
    const check = await checkDraft(
      db,
      newPerson({
        aliases: 'A. Example\nАнна Пример',
        summary: 'Minister.',
        asOf: '2026-05',
        country: 'belarus',
        links: 'https://example.org/anna',
        roles: [{ title: 'Minister', since: '2026', until: '' }],
        relations: [{ type: 'member_of', to: 'cis', since: '', until: '', note: '' }],
        statements: [{ ...emptyStatement(), text: 'We will see.', ...source }],
      }),
      { isNew: true },
    );
    expect(check.ok).toBe(true);
  });

  const refused: [string, Partial<EntityDraft>, string, RegExp][] = [
    ['a missing name', { name: '  ' }, 'name', /Give the entity a name/],
    ['a name over its limit', { name: 'N'.repeat(201) }, 'name', /^Name is longer than its limit of 200 characters/],
    ['an id with capitals', { id: 'Anna' }, 'id', /^Id must match/],
    ['an id already taken', { id: 'belarus' }, 'id', /exists already/],
    ['an alias over its limit', { aliases: 'ok\n' + 'x'.repeat(201) }, 'aliases', /^Line 2 is longer than its limit/],
    ['a malformed as-of date', { asOf: '05/2026' }, 'asOf', /As of must be a date written YYYY, YYYY-MM or YYYY-MM-DD/],
    ['a link that is not http(s)', { links: 'https://ok.example\njavascript:alert(1)' }, 'links', /^Line 2 must be a link starting with http/],
    ['an unknown country', { country: 'atlantis' }, 'country', /unknown entity "atlantis"/],
    ['a country that is not a country', { country: 'csto' }, 'country', /must be a country entity; “Collective Security Treaty Organization” is a organization/],
    ['a role without a title', { roles: [{ title: '', since: '2020', until: '' }] }, 'roles.0.title', /^Title must not be empty/],
    ['a role with a bad date', { roles: [{ title: 'Minister', since: '2020-13', until: '' }] }, 'roles.0.since', /^Since must be a date/],
    ['a relation to nobody', { relations: [{ type: 'member_of', to: '', since: '', until: '', note: '' }] }, 'relations.0.to', /Choose the entity/],
    ['a relation to an unknown entity', { relations: [{ type: 'member_of', to: 'nato', since: '', until: '', note: '' }] }, 'relations.0.to', /unknown entity "nato"/],
    ['a relation with a bad date', { relations: [{ type: 'left', to: 'cis', since: '', until: 'soon', note: '' }] }, 'relations.0.until', /^Until must be a date/],
    [
      'a statement without a source title',
      { statements: [{ ...emptyStatement(), text: 'Said.', sourceUrl: 'https://example.org' }] },
      'statements.0.sourceTitle',
      /A statement needs its source: give the source’s title/,
    ],
    ['a statement without text', { statements: [{ ...emptyStatement(), ...source }] }, 'statements.0.text', /Write what was said/],
    [
      'a statement with a source link that is not http(s)',
      { statements: [{ ...emptyStatement(), text: 'Said.', ...source, sourceUrl: 'file:///etc/passwd' }] },
      'statements.0.sourceUrl',
      /^Source link must be a link starting with http/,
    ],
    ['a note over its limit', { note: 'n'.repeat(5001) }, 'note', /Note is longer than its limit of 5000/],
  ];

  it.each(refused)('refuses %s, beside the field', async (_label, patch, field, message) => {
    const check = await checkDraft(db, newPerson(patch), { isNew: true });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors[field]).toMatch(message);
  });

  it('shows the first problem of every part at once', async () => {
    const check = await checkDraft(
      db,
      newPerson({
        asOf: 'never',
        relations: [
          { type: 'member_of', to: 'cis', since: 'x', until: '', note: '' },
          { type: 'member_of', to: 'ghost', since: '', until: '', note: '' },
        ],
        statements: [{ ...emptyStatement(), text: 'Said.' }],
      }),
      { isNew: true },
    );
    expect(check.ok ? [] : Object.keys(check.errors).sort()).toEqual(['asOf', 'relations.0.since', 'relations.1.to', 'statements.0.sourceTitle']);
  });
});

describe('saving an entity', () => {
  it('adds a new entity as the reader’s own, with alias rows the matcher finds at once', async () => {
    const row = await saveNew(
      newPerson({
        aliases: 'Example\nАнна Пример',
        relations: [{ type: 'member_of', to: 'cis', since: '2020', until: '', note: 'Observer first.' }],
        statements: [{ ...emptyStatement(), text: 'We will see.', date: '2026-05-02', ...source }],
      }),
    );
    expect(row).toMatchObject({ id: 'anna-example', origin: 'user', editedAt: 7000, terms: ['anna', 'example', 'анна', 'пример'] });
    const candidates = await findCandidates(db, lookupKeys(['Anna Example met Анна Пример.']));
    expect(candidates.aliases.map((a) => a.text).sort()).toEqual(['Anna Example', 'Example', 'Анна Пример']);
    const dossier = (await loadDossier(db, 'anna-example'))!;
    expect(dossier.alliances.map((a) => [a.structure.id, a.note])).toEqual([['cis', 'Observer first.']]);
    expect(dossier.statements.map((s) => [s.text, s.origin])).toEqual([['We will see.', 'user']]);
  });

  it('edits a pack entity: its aliases are filed anew, its origin stays, and it is marked edited', async () => {
    const draft = (await loadDraft(db, 'lukashenka'))!;
    const check = await checkDraft(db, { ...draft, name: 'Aliaksandr Lukashenka', aliases: 'Lukashenka\nЛукашенко\nBatka' }, { isNew: false });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    await saveEntity(db, check.rows, { isNew: false, now: 9000 });
    expect(await kb(db).entity('lukashenka')).toMatchObject({ name: 'Aliaksandr Lukashenka', origin: 'test-pack', editedAt: 9000 });
    const aliases = (await kb(db).all()).aliases.filter((a) => a.entityId === 'lukashenka');
    expect(aliases.map((a) => a.text).sort()).toEqual(['Aliaksandr Lukashenka', 'Batka', 'Lukashenka', 'Лукашенко']);
    // An alias whose line stayed keeps its language.
    expect(aliases.find((a) => a.text === 'Лукашенко')?.lang).toBe('ru');
    expect((await findCandidates(db, ['lukashenko'])).aliases).toEqual([]);
  });

  it('gives back a stored entity as a form that saves to the same entity', async () => {
    const stored = (await kb(db).entity('lukashenka'))!;
    const rows = draftRows((await loadDraft(db, 'lukashenka'))!);
    const { origin: _o, terms: _t, ...entity } = stored;
    expect(rows.entity).toEqual(entity);
    expect(rows.statements).toHaveLength(3);
  });

  it('refuses to add an entity under an id that was taken meanwhile', async () => {
    const check = await checkDraft(db, newPerson(), { isNew: true });
    if (!check.ok) throw new Error('the draft should pass');
    await db.entities.add({ id: 'anna-example', kind: 'person', name: 'Someone else', aliases: [], origin: 'user', terms: [] });
    await expect(saveEntity(db, check.rows, { isNew: true })).rejects.toThrow('exists already');
    expect((await kb(db).entity('anna-example'))?.name).toBe('Someone else');
  });
});

describe('ids for new entities', () => {
  it.each([
    ['Alexander Lukashenka', 'alexander-lukashenka'],
    ['Zoë  Ångström-Ørsted', 'zoe-angstrom-rsted'],
    ['“For the Republic”', 'for-the-republic'],
    ['Лукашенко', ''],
  ])('%s → %j', (name, id) => {
    expect(idFromName(name)).toBe(id);
  });

  it('numbers an id that is taken, and falls back to "entity" for a name without Latin letters', async () => {
    expect(await freeId(db, 'Belarus')).toBe('belarus-2');
    expect(await freeId(db, 'Лукашенко')).toBe('entity');
  });
});

describe('deleting with undo', () => {
  it('removes the entity with its aliases, relations both ways and statements, and undo puts back exactly those rows', async () => {
    const snapshot = () => kb(db).all();
    const before = await snapshot();
    const trashId = await deleteEntity(db, 'belarus', 1234);
    expect(await kb(db).entity('belarus')).toBeUndefined();
    expect(await kb(db).aliasesOf('belarus')).toEqual([]);
    expect(await kb(db).relationsFrom('belarus')).toEqual([]);
    expect(await kb(db).relationsTo('belarus')).toEqual([]);
    expect(await kb(db).statementsOf('belarus')).toEqual([]);
    expect(await findCandidates(db, ['belarus'])).toEqual({ aliases: [], entities: {} });
    expect(await db.trash.get(trashId)).toMatchObject({ deletedAt: 1234, entity: { id: 'belarus' } });

    const restored = await restoreDeleted(db, trashId);
    expect(restored.name).toBe('Belarus');
    expect(await snapshot()).toEqual(before);
    expect(await db.trash.count()).toBe(0);
    await expect(restoreDeleted(db, trashId)).rejects.toThrow('nothing to undo');
  });

  it('takes the relations pointing at a deleted structure too', async () => {
    await deleteEntity(db, 'csto');
    expect(await kb(db).relationsTo('csto')).toEqual([]);
    expect((await loadDossier(db, 'lukashenka'))!.alliances.map((a) => a.structure.id)).toEqual(['cis']);
  });

  it('says so when the entity is gone already', async () => {
    await deleteEntity(db, 'cis');
    await expect(deleteEntity(db, 'cis')).rejects.toThrow('no longer there');
  });
});
