import Dexie, { type Table } from 'dexie';
import type { AnnotationRow } from '../messages';
import { declareVersions } from './migrations';
import type { AliasKeysRow, AliasRow, EntityRow, PackPartRow, PackRow, RelationRow, SettingRow, StatementRow, TrashRow } from './rows';

/** The database: its tables, with the rows of rows.ts, at the latest schema version (see migrations/). */
export class BackstoryDatabase extends Dexie {
  entities!: Table<EntityRow, string>;
  aliases!: Table<AliasRow, [string, string]>;
  relations!: Table<RelationRow, number>;
  statements!: Table<StatementRow, number>;
  packs!: Table<PackRow, string>;
  settings!: Table<SettingRow, string>;
  annotations!: Table<AnnotationRow, string>;
  trash!: Table<TrashRow, number>;
  aliasKeys!: Table<AliasKeysRow, string>;
  packParts!: Table<PackPartRow, [string, string]>;

  constructor(name = 'backstory') {
    super(name);
    declareVersions(this);
  }
}

let shared: BackstoryDatabase | undefined;

/** The database of the extension's origin. Only the background and extension pages may call this. */
export function openDatabase(): BackstoryDatabase {
  shared ??= new BackstoryDatabase();
  return shared;
}
