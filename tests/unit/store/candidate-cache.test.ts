import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Candidates } from '../../../lib/messages';
import { AliasKeySet } from '../../../lib/store/alias-keys';
import { CandidateCache } from '../../../lib/store/candidate-cache';
import { BackstoryDatabase } from '../../../lib/store/db';
import { checkDraft, deleteEntity, loadDraft, restoreDeleted, saveEntity } from '../../../lib/store/editor';
import { importPack, removePack } from '../../../lib/store/packs';
import { findCandidates } from '../../../lib/store/queries';
import { lookupKeys } from '../../../lib/text';
import { smallPack } from './fixture-pack';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`candidate-cache-${++counter}`);
  await db.open();
  await importPack(db, smallPack());
});

/** The answer with its aliases in one order, to compare answers gathered in different orders. */
const sorted = (answer: Candidates) => ({
  entities: answer.entities,
  aliases: [...answer.aliases].sort((a, b) => `${a.entityId} ${a.text}`.localeCompare(`${b.entityId} ${b.text}`)),
});
const names = (answer: Candidates) => [...new Set(answer.aliases.map((a) => a.entityId))].sort();

const PAGES = [
  'Alexander Lukashenka met the CSTO in Minsk.',
  'Lukashenko spoke; Belarus listened.',
  'Nothing here names anyone.',
  'The CSTO and Belarus, and Alexander again.',
];

describe('the service worker’s candidates, kept between pages', () => {
  it('answers every page as a fresh read of the database does, the second time from memory', async () => {
    const cache = new CandidateCache();
    for (const round of [1, 2]) {
      for (const text of PAGES) {
        const keys = lookupKeys([text]);
        expect(sorted(await cache.find(db, keys)), `${text} (round ${round})`).toEqual(sorted(await findCandidates(db, keys, new AliasKeySet())));
      }
    }
  });

  it('reads the database only for words it has not looked up before', async () => {
    const cache = new CandidateCache();
    const keys = lookupKeys([PAGES[0]]);
    await cache.find(db, keys);
    const reads = vi.spyOn(db, 'transaction');
    expect(names(await cache.find(db, keys))).toEqual(['csto', 'lukashenka']);
    expect(reads).not.toHaveBeenCalled();
    await cache.find(db, lookupKeys(['Belarus']));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('forgets what it kept when an entity is deleted, restored, edited, or a pack removed', async () => {
    const cache = new CandidateCache();
    const page = lookupKeys([PAGES[0]]);
    expect(names(await cache.find(db, page))).toEqual(['csto', 'lukashenka']);

    const trashId = await deleteEntity(db, 'lukashenka');
    expect(names(await cache.find(db, page))).toEqual(['csto']);
    await restoreDeleted(db, trashId);
    expect(names(await cache.find(db, page))).toEqual(['csto', 'lukashenka']);

    const draft = (await loadDraft(db, 'lukashenka'))!;
    const check = await checkDraft(db, { ...draft, kind: 'organization' }, { isNew: false });
    if (!check.ok) throw new Error('draft refused');
    await saveEntity(db, check.rows, { isNew: false, now: 5000 });
    expect((await cache.find(db, page)).entities.lukashenka).toMatchObject({ kind: 'organization', own: true });

    await removePack(db, 'test-pack');
    expect(names(await cache.find(db, page))).toEqual(['lukashenka']);
  });
});
