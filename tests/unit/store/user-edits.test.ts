import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { checkDraft, deleteEntity, loadDraft, saveEntity, type EntityDraft } from '../../../lib/store/editor';
import { describeImport, importPack, removePack, type ImportResult } from '../../../lib/store/packs';
import { ensureBundledPack } from '../../../lib/store/starter-pack';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`user-edits-${++counter}`);
  await db.open();
});

/** Edits an entity as the editor does: load its form, change it, check it, save it. */
async function edit(id: string, change: (draft: EntityDraft) => Partial<EntityDraft>) {
  const draft = (await loadDraft(db, id))!;
  const check = await checkDraft(db, { ...draft, ...change(draft) }, { isNew: false });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return saveEntity(db, check.rows, { isNew: false, now: 5000 });
}

const aliasesOf = (id: string) => kb(db).aliasesOf(id);
const entity = (id: string) => kb(db).entity(id);

/** Version 2 of the fixture pack: a new summary for every entity, one statement more, Armenia gone. */
const version2 = () => {
  const pack = smallPack({ version: 2 });
  pack.entities = pack.entities.filter((e) => e.id !== 'armenia').map((e) => ({ ...e, summary: `${e.name}, as of version 2.` }));
  pack.relations = pack.relations!.filter((r) => r.from !== 'armenia');
  pack.statements = [...pack.statements!, { entity: 'lukashenka', text: 'Version 2 statement.', kind: 'quote', source: { title: 'Source D' } }];
  return pack;
};

describe('importing a newer version of a pack', () => {
  it('updates the pack’s rows and removes those it no longer carries', async () => {
    await importPack(db, smallPack());
    const result = await importPack(db, version2());
    expect(result).toMatchObject({ entities: 4, relations: 2, statements: 4, kept: [] });
    expect((await entity('belarus'))?.summary).toBe('Belarus, as of version 2.');
    expect(await entity('armenia')).toBeUndefined();
    expect(await aliasesOf('armenia')).toEqual([]);
  });

  it('keeps an entity the reader edited, with its aliases, relations and statements, and says so', async () => {
    await importPack(db, smallPack());
    await edit('lukashenka', () => ({ summary: 'My own summary.', aliases: 'Lukashenka\nBatka' }));
    const result = await importPack(db, version2());

    expect(result.kept).toEqual(['lukashenka']);
    expect(result.keptStatements).toBe(4);
    const lukashenka = await entity('lukashenka');
    expect(lukashenka).toMatchObject({ summary: 'My own summary.', origin: 'test-pack', editedAt: 5000 });
    expect(await aliasesOf('lukashenka')).toEqual(['Alexander Lukashenka', 'Batka', 'Lukashenka']);
    const statements = await kb(db).statementsOf('lukashenka');
    expect(statements.map((s) => [s.text, s.origin])).toEqual([
      ['Older statement.', 'user'],
      ['Newer statement.', 'user'],
      ['Undated statement.', 'user'],
    ]);
    // Entities the reader left alone follow the pack.
    expect((await entity('belarus'))?.summary).toBe('Belarus, as of version 2.');
    expect(describeImport(result)).toBe(
      'Imported 3 entities, 2 relations, 0 statements. Kept your own version of 1: lukashenka. Left out 0 relations and 4 statements of the pack where yours stand.',
    );
  });

  it('keeps an edited entity the new version no longer carries', async () => {
    await importPack(db, smallPack());
    await edit('armenia', () => ({ summary: 'Still here for me.' }));
    await importPack(db, version2());
    expect((await entity('armenia'))?.summary).toBe('Still here for me.');
    expect(await kb(db).relationsFrom('armenia')).toHaveLength(1);
  });

  it('leaves out a relation or statement the reader already has as their own', async () => {
    await importPack(db, smallPack());
    await db.relations.add({ from: 'belarus', type: 'member_of', to: 'csto', since: '1992', note: 'My reading.', origin: 'user' });
    await db.statements.add({ entity: 'lukashenka', text: 'Newer statement.', kind: 'quote', source: { title: 'Where I read it' }, origin: 'user', annotationId: 'a-1' });
    const result = await importPack(db, smallPack({ version: 2 }));
    expect(result).toMatchObject({ relations: 2, statements: 2, keptRelations: 1, keptStatements: 1 });
    expect((await kb(db).relationsFrom('belarus')).map((r) => [r.to, r.origin]).sort()).toEqual([
      ['cis', 'test-pack'],
      ['csto', 'user'],
    ]);
    expect((await db.statements.where('annotationId').equals('a-1').first())?.source.title).toBe('Where I read it');
  });

  it('does not bring back an entity the reader deleted, nor its relations and statements', async () => {
    await importPack(db, smallPack());
    await deleteEntity(db, 'csto');
    const result = await importPack(db, smallPack({ version: 2 }));
    expect(result.kept).toEqual(['csto']);
    expect(result.keptRelations).toBe(2);
    expect(await entity('csto')).toBeUndefined();
    expect(await kb(db).relationsTo('csto')).toEqual([]);
    expect(await kb(db).aliasesOf('csto')).toEqual([]);
    expect(await kb(db).ids()).not.toContain('csto');
  });
});

