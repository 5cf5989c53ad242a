import type { Table } from 'dexie';
import type { EntityKind } from '../messages';
import { indexKey } from '../text';
// Not through lib/text's index: the page's marker imports that, and needs no romanisation tables.
import { generatedAliases, type GeneratedAlias } from '../text/translit/generate';
import type { Entity } from './generated/pack';
import { aliasObject, entityRow, type AliasObject, type EntityRow, type PackLayout, type PackPartRow, type RelationRow, type StatementRow } from './rows';
import { searchTerms } from './search-terms';

/**
 * How a pack's rows are kept: in parts of a few dozen rows each, not one IndexedDB row per record.
 *
 * Chromium spends about 140 µs on every IndexedDB request and 28 µs on every index entry, whatever the
 * transactions (measured here), so a pack of 100,000 entities — 800,000 rows with their aliases,
 * relations and statements — took four minutes to write row by row. Kept in parts, it is about 12,000
 * requests. Each part (a PackPartRow) is a bucket of a hash table: the rows whose key (an entity's id,
 * an alias's lookup key, a relation's end, a statement's speaker) hashes to the bucket, so every lookup
 * the extension makes reads one part per pack, and no part grows with the size of the pack.
 *
 * Parts are written once, by an import (or the upgrade to schema version 4), and replaced whole by the
 * next import of the same pack. The reader's own rows — entities they made, pack entities they edited
 * and everything those say — stay in the row-per-record tables, and win over the parts (see knowledge.ts).
 */

/** An alias as a pack part keeps it: with its entity's kind and name, which is all a page needs of the entity. */
export interface PackAlias extends AliasObject {
  /** Set on a Latin spelling generated from a Cyrillic alias: the romanisation system's id (lib/text/translit). */
  romanised?: string;
  key: string;
  entityId: string;
  kind: EntityKind;
  name: string;
}

/**
 * What the editor's list and the pickers need of every entity, kept in slices apart from the full
 * rows, sorted by name: the entity's search words, space-separated (a search tests `' ' + terms` for
 * `' ' + word`: no array per entity to build when a hundred thousand are read).
 */
export interface CatalogEntry {
  id: string;
  name: string;
  kind: EntityKind;
  terms: string;
}

/** Code-unit order of names, then ids, as an IndexedDB index sorts: the editor's list order. */
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * A pack entity as its part keeps it: as the pack wrote it (aliases may be plain strings). The reader
 * gets it as an EntityRow (entityFromPart), with its origin and search words added.
 */
export type PartEntity = Entity;
export type PartRelation = Omit<RelationRow, 'origin' | 'id'>;
export type PartStatement = Omit<StatementRow, 'origin' | 'id' | 'annotationId'>;
/** A relation as a t/ part keeps it, under its `to` end: only where to find it whole, in the f/ part of its `from`. */
export interface PartIncoming {
  from: string;
  to: string;
}

export type PartKind = 'e' | 'a' | 'f' | 't' | 's' | 'c';
interface RowOf {
  e: PartEntity;
  a: PackAlias;
  f: PartRelation;
  t: PartIncoming;
  s: PartStatement;
  c: CatalogEntry;
}

/** Rows per bucket: small enough that a lookup reads little beside what it wants, large enough that a pack is few requests. */
const PER_BUCKET = { entities: 128, aliases: 64, relations: 128, statements: 128 } as const;
const CATALOG_SLICE = 2000;

