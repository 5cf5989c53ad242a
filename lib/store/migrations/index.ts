import type Dexie from 'dexie';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import type { SchemaVersion } from './version';

/**
 * Every version the database has had, oldest first, each in a file of its own with a frozen copy of
 * the code its upgrade runs. A version is never edited once released: a change is a new file and a new
 * entry here, with an upgrade when rows written by an earlier version need new data.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v1, v2, v3, v4];

/** Declares `versions` on `db`: all of them for the extension, the first few for a migration test. */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