describe('removing a pack', () => {
  it('removes the pack’s rows and keeps the reader’s, turning the entities they edited into their own', async () => {
    await importPack(db, smallPack());
    await edit('belarus', () => ({ note: 'Visited 2019.' }));
    await db.entities.add({ id: 'mine', kind: 'person', name: 'Mine', aliases: [], origin: 'user', terms: ['mine'] });
    await db.statements.add({ entity: 'lukashenka', text: 'Saved from a page.', kind: 'quote', source: { title: 'Page' }, origin: 'user' });

    await removePack(db, 'test-pack');
    expect(await kb(db).ids()).toEqual(['belarus', 'mine']);
    expect([(await entity('belarus'))?.origin, (await entity('mine'))?.origin]).toEqual(['user', 'user']);
    expect(await aliasesOf('belarus')).toEqual(['Belarus', 'Беларусь']);
    expect(await aliasesOf('lukashenka')).toEqual([]);
    expect((await kb(db).all()).relations.map((r) => [r.from, r.to, r.origin])).toEqual([
      ['belarus', 'csto', 'user'],
      ['belarus', 'cis', 'user'],
    ]);
    expect((await kb(db).all()).statements.map((s) => s.text)).toEqual(['Saved from a page.']);
    expect(await db.packParts.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
  });

  it('keeps the bundled pack away until the reader imports it again', async () => {
    expect(await ensureBundledPack(db, smallPack())).toBe('imported');
    expect(await ensureBundledPack(db, smallPack())).toBe('current');
    await removePack(db, 'test-pack');
    expect(await ensureBundledPack(db, smallPack({ version: 2 }))).toBe('removed');
    expect(await kb(db).count()).toBe(0);
    await importPack(db, smallPack());
    expect(await ensureBundledPack(db, smallPack({ version: 2 }))).toBe('imported');
  });
});

describe('what the reader is told after an import', () => {
  const result = (r: Partial<ImportResult>): ImportResult => ({ entities: 0, relations: 0, statements: 0, kept: [], merged: [], keptRelations: 0, keptStatements: 0, ...r });
  it.each([
    [result({ entities: 1, relations: 1, statements: 1 }), 'Imported 1 entity, 1 relation, 1 statement.'],
    [result({ entities: 338, relations: 209, statements: 27 }), 'Imported 338 entities, 209 relations, 27 statements.'],
    [result({ entities: 100000 }), 'Imported 100,000 entities, 0 relations, 0 statements.'],
    [result({ entities: 2, kept: ['belarus'] }), 'Imported 2 entities, 0 relations, 0 statements. Kept your own version of 1: belarus.'],
    [
      result({ kept: Array.from({ length: 12 }, (_, i) => `e${i}`) }),
      'Imported 0 entities, 0 relations, 0 statements. Kept your own version of 12: e0, e1, e2, e3, e4, e5, e6, e7, e8, e9 and 2 more.',
    ],
    [result({ keptRelations: 1, keptStatements: 2 }), 'Imported 0 entities, 0 relations, 0 statements. Left out 1 relation and 2 statements of the pack where yours stand.'],
  ])('%o → %s', (input, text) => {
    expect(describeImport(input)).toBe(text);
  });
});
