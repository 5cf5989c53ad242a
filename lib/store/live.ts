import { liveQuery } from 'dexie';
import type { BackstoryDatabase } from './db';
import type { PackRow } from './rows';

export interface LiveObserver<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/**
 * Runs `query` now and again whenever a table it read changes (in this page or any other of the
 * extension), handing each result to `observer`: how the extension's pages keep what they show up to
 * date. `query` reads the database through lib/store's functions.
 */
export function watch<T>(query: () => Promise<T>, observer: LiveObserver<T>): { unsubscribe(): void } {
  return liveQuery(query).subscribe(observer);
}

/** The imported packs, by id. */
export function listPacks(db: BackstoryDatabase): Promise<PackRow[]> {
  return db.packs.orderBy('id').toArray();
}
