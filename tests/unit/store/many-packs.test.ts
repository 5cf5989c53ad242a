import { beforeEach, describe, expect, it } from 'vitest';
import starterPack from '../../../public/packs/post-soviet-politics.json';
import { BackstoryDatabase } from '../../../lib/store/db';
import { checkDraft, loadDraft, saveEntity } from '../../../lib/store/editor';
import { parsePack, type Pack } from '../../../lib/store/pack-validation';
import { describeImport, importPack, importPackText, removePack } from '../../../lib/store/packs';
import { findCandidates, loadDossier } from '../../../lib/store/queries';
import { lookupKeys } from '../../../lib/text';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`many-packs-${++counter}`);
  await db.open();
});

const starter = starterPack as Pack;

/** A second author's pack: Central Asia, with its own Kazakhstan (the starter pack has one) and a person of its own. */
function centralAsia(overrides: Partial<Pack> = {}): Pack {
  return {
    format: 'backstory-pack',
    formatVersion: 2,
    version: 1,
    id: 'central-asia',
    title: 'Central Asia watch',
    entities: [
      {
        id: 'kazakhstan',
        kind: 'country',
        name: 'Kazakhstan',
        aliases: ['Kazakhstan', 'Qazaqstan Respublikasy'],
        asOf: '2026-11',
        sources: [{ title: 'Central Asia yearbook 2026', publisher: 'Steppe Press' }],
      },
      { id: 'steppe-institute', kind: 'organization', name: 'Steppe Institute', aliases: ['Steppe Institute'], country: 'kazakhstan' },
    ],
    statements: [
      { entity: 'kazakhstan', text: 'Kazakhstan holds its first Kurultai election.', kind: 'paraphrase', date: '2026-10', source: { title: 'Central Asia yearbook 2026' } },
    ],
    ...overrides,
  };
}

const statementTexts = async (id: string) => (await loadDossier(db, id))?.statements.map((s) => `${s.origin}: ${s.text}`) ?? [];