/** FNV-1a: a fast, well-spread 32-bit hash of a string, the same in every run and every browser. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const bucketOf = (key: string, buckets: number) => hash(key) % buckets;

export const partKey = (pack: string, kind: PartKind, bucket: number): [string, string] => [pack, `${kind}/${bucket}`];

const bucketsFor = (count: number, per: number) => Math.max(1, Math.ceil(count / per));

export interface PackContent {
  entities: readonly Entity[];
  relations: readonly PartRelation[];
  statements: readonly PartStatement[];
}

// Aliases and catalog entries, the most numerous rows, are kept as arrays: a third smaller than
// objects that repeat their field names.
type AliasFlags = Omit<AliasObject, 'text'> & Pick<PackAlias, 'romanised'>;
type AliasTuple = [key: string, entityId: string, text: string, kind: EntityKind, name: string, flags?: AliasFlags];
type CatalogTuple = [id: string, name: string, kind: EntityKind, terms: string];
type IncomingTuple = [from: string, to: string];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function aliasTuple(alias: AliasObject & Pick<PackAlias, 'romanised'>, text: string, key: string, entity: Entity): AliasTuple {
  const tuple: AliasTuple = [key, entity.id, text, entity.kind, entity.name];
  if (alias.lang !== undefined || alias.caseSensitive !== undefined || alias.shared !== undefined || alias.romanised !== undefined) {
    const flags: AliasFlags = {};
    if (alias.lang !== undefined) flags.lang = alias.lang;
    if (alias.caseSensitive !== undefined) flags.caseSensitive = alias.caseSensitive;
    if (alias.shared !== undefined) flags.shared = alias.shared;
    if (alias.romanised !== undefined) flags.romanised = alias.romanised;
    tuple.push(flags);
  }
  return tuple;
}

const DECODE: { [K in PartKind]: (row: unknown) => RowOf[K] } = {
  e: (row) => row as PartEntity,
  a: (row) => {
    const [key, entityId, text, kind, name, flags] = row as AliasTuple;
    return { ...flags, text, key, entityId, kind, name };
  },
  f: (row) => row as PartRelation,
  t: (row) => {
    const [from, to] = row as IncomingTuple;
    return { from, to };
  },
  s: (row) => row as PartStatement,
  c: (row) => {
    const [id, name, kind, terms] = row as CatalogTuple;
    return { id, name, kind, terms };
  },
};

const KEY: { [K in Exclude<PartKind, 'c'>]: (row: RowOf[K]) => string } = {
  e: (e) => e.id,
  a: (a) => a.key,
  f: (r) => r.from,
  t: (r) => r.to,
  s: (s) => s.entity,
};

export function decodePart<K extends PartKind>(kind: K, part: Pick<PackPartRow, 'rows'>): RowOf[K][] {
  return (JSON.parse(decoder.decode(part.rows)) as unknown[]).map(DECODE[kind]);
}

function bucketed<T>(pack: string, kind: PartKind, rows: readonly T[], buckets: number, key: (row: T) => string): PackPartRow[] {
  const parts: T[][] = Array.from({ length: buckets }, () => []);
  for (const row of rows) parts[bucketOf(key(row), buckets)].push(row);
  return parts.flatMap((bucket, i) => (bucket.length ? [{ pack, part: `${kind}/${i}`, rows: encoder.encode(JSON.stringify(bucket)) }] : []));
}

/** The entity of a part as the reader gets it: aliases as objects, its origin and search words. */
export const entityFromPart = (entity: PartEntity, pack: string): EntityRow => entityRow(entity, pack);

/**
 * The parts that hold `content` for `pack`, the layout to read them by, and the keys its aliases are
 * filed under. Entities, relations and statements are stored as given, without copies (the caller
 * passes them without row ids or origins: a part's pack is its rows' origin).
 */
