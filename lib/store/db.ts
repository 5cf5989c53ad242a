import Dexie, { type Table, type Transaction } from 'dexie';
import type { Alias, Entity, Relation, Source, Statement } from './generated/pack';
import type { SavedAnnotation } from '../annotations/types';
import { indexKey } from '../text';
import { READER_KEYS, joinKeys, type AliasKeysRow } from './alias-keys';
import { searchTerms } from './search-terms';
import { packParts, type PackLayout, type PackPartRow } from './pack-parts';

export type EntityKind = Entity['kind'];
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'country', 'place', 'party', 'event'];
export type RelationType = Relation['type'];
export const RELATION_TYPES: readonly RelationType[] = [
  'member_of',
  'observer_of',
  'partner_of',
  'candidate_of',
  'suspended',
  'left',
  'leads',
  'part_of',
  'capital_of',
  'allied_with',
];

/** Where a row came from: the id of the pack that brought it, or USER_ORIGIN for the reader's own. */
export type Origin = string;
export const USER_ORIGIN = 'user';

export type AliasObject = Exclude<Alias, string>;

export interface EntityRow extends Omit<Entity, 'aliases'> {
  aliases: AliasObject[];
  origin: Origin;
  /**
   * When the reader last saved the entity in the editor. A pack entity with this set is the reader's
   * version: later imports of its pack leave it, its aliases, relations and statements alone.
   */
  editedAt?: number;
  note?: string;
  /** The folded words of the name and aliases, for the editor's search (see searchTerms). */
  terms: string[];
}

/** One alias, filed under the key the matcher looks it up by (see lib/text indexKey). */
export interface AliasRow extends AliasObject {
  key: string;
  entityId: string;
}

export interface RelationRow extends Relation {
  id?: number;
  origin: Origin;
}

export interface StatementRow extends Statement {
  id?: number;
  origin: Origin;
  /** The saved annotation the statement was made from. */
  annotationId?: string;
}

export interface PackRow {
  id: string;
  title: string;
  version: number;
  updated?: string;
  license?: string;
  importedAt: number;
  counts: { entities: number; relations: number; statements: number };
  /** How the pack's rows are kept in packParts (see pack-parts.ts); absent for a pack that brought nothing. */
  layout?: PackLayout;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * A passage the reader saved from a page, as lib/annotations defines it; the speaker's name is not
 * stored (it is read from the entity when needed).
 */
export type AnnotationRow = Omit<SavedAnnotation, 'entityName'>;

/** Everything one deletion removed, so that undoing it puts back exactly those rows. */
export interface TrashRow {
  id?: number;
  deletedAt: number;
  entity: EntityRow;
  aliases: AliasRow[];
  relations: RelationRow[];
  statements: StatementRow[];
}

export type { Source };

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions added or changed by this version (null deletes a table). */
  stores: Record<string, string | null>;
  /** Moves existing rows into the shape of this version; absent when there is nothing to move. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/**
 * Every version the database has had, oldest first. A version is never edited once released: a change
 * is a new entry, with an upgrade when rows written by an earlier version need new data.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      entities: 'id, kind, origin, name',
      aliases: '[entityId+text], key, entityId',
      relations: '++id, from, to, type, origin',
      statements: '++id, entity, origin, date',
      packs: 'id',
      settings: 'key',
    },
  },
  {
    // The editor: search by any word of a name (terms), lists by kind or pack sorted by name (the
    // compound indexes, which also answer queries on kind or origin alone), the reader's edits
    // (editedAt), undo of deletes (trash); saved passages (annotations) and the statements made from
    // them (annotationId). Fewer index entries make imports faster: no query reads relations by type
    // or statements by date, and the aliases' primary key [entityId+text] answers queries by entityId.
    version: 2,
    stores: {
      entities: 'id, [kind+name], [origin+name], name, editedAt, *terms',
      aliases: '[entityId+text], key',
      relations: '++id, from, to, origin',
      statements: '++id, entity, origin, annotationId',
      annotations: 'id, url, entityId, createdAt, *tags, site',
      trash: '++id, deletedAt',
    },
    // Version 1 had no editor, so no entity was edited and nothing was deleted: only the search terms
    // must be computed.
    upgrade: (tx) =>
      tx
        .table('entities')
        .toCollection()
        .modify((entity: EntityRow) => {
          entity.terms = searchTerms(entity);
        }),
  },
  {
    // Aliases are filed under their last word instead of their first (see lib/text indexKey): a
    // large knowledge base shares given names far more than surnames. Only the keys change.
    // The list of every key (aliasKeys, see alias-keys.ts) lets the background skip the words of a
    // page that name nothing before it asks the index.
    version: 3,
    stores: { aliasKeys: 'id' },
    upgrade: async (tx) => {
      const keys = new Set<string>();
      await tx
        .table('aliases')
        .toCollection()
        .modify((alias: AliasRow) => {
          alias.key = indexKey(alias);
          keys.add(alias.key);
        });
      await tx.table('aliasKeys').put({ id: READER_KEYS, keys: joinKeys(keys) });
    },
  },
  {
    // A pack's rows move into parts of a few dozen rows each (see pack-parts.ts): writing a pack of
    // 100,000 entities row by row took minutes. The tables keep the reader's rows: entities they made
    // or edited, and what those say. The trash is searched by the deleted entity's id, as a deleted
    // pack entity stays in its pack's parts and is hidden by its trash row.
    version: 4,
    stores: { packParts: '[pack+part]', trash: '++id, deletedAt, entity.id' },
    upgrade: async (tx) => {
      const allAliases: AliasRow[] = await tx.table('aliases').toArray();
      for (const pack of (await tx.table('packs').toArray()) as PackRow[]) {
        const entities = ((await tx.table('entities').where('origin').equals(pack.id).toArray()) as EntityRow[]).filter((e) => e.editedAt === undefined);
        const ids = new Set(entities.map((e) => e.id));
        // Their alias rows go: the parts file a pack entity's aliases anew from its row, as an import does.
        const aliases = allAliases.filter((a) => ids.has(a.entityId));
        const relations: RelationRow[] = await tx.table('relations').where('origin').equals(pack.id).toArray();
        const statements: StatementRow[] = await tx.table('statements').where('origin').equals(pack.id).toArray();
        const { layout, parts, keys } = packParts(pack.id, {
          entities: entities.map(({ origin: _o, editedAt: _e, note: _n, terms: _t, ...entity }) => entity),
          relations: relations.map(({ id: _id, origin: _o, ...relation }) => relation),
          statements: statements.map(({ id: _id, origin: _o, annotationId: _a, ...statement }) => statement),
        });
        await tx.table('packParts').bulkPut(parts);
        await tx.table('entities').bulkDelete([...ids]);
        await tx.table('aliases').bulkDelete(aliases.map((a) => [a.entityId, a.text]));
        await tx.table('relations').bulkDelete(relations.map((r) => r.id));
        await tx.table('statements').bulkDelete(statements.map((s) => s.id));
        await tx.table('packs').put({ ...pack, layout });
        // Keys listed before stay listed: an entity of the pack that the reader edited keeps its aliases
        // in the table, and a key listed for nothing costs one wasted lookup, never a missed name.
        const listed = ((await tx.table('aliasKeys').get(pack.id)) as AliasKeysRow | undefined)?.keys.split('\n') ?? [];
        await tx.table('aliasKeys').put({ id: pack.id, keys: joinKeys([...listed, ...keys]) });
      }
    },
  },
];

/** Declares `versions` on `db`: all of them for the extension, the first few for a migration test. */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

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
