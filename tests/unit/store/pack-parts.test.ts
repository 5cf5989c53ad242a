import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { Entity } from '../../../lib/store/generated/pack';
import { deleteEntity, restoreDeleted } from '../../../lib/store/editor';
import { searchEntities } from '../../../lib/store/entity-search';
import { bucketOf, decodePart, packParts, type PartKind } from '../../../lib/store/pack-parts';
import { importPack, removePack } from '../../../lib/store/packs';
import { aliasRows, entityRow } from '../../../lib/store/rows';
import { findCandidates, loadDossier } from '../../../lib/store/queries';
import { lookupKeys } from '../../../lib/text';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`pack-parts-${++counter}`);
  await db.open();
});

describe('a pack kept in parts', () => {
  const n = 5000;
  const entities: Entity[] = Array.from({ length: n }, (_, i) => ({ id: `p-${i}`, kind: 'person', name: `Given${i % 50} Surname${i}`, aliases: [`Surname${i}`] }));
  const aliases = entities.flatMap((e) => aliasRows(entityRow(e, 'big')));
  // Every entity is a member of two others.
  const relations = entities.flatMap((e, i) => [
    { from: e.id, type: 'member_of' as const, to: `p-${(i * 7) % n}` },
    { from: e.id, type: 'allied_with' as const, to: `p-${(i * 11) % n}` },
  ]);
  const { layout, parts, keys } = packParts('big', { entities, relations, statements: [] });
  const partsOf = (kind: PartKind) => parts.filter((p) => p.part.startsWith(`${kind}/`));
  const rowsOf = <K extends PartKind>(kind: K) => partsOf(kind).map((p) => decodePart(kind, p));

  it('files every row in the bucket its key hashes to, each relation under both ends', () => {
    for (const part of partsOf('a')) {
      const bucket = Number(part.part.split('/')[1]);
      for (const alias of decodePart('a', part)) expect(bucketOf(alias.key, layout.aliases)).toBe(bucket);
    }
    for (const part of partsOf('t')) {
      const bucket = Number(part.part.split('/')[1]);
      for (const relation of decodePart('t', part)) expect(bucketOf(relation.to, layout.relations)).toBe(bucket);
    }
    expect(rowsOf('e').flat()).toHaveLength(n);
    expect(rowsOf('a').flat()).toHaveLength(aliases.length);
    expect(keys).toEqual(new Set(aliases.map((a) => a.key)));
    expect(rowsOf('f').flat()).toHaveLength(2 * n);
    expect(rowsOf('t').flat()).toHaveLength(2 * n);
    expect(rowsOf('c').flat().map((c) => c.id).sort()).toEqual(entities.map((e) => e.id).sort());
  });

  it('keeps the catalog sorted by name across its slices, as the editor lists it', () => {
    const names = partsOf('c')
      .sort((a, b) => Number(a.part.split('/')[1]) - Number(b.part.split('/')[1]))
      .flatMap((p) => decodePart('c', p).map((c) => c.name));
    expect(names).toHaveLength(n);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(partsOf('c').length).toBeGreaterThan(1);
  });

  it('keeps parts small whatever the size of the pack, so a lookup reads little', () => {
    const largest = Math.max(...rowsOf('a').map((rows) => rows.length));
    // 64 aliases a bucket on average; a good hash keeps the fullest within a small multiple of that.
    expect(largest).toBeLessThan(64 * 3);
    expect(parts.length).toBeLessThan((entities.length + aliases.length + 2 * relations.length) / 20);
  });

  it('gives back every row as it was given, aliases with their entity’s kind and name (all a page needs of the entity)', () => {
    expect(rowsOf('e').flat().find((e) => e.id === 'p-42')).toEqual(JSON.parse(JSON.stringify(entities[42])));
    expect(rowsOf('c').flat().find((c) => c.id === 'p-42')).toEqual({ id: 'p-42', name: 'Given42 Surname42', kind: 'person', terms: entityRow(entities[42]!, 'big').terms.join(' ') });
    expect(rowsOf('f').flat().filter((r) => r.from === 'p-3')).toEqual(relations.filter((r) => r.from === 'p-3'));
    const alias = rowsOf('a').flat().find((a) => a.text === 'Surname42');
    expect(alias).toMatchObject({ entityId: 'p-42', kind: 'person', name: 'Given42 Surname42', key: 'surname42' });
  });
});

describe('the reader’s rows over the packs’', () => {
  it('hides a deleted pack entity everywhere, and undo shows it again from its pack', async () => {
    await importPack(db, smallPack());
    const page = lookupKeys(['The CSTO met.']);
    const trashId = await deleteEntity(db, 'csto');
    expect((await findCandidates(db, page)).aliases).toEqual([]);
    expect(await loadDossier(db, 'csto')).toBeNull();
    expect((await searchEntities(db, { text: 'collective', limit: 10 })).rows).toEqual([]);
    expect((await loadDossier(db, 'belarus'))!.alliances.map((a) => a.structure.id)).toEqual(['cis']);

    await restoreDeleted(db, trashId);
    expect(Object.keys((await findCandidates(db, page)).entities)).toEqual(['csto']);
    expect((await loadDossier(db, 'csto'))!.entity.origin).toBe('test-pack');
    // It is the pack's again, not a copy of the reader's.
    expect(await db.entities.get('csto')).toBeUndefined();
  });

  it('brings a deleted entity back as the reader’s own, aliases and all, when its pack was removed meanwhile', async () => {
    await importPack(db, smallPack());
    const trashId = await deleteEntity(db, 'csto');
    await removePack(db, 'test-pack');
    const restored = await restoreDeleted(db, trashId);
    expect(restored.id).toBe('csto');
    expect(await kb(db).entity('csto')).toMatchObject({ origin: 'user' });
    expect((await findCandidates(db, lookupKeys(['The ОДКБ met.']))).aliases.map((a) => a.text)).toEqual(['ОДКБ']);
  });

  it('keeps in a second pack’s parts the ids another pack holds: one entity, the first pack’s name', async () => {
    await importPack(db, smallPack());
    const other = { format: 'backstory-pack' as const, version: 1, id: 'other', entities: [{ id: 'csto', kind: 'organization' as const, name: 'Other CSTO', aliases: ['OCSTO'] }] };
    const result = await importPack(db, other);
    expect(result).toMatchObject({ entities: 1, kept: [], merged: [{ id: 'csto', name: 'Collective Security Treaty Organization', pack: 'Test pack' }] });
    expect((await kb(db).entity('csto'))?.name).toBe('Collective Security Treaty Organization');
    expect(await kb(db).aliasesOf('csto')).toContain('OCSTO');
    expect(await kb(db).count()).toBe(5);
  });
});
