import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase, type AliasRow, type EntityRow } from '../../../lib/store/db';
import { deleteEntity, restoreDeleted } from '../../../lib/store/editor';
import { searchEntities } from '../../../lib/store/entity-search';
import { bucketOf, packParts, type PackAlias } from '../../../lib/store/pack-parts';
import { aliasRows, entityRow, importPack, removePack } from '../../../lib/store/packs';
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
  const entities: EntityRow[] = Array.from({ length: n }, (_, i) =>
    entityRow({ id: `p-${i}`, kind: 'person', name: `Given${i % 50} Surname${i}`, aliases: [`Surname${i}`] }, 'big'),
  );
  const aliases: AliasRow[] = entities.flatMap(aliasRows);
  const relations = entities.map((e, i) => ({ from: e.id, type: 'member_of' as const, to: `p-${(i * 7) % n}`, origin: 'big' }));
  const { layout, parts } = packParts('big', { entities, aliases, relations, statements: [] });
  const rowsOf = (kind: string) => parts.filter((p) => p.part.startsWith(`${kind}/`));

  it('files every row in the bucket its key hashes to, each relation under both ends', () => {
    for (const part of rowsOf('a')) {
      const bucket = Number(part.part.split('/')[1]);
      for (const alias of part.rows as PackAlias[]) expect(bucketOf(alias.key, layout.aliases)).toBe(bucket);
    }
    expect(rowsOf('e').flatMap((p) => p.rows)).toHaveLength(n);
    expect(rowsOf('a').flatMap((p) => p.rows)).toHaveLength(aliases.length);
    expect(rowsOf('f').flatMap((p) => p.rows)).toHaveLength(n);
    expect(rowsOf('t').flatMap((p) => p.rows)).toHaveLength(n);
    expect(rowsOf('c').flatMap((p) => p.rows)).toHaveLength(n);
  });

  it('keeps parts small whatever the size of the pack, so a lookup reads little', () => {
    const largest = Math.max(...rowsOf('a').map((p) => p.rows.length));
    // 32 aliases a bucket on average; a good hash keeps the fullest within a small multiple of that.
    expect(largest).toBeLessThan(32 * 3);
    expect(parts.length).toBeLessThan((entities.length + aliases.length + 2 * relations.length) / 20);
  });

  it('gives each alias its entity’s kind and name, all a page needs of the entity', () => {
    const alias = rowsOf('a').flatMap((p) => p.rows as PackAlias[]).find((a) => a.text === 'Surname42');
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

  it('leaves out of a second pack the ids another pack holds, and says so', async () => {
    await importPack(db, smallPack());
    const other = { format: 'backstory-pack' as const, version: 1, id: 'other', entities: [{ id: 'csto', kind: 'organization' as const, name: 'Other CSTO', aliases: ['OCSTO'] }] };
    const result = await importPack(db, other);
    expect(result).toMatchObject({ entities: 0, kept: ['csto'] });
    expect((await kb(db).entity('csto'))?.name).toBe('Collective Security Treaty Organization');
    expect(await kb(db).count()).toBe(5);
  });
});
