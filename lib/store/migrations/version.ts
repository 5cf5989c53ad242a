import type { Transaction } from 'dexie';

/** One version of the database's schema: what it declares, and how it moves the rows of the version before. */
export interface SchemaVersion {
  version: number;
  /** Dexie store definitions added or changed by this version (null deletes a table). */
  stores: Record<string, string | null>;
  /** Moves existing rows into the shape of this version; absent when there is nothing to move. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}
