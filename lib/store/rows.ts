/**
 * The rows the database keeps, table by table, and how an entity of a pack becomes one. Of the store
 * it imports only the pack's types and search-terms.ts, so that every file of the store (and the UI)
 * can name a row without an import cycle.
 */
import type { EntityKind } from '../messages';
import { indexKey } from '../text';
import type { Alias, Entity, Relation, Statement } from './generated/pack';
import { searchTerms } from './search-terms';

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

/** How many buckets each kind of part has in one pack: stored on the pack's row, read by every lookup. */
export interface PackLayout {
  /** Names this set of parts: a new import writes new parts under a new id, so caches of the old ones go stale. */
  id: string;
  entities: number;
  aliases: number;
  relations: number;
  statements: number;
  catalog: number;
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

/** One bucket of a pack's rows (see pack-parts.ts). */
export interface PackPartRow {
  pack: string;
  /** `<kind>/<bucket>`: e/ entities by id, a/ aliases by key, f/ relations by from, t/ relations by to, s/ statements by entity, c/ catalog slices. */
  part: string;
  /**
   * The part's rows as UTF-8 JSON. Chromium copies bytes into IndexedDB as they are, where it would
   * walk and serialize every object and string of the rows one by one (measured here for a pack of
   * 100,000 entities: 200 MB and 5–8 s of structured cloning, against 140 MB and 2–3 s of JSON); a
   * part is small, so decoding the few a lookup reads costs little.
   */
  rows: Uint8Array;
}

/** The keys a pack's aliases, or the reader's (READER_KEYS), are filed under (see alias-keys.ts). */
export interface AliasKeysRow {
  id: string;
  /** The keys, one per line (a key is one folded word, so it never holds a line break). */
  keys: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Everything one deletion removed, so that undoing it puts back exactly those rows. */
export interface TrashRow {
  id?: number;
  deletedAt: number;
  entity: EntityRow;
  aliases: AliasRow[];
  relations: RelationRow[];
  statements: StatementRow[];
}

export function aliasObject(alias: Alias): AliasObject {
  return typeof alias === 'string' ? { text: alias } : alias;
}

export function aliasRows(entity: Pick<EntityRow, 'id' | 'aliases' | 'name'>): AliasRow[] {
  const rows = new Map<string, AliasRow>();
  // The display name is always an alias, so an entity never goes unmatched for want of one; it comes
  // last so that the pack's own alias of the same text keeps its flags (caseSensitive, shared).
  for (const alias of [...entity.aliases, { text: entity.name }]) {
    const text = alias.text.trim();
    if (!text || rows.has(text)) continue;
    rows.set(text, { ...alias, text, key: indexKey({ text, lang: alias.lang }), entityId: entity.id });
  }
  return [...rows.values()].filter((row) => row.key !== '');
}

/** The row of an entity as the database keeps it. */
export function entityRow(entity: Entity, origin: Origin, extra: Pick<EntityRow, 'editedAt' | 'note'> = {}): EntityRow {
  const aliases = entity.aliases.map(aliasObject);
  const row: EntityRow = { ...entity, aliases, origin, terms: searchTerms({ name: entity.name, aliases }) };
  if (extra.editedAt !== undefined) row.editedAt = extra.editedAt;
  if (extra.note) row.note = extra.note;
  return row;
}
