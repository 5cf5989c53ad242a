import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { importPack, removePack } from '../../../lib/store/packs';
import { compareVersions, ensureBundledPack, ensureBundledPackFile } from '../../../lib/store/starter-pack';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`bundled-pack-${++counter}`);
  await db.open();
});

/** The pack as the reader imported it from a newer release: version 3, a new summary for Lukashenka. */
const newer = () => {
  const pack = smallPack({ version: 3, updated: '2027-03-01' });
  pack.entities = pack.entities.map((e) => (e.id === 'lukashenka' ? { ...e, summary: 'As of version 3.' } : e));
  return pack;
};

describe('the bundled pack on each start of the service worker', () => {
  it('leaves alone a newer version the reader imported', async () => {
    await importPack(db, newer());
    // The extension still ships version 1, dated earlier; the worker starts again.
    expect(await ensureBundledPack(db, smallPack())).toBe('newer-stored');
    expect(await ensureBundledPack(db, smallPack())).toBe('newer-stored');
    expect((await db.packs.get('test-pack'))?.version).toBe(3);
    expect((await kb(db).entity('lukashenka'))?.summary).toBe('As of version 3.');
    // An update of the extension ships version 4: that one comes in.
    const shipped = smallPack({ version: 4, updated: '2027-01-01' });
    expect(await ensureBundledPack(db, shipped)).toBe('imported');
    expect((await db.packs.get('test-pack'))?.version).toBe(4);
  });

  it('leaves alone a newer version even when the bundled one carries a later date', async () => {
    await importPack(db, newer());
    expect(await ensureBundledPack(db, smallPack({ version: 2, updated: '2028-01-01' }))).toBe('newer-stored');
    expect((await kb(db).entity('lukashenka'))?.summary).toBe('As of version 3.');
  });

  it('keeps a same version dated the same or later than the bundle, and takes one the bundle dates later', async () => {
    await importPack(db, newer());
    expect(await ensureBundledPack(db, { ...newer(), updated: '2027-02-01' })).toBe('current');
    expect(await ensureBundledPack(db, newer())).toBe('current');
    expect((await db.packs.get('test-pack'))?.updated).toBe('2027-03-01');
    const refreshed = newer();
    refreshed.updated = '2027-04-01';
    refreshed.entities = refreshed.entities.map((e) => (e.id === 'lukashenka' ? { ...e, summary: 'Refreshed.' } : e));
    expect(await ensureBundledPack(db, refreshed)).toBe('imported');
    expect((await kb(db).entity('lukashenka'))?.summary).toBe('Refreshed.');
  });

  it('keeps a stored pack whose version cannot be read', async () => {
    await importPack(db, newer());
    await db.packs.update('test-pack', { version: 'three' as unknown as number });
    expect(await ensureBundledPack(db, smallPack())).toBe('unknown-stored');
    expect((await kb(db).entity('lukashenka'))?.summary).toBe('As of version 3.');
  });
});

describe('the bundled pack known by its stamp (id, version, date) until it must be read', () => {
  const stampOf = (pack: ReturnType<typeof smallPack>) => ({ id: pack.id, version: pack.version, updated: pack.updated });
  /** The pack file as the worker reads it, counting the reads. */
  const file = (pack: ReturnType<typeof smallPack>) => {
    const reads = { count: 0 };
    return { reads, load: async () => (reads.count++, pack) };
  };

  it('reads the file on the first start only: later starts find this version stored', async () => {
    const shipped = file(smallPack());
    expect(await ensureBundledPackFile(db, stampOf(smallPack()), shipped.load)).toBe('imported');
    expect(await ensureBundledPackFile(db, stampOf(smallPack()), shipped.load)).toBe('current');
    expect(await ensureBundledPackFile(db, stampOf(smallPack()), shipped.load)).toBe('current');
    expect(shipped.reads.count).toBe(1);
    expect((await kb(db).entity('lukashenka'))?.name).toBe('Alexander Lukashenka');
  });

  it('reads and imports the file of an update, and never a pack the reader removed', async () => {
    await ensureBundledPackFile(db, stampOf(smallPack()), file(smallPack()).load);
    const update = file(smallPack({ version: 2 }));
    expect(await ensureBundledPackFile(db, stampOf(smallPack({ version: 2 })), update.load)).toBe('imported');
    expect(update.reads.count).toBe(1);
    expect((await db.packs.get('test-pack'))?.version).toBe(2);
    await removePack(db, 'test-pack');
    const later = file(smallPack({ version: 3 }));
    expect(await ensureBundledPackFile(db, stampOf(smallPack({ version: 3 })), later.load)).toBe('removed');
    expect(later.reads.count).toBe(0);
  });

  it('reads the file again when the database lost the pack', async () => {
    await ensureBundledPackFile(db, stampOf(smallPack()), file(smallPack()).load);
    await db.packs.clear();
    const again = file(smallPack());
    expect(await ensureBundledPackFile(db, stampOf(smallPack()), again.load)).toBe('imported');
    expect(again.reads.count).toBe(1);
  });
});

describe('comparing pack versions', () => {
  it.each([
    [1, 2, -1],
    [10, 9, 1],
    [3, 3, 0],
    ['1.10', '1.9', 1],
    ['1.2', '1.2.0', 0],
    ['2', 10, -1],
    ['v2', 1, null],
    [undefined, 1, null],
    [Number.NaN, 1, null],
  ])('orders %s against %s as %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
