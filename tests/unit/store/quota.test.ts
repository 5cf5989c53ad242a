import { describe, expect, it, vi } from 'vitest';
import { saveAnnotation } from '../../../lib/store/annotations';
import { BackstoryDatabase } from '../../../lib/store/db';
import { importPack } from '../../../lib/store/packs';
import { isQuotaError } from '../../../lib/store/store-errors';
import { smallPack } from './fixture-pack';

let counter = 0;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function counts(db: BackstoryDatabase) {
  const [annotations, statements, packs, parts] = await Promise.all([db.annotations.count(), db.statements.count(), db.packs.count(), db.packParts.count()]);
  return { annotations, statements, packs, parts };
}

describe('a full disk', () => {
  it('is told in plain words when a save fails, and nothing is half-saved', async () => {
    const db = new BackstoryDatabase(`quota-${++counter}`);
    await importPack(db, smallPack());
    const before = await counts(db);
    // The passage is written, then its statement hits the quota.
    vi.spyOn(db.statements, 'add').mockRejectedValueOnce(quota());
    const saving = saveAnnotation(db, {
      url: 'https://news.example/a', quote: 'We will see.', selectors: [{ type: 'TextQuoteSelector', exact: 'We will see.' }], tags: [], entityId: 'lukashenka',
    });
    await expect(saving).rejects.toThrow('Not saved: the browser has no room left for Backstory’s data (free some disk space, then try again).');
    expect(await counts(db)).toEqual(before);
  });

  it('is told in plain words when a pack import fails, and the knowledge base is as it was', async () => {
    const db = new BackstoryDatabase(`quota-${++counter}`);
    await importPack(db, smallPack());
    const before = await counts(db);
    vi.spyOn(db.packParts, 'bulkAdd').mockRejectedValueOnce(quota());
    await expect(importPack(db, { ...smallPack(), version: smallPack().version + 1 })).rejects.toThrow('Nothing was imported: the browser has no room left');
    expect(await counts(db)).toEqual(before);
    expect((await db.packs.toArray()).map((p) => p.version)).toEqual([smallPack().version]);
  });

  it('is recognised when Dexie wraps it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
  });
});
