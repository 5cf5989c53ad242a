import Dexie, { type Table } from 'dexie';
import type { Alias, Entity, Relation, Source, Statement } from './generated/pack';

export type EntityKind = Entity['kind'];
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'country', 'place', 'party', 'event'];

/** Where a row came from: the id of the pack that brought it, or USER_ORIGIN for the reader's own. */
export type Origin = string;
export const USER_ORIGIN = 'user';

export type AliasObject = Exclude<Alias, string>;

export interface EntityRow extends Omit<Entity, 'aliases'> {
  aliases: AliasObject[];
  origin: Origin;
  note?: string;
}

/** One alias, filed under the key the matcher looks it up by (see lib/text indexKey). */
export interface AliasRow extends AliasObject {
  key: string;
  entityId: string;
  kind: EntityKind;
}

export interface RelationRow extends Relation {
  id?: number;
  origin: Origin;
}

export interface StatementRow extends Statement {
  id?: number;
  origin: Origin;
}

export interface PackRow {
  id: string;
  title: string;
  version: number;
  updated?: string;
  license?: string;
  importedAt: number;
  counts: { entities: number; relations: number; statements: number };
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type { Source };

export class BackstoryDatabase extends Dexie {
  entities!: Table<EntityRow, string>;
  aliases!: Table<AliasRow, [string, string]>;
  relations!: Table<RelationRow, number>;
  statements!: Table<StatementRow, number>;
  packs!: Table<PackRow, string>;
  settings!: Table<SettingRow, string>;

  constructor(name = 'backstory') {
    super(name);
    this.version(1).stores({
      entities: 'id, kind, origin, name',
      aliases: '[entityId+text], key, entityId',
      relations: '++id, from, to, type, origin',
      statements: '++id, entity, origin, date',
      packs: 'id',
      settings: 'key',
    });
  }
}

let shared: BackstoryDatabase | undefined;

/** The database of the extension's origin. Only the background and extension pages may call this. */
export function openDatabase(): BackstoryDatabase {
  shared ??= new BackstoryDatabase();
  return shared;
}
