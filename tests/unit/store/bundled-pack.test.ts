import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { importPack } from '../../../lib/store/packs';
import { compareVersions, ensureBundledPack } from '../../../lib/store/starter-pack';
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