export function packParts(
  pack: string,
  content: PackContent,
  { romanise = true }: { romanise?: boolean } = {},
): { layout: PackLayout; parts: PackPartRow[]; keys: Set<string> } {
  const { entities, relations, statements } = content;
  const aliases: AliasTuple[] = [];
  const catalog: CatalogTuple[] = [];
  const keys = new Set<string>();
  // The Latin spellings of the entities' Cyrillic aliases under every romanisation system (lib/text/translit),
  // filed like the pack's own aliases but kept out of the entities: what the pack says stays as it said it.
  const generated = romanise
    ? generatedAliases(entities.map((e) => ({ id: e.id, kind: e.kind, country: e.country, names: [...e.aliases.map(aliasObject), { text: e.name }] })))
    : new Map<string, GeneratedAlias[]>();
  for (const entity of entities) {
    const objects = entity.aliases.map(aliasObject);
    // As aliasRows files them (the display name last, the first of two equal texts kept), without
    // the row objects: a pack of 100,000 entities has 400,000 aliases, and their garbage shows.
    const seen = new Set<string>();
    const spellings = (generated.get(entity.id) ?? []).map(({ text, shared, system }) => (shared ? { text, shared, romanised: system } : { text, romanised: system }));
    for (const alias of [...objects, { text: entity.name }, ...spellings] as (AliasObject & Pick<PackAlias, 'romanised'>)[]) {
      const text = alias.text.trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const key = indexKey({ text, lang: alias.lang });
      if (!key) continue;
      aliases.push(aliasTuple(alias, text, key, entity));
      keys.add(key);
    }
    catalog.push([entity.id, entity.name, entity.kind, searchTerms({ name: entity.name, aliases: objects }).join(' ')]);
  }
  const layout: PackLayout = {
    id: crypto.randomUUID(),
    entities: bucketsFor(entities.length, PER_BUCKET.entities),
    aliases: bucketsFor(aliases.length, PER_BUCKET.aliases),
    relations: bucketsFor(relations.length, PER_BUCKET.relations),
    statements: bucketsFor(statements.length, PER_BUCKET.statements),
    catalog: bucketsFor(entities.length, CATALOG_SLICE),
  };
  catalog.sort((a, b) => byName({ name: a[1], id: a[0] }, { name: b[1], id: b[0] }));
  const incoming = relations.map((r): IncomingTuple => [r.from, r.to]);
  const parts = [
    ...bucketed(pack, 'e', entities, layout.entities, (e) => e.id),
    ...bucketed(pack, 'a', aliases, layout.aliases, (a) => a[0]),
    ...bucketed(pack, 'f', relations, layout.relations, (r) => r.from),
    ...bucketed(pack, 't', incoming, layout.relations, (r) => r[1]),
    ...bucketed(pack, 's', statements, layout.statements, (s) => s.entity),
    ...Array.from({ length: layout.catalog }, (_, i) => ({
      pack,
      part: `c/${i}`,
      rows: encoder.encode(JSON.stringify(catalog.slice(i * CATALOG_SLICE, (i + 1) * CATALOG_SLICE))),
    })),
  ];
  return { layout, parts, keys };
}

/** Every part of a pack, for its removal or replacement. */
export function packRange(table: Table<PackPartRow, [string, string]>, pack: string) {
  return table.where('[pack+part]').between([pack, ''], [pack, '\uffff']);
}

/**
 * Reads the parts of `kind` that the keys fall in, and returns their rows whose key is among them.
 * Written as a chain of Dexie promises, with no early return of a native one: inside a transaction,
 * an async function that only sometimes awaits IndexedDB can make Dexie lose track of the transaction
 * (Dexie.js issue #1186: PrematureCommitError).
 */
export function readBuckets<K extends Exclude<PartKind, 'c'>>(
  table: Table<PackPartRow, [string, string]>,
  pack: string,
  kind: K,
  buckets: number,
  keys: Iterable<string>,
): Promise<RowOf[K][]> {
  const wanted = new Set(keys);
  const parts = [...new Set([...wanted].map((key) => bucketOf(key, buckets)))].map((b) => partKey(pack, kind, b));
  const keyOf = KEY[kind] as (row: RowOf[K]) => string;
  return table.bulkGet(parts).then((found) => found.flatMap((part) => (part ? decodePart(kind, part).filter((row) => wanted.has(keyOf(row))) : [])));
}

/**
 * A pack's catalog, sorted by name: its slices read one request at a time, so that decoding a
 * hundred thousand entries happens in as many short tasks as there are slices, not one long one.
 */
export async function readCatalog(table: Table<PackPartRow, [string, string]>, pack: string, slices: number): Promise<CatalogEntry[]> {
  const out: CatalogEntry[] = [];
  for (let i = 0; i < slices; i++) {
    const part = await table.get(partKey(pack, 'c', i));
    if (part) for (const entry of decodePart('c', part)) out.push(entry);
  }
  return out;
}

/** Every row of `kind` in a pack, part by part (for exports). */
export async function readAll<K extends PartKind>(table: Table<PackPartRow, [string, string]>, pack: string, kind: K): Promise<RowOf[K][]> {
  const parts = await table.where('[pack+part]').between([pack, `${kind}/`], [pack, `${kind}/\uffff`]).toArray();
  return parts.flatMap((part) => decodePart(kind, part));
}