describe('a second pack that overlaps the starter pack', () => {
  it('imports every entity it brings and says in plain words what merged', async () => {
    await importPack(db, starter, { now: 1 });
    const result = await importPack(db, centralAsia(), { now: 2 });
    expect(result).toMatchObject({ entities: 2, statements: 1, kept: [] });
    expect(describeImport(result)).toBe(
      'Imported 2 entities, 0 relations, 1 statement. 1 merged with Kazakhstan from Post-Soviet politics.',
    );
    expect(describeImport(result)).not.toContain('Kept your own version');
    expect((await kb(db).entity('steppe-institute'))?.name).toBe('Steppe Institute');
    // Kazakhstan is listed once.
    expect(await kb(db).count()).toBe(starter.entities.length + 1);
  });

  it('shows one card with both packs’ facts, each with its pack and source', async () => {
    await importPack(db, starter, { now: 1 });
    await importPack(db, centralAsia(), { now: 2 });
    const dossier = (await loadDossier(db, 'kazakhstan'))!;
    expect(dossier.entity.name).toBe('Kazakhstan');
    expect(dossier.packs?.map((p) => `${p.title} (${p.asOf})`)).toEqual(['Central Asia watch (2026-11)', 'Post-Soviet politics (2026-07)']);
    expect(dossier.entity.sources?.map((s) => s.title)).toContain('Central Asia yearbook 2026');
    expect(dossier.entity.sources?.length).toBe((starter.entities.find((e) => e.id === 'kazakhstan')!.sources ?? []).length + 1);
    expect(dossier.entity.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Qazaqstan', 'Qazaqstan Respublikasy']));
    expect(await statementTexts('kazakhstan')).toContain('central-asia: Kazakhstan holds its first Kurultai election.');
    // The starter pack's memberships of Kazakhstan are still on the card.
    expect(dossier.alliances.map((a) => a.structure.id)).toContain('csto');
    // A page naming the second pack's own alias finds the one entity.
    const page = await findCandidates(db, lookupKeys(['Qazaqstan Respublikasy signed.']));
    expect(page.aliases.map((a) => a.entityId)).toContain('kazakhstan');
  });

  it('shows both current roles when the packs disagree, the newest as-of first', async () => {
    const a: Pack = { format: 'backstory-pack', version: 1, id: 'a', title: 'Pack A', entities: [{ id: 'p', kind: 'person', name: 'P. Person', aliases: [], asOf: '2025-01', roles: [{ title: 'Prime minister' }] }] };
    const b: Pack = { format: 'backstory-pack', version: 1, id: 'b', title: 'Pack B', entities: [{ id: 'p', kind: 'person', name: 'P. Person', aliases: [], asOf: '2026-03', roles: [{ title: 'President' }] }] };
    await importPack(db, a, { now: 1 });
    await importPack(db, b, { now: 2 });
    const dossier = (await loadDossier(db, 'p'))!;
    expect(dossier.currentRole?.title).toBe('President');
    expect(dossier.packs?.map((p) => `${p.currentRole?.title} (${p.title})`)).toEqual(['President (Pack B)', 'Prime minister (Pack A)']);
  });

  it('removing the first pack leaves the second’s facts fully visible, without importing it again', async () => {
    await importPack(db, starter, { now: 1 });
    await importPack(db, centralAsia(), { now: 2 });
    await removePack(db, starter.id);
    const dossier = (await loadDossier(db, 'kazakhstan'))!;
    expect(dossier.entity).toMatchObject({ name: 'Kazakhstan', origin: 'central-asia', asOf: '2026-11' });
    expect(await statementTexts('kazakhstan')).toEqual(['central-asia: Kazakhstan holds its first Kurultai election.']);
    expect((await findCandidates(db, lookupKeys(['Kazakhstan said.']))).entities).toEqual({ kazakhstan: { kind: 'country', name: 'Kazakhstan' } });
  });

  it('importing or removing the second pack never changes the first pack’s facts', async () => {
    await importPack(db, starter, { now: 1 });
    const before = await loadDossier(db, 'kazakhstan');
    await importPack(db, centralAsia(), { now: 2 });
    await removePack(db, 'central-asia');
    expect(await loadDossier(db, 'kazakhstan')).toEqual(before);
  });
});

describe('sameAs', () => {
  const first: Pack = {
    format: 'backstory-pack',
    formatVersion: 2,
    version: 1,
    id: 'first',
    title: 'First',
    entities: [{ id: 'kazakhstan', kind: 'country', name: 'Kazakhstan', aliases: ['Kazakhstan'], sameAs: ['Q232'] }],
  };
  const second = (sameAs: string[]): Pack => ({
    format: 'backstory-pack',
    formatVersion: 2,
    version: 1,
    id: 'second',
    title: 'Second',
    entities: [
      { id: 'kz', kind: 'country', name: 'Republic of Kazakhstan', aliases: ['RK'], sameAs },
      { id: 'astana', kind: 'place', name: 'Astana', aliases: ['Astana'], country: 'kz' },
    ],
    relations: [{ from: 'astana', type: 'capital_of', to: 'kz' }],
    statements: [{ entity: 'kz', text: 'Said by the second pack.', kind: 'quote', source: { title: 'S' } }],
  });

  it.each([
    ['a shared Wikidata QID', ['Q232']],
    ['packId:id', ['first:kazakhstan']],
  ])('makes two ids of two packs one entity: by %s', async (_how, sameAs) => {
    await importPack(db, first, { now: 1 });
    const result = await importPack(db, second(sameAs), { now: 2 });
    expect(describeImport(result)).toContain('1 merged with Kazakhstan from First.');
    const dossier = (await loadDossier(db, 'kazakhstan'))!;
    expect(dossier.packs?.map((p) => p.origin)).toEqual(['first', 'second']);
    expect(dossier.statements.map((s) => s.text)).toEqual(['Said by the second pack.']);
    expect(dossier.entity.aliases.map((a) => a.text)).toContain('RK');
    // The page sees one entity, under the first pack's id.
    const page = await findCandidates(db, lookupKeys(['RK and Kazakhstan']));
    expect(Object.keys(page.entities)).toEqual(['kazakhstan']);
    expect((await kb(db).entity('astana'))?.country).toBe('kazakhstan');
    expect((await kb(db).relationsTo('kazakhstan')).map((r) => `${r.from} ${r.type} (${r.origin})`)).toEqual(['astana capital_of (second)']);
    expect(await kb(db).entity('kz')).toBeUndefined();
  });

  it('links them also when only the first pack names the second’s entity', async () => {
    await importPack(db, { ...first, entities: [{ ...first.entities[0]!, sameAs: ['second:kz'] }] }, { now: 1 });
    await importPack(db, second([]), { now: 2 });
    expect((await loadDossier(db, 'kazakhstan'))?.packs?.map((p) => p.origin)).toEqual(['first', 'second']);
    expect(await kb(db).entity('kz')).toBeUndefined();
  });

  it('is a field of format version 2: a version-1 pack with sameAs is refused with a reason', () => {
    const check = parsePack(JSON.stringify({ ...second(['Q232']), formatVersion: undefined }));
    expect(check.ok ? [] : check.problems).toEqual([
      { path: '$.entities[0].sameAs', message: 'is a field of pack format version 2: add "formatVersion": 2 to the pack' },
    ]);
    const bad = parsePack(JSON.stringify(second(['kazakhstan'])));
    expect(bad.ok ? [] : bad.problems).toEqual([
      { path: '$.entities[0].sameAs[0]', message: 'must be a Wikidata QID such as Q9322, or another pack\'s entity as packId:id' },
    ]);
  });
});

describe('version-1 packs and the reader’s own edits', () => {
  it('imports a version-1 pack (no formatVersion) that overlaps another', async () => {
    await importPack(db, starter, { now: 1 });
    const v1 = JSON.stringify({ ...centralAsia(), formatVersion: undefined });
    const outcome = await importPackText(db, v1, { now: 2 });
    expect(outcome.ok && outcome.result).toMatchObject({ entities: 2, kept: [], merged: [{ id: 'kazakhstan', pack: 'Post-Soviet politics' }] });
  });

  it('the reader’s edit wins over every pack, and only it is reported as kept', async () => {
    await importPack(db, starter, { now: 1 });
    const draft = (await loadDraft(db, 'kazakhstan'))!;
    const check = await checkDraft(db, { ...draft, name: 'Kazakhstan (my notes)' }, { isNew: false });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    await saveEntity(db, check.rows, { isNew: false });
    const result = await importPack(db, centralAsia(), { now: 2 });
    expect(result).toMatchObject({ entities: 1, kept: ['kazakhstan'], merged: [] });
    expect(describeImport(result)).toContain('Kept your own version of 1: kazakhstan.');
    const dossier = (await loadDossier(db, 'kazakhstan'))!;
    expect(dossier.entity.name).toBe('Kazakhstan (my notes)');
    expect(dossier.packs).toBeUndefined();
    expect(await statementTexts('kazakhstan')).not.toContain('central-asia: Kazakhstan holds its first Kurultai election.');
  });
});

describe('a database filled before format version 2', () => {
  /** The parts the old import wrote for a second pack: its entities another pack held left out, what it said of them kept. */
  async function oldSecondImport() {
    const pack = centralAsia({ formatVersion: undefined });
    const oldStyle = { ...pack, entities: pack.entities.filter((e) => e.id !== 'kazakhstan') };
    await importPack(db, starter, { now: 1 });
    // The first pack's entity is not in the second's parts, as the old import left it out.
    await importPack(db, oldStyle, { now: 2 });
  }

  it('shows on one card what both packs hold of an overlapping entity, without any upgrade', async () => {
    await oldSecondImport();
    const dossier = (await loadDossier(db, 'kazakhstan'))!;
    expect(dossier.entity.origin).toBe(starter.id);
    expect(await statementTexts('kazakhstan')).toContain('central-asia: Kazakhstan holds its first Kurultai election.');
  });

  it('brings the left-out entity in when the second pack is imported again, reported as merged and not as kept', async () => {
    await oldSecondImport();
    const result = await importPack(db, centralAsia({ formatVersion: undefined, version: 2 }), { now: 3 });
    expect(result).toMatchObject({ entities: 2, kept: [], merged: [{ id: 'kazakhstan', pack: 'Post-Soviet politics' }] });
    await removePack(db, starter.id);
    expect((await loadDossier(db, 'kazakhstan'))?.entity.origin).toBe('central-asia');
  });
});

describe('deleting an entity several packs hold', () => {
  it('hides it from every pack, and undo shows every pack’s facts again', async () => {
    const { deleteEntity, restoreDeleted } = await import('../../../lib/store/editor');
    await importPack(db, starter, { now: 1 });
    await importPack(db, centralAsia(), { now: 2 });
    const trashId = await deleteEntity(db, 'kazakhstan');
    expect(await loadDossier(db, 'kazakhstan')).toBeNull();
    expect((await findCandidates(db, lookupKeys(['Qazaqstan Respublikasy signed.']))).entities).toEqual({});
    expect(await kb(db).ids()).not.toContain('kazakhstan');
    await restoreDeleted(db, trashId);
    expect((await loadDossier(db, 'kazakhstan'))?.packs?.map((p) => p.origin)).toEqual(['central-asia', starter.id]);
  });
});

describe('what two packs both say', () => {
  it('is shown once: one membership, one statement, one alias sent to the page', async () => {
    await importPack(db, starter, { now: 1 });
    const csto = (starter.relations ?? []).find((r) => r.from === 'kazakhstan' && r.to === 'csto')!;
    const said = (starter.statements ?? []).find((s) => s.entity === 'vladimir-putin')!;
    await importPack(db, {
      ...centralAsia(),
      entities: [...centralAsia().entities, { id: 'csto', kind: 'organization', name: 'CSTO', aliases: ['CSTO'] }, { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Putin'] }],
      relations: [csto],
      statements: [said],
    }, { now: 2 });
    const dossier = (await loadDossier(db, 'kazakhstan'))!;
    expect(dossier.alliances.filter((a) => a.structure.id === 'csto' && a.status === csto.type)).toHaveLength(1);
    expect((await loadDossier(db, 'vladimir-putin'))!.statements.filter((s) => s.text === said.text)).toHaveLength(1);
    const page = await findCandidates(db, lookupKeys(['Putin spoke.']));
    expect(page.aliases.filter((a) => a.text === 'Putin')).toHaveLength(1);
  });
});

describe('exporting a pack of format version 2', () => {
  it('keeps its sameAs and says it is format version 2, so the file imports again', async () => {
    const { exportPack } = await import('../../../lib/store/export');
    await importPack(db, centralAsia({ entities: [{ id: 'kazakhstan', kind: 'country', name: 'Kazakhstan', aliases: [], sameAs: ['Q232'] }], statements: [] }));
    const exported = await exportPack(db, { scope: { pack: 'central-asia' } });
    expect(exported).toMatchObject({ formatVersion: 2, entities: [{ id: 'kazakhstan', sameAs: ['Q232'] }] });
    expect(parsePack(JSON.stringify(exported)).ok).toBe(true);
  });
});
