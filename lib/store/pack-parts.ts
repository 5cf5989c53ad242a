import type { Table } from 'dexie';
import type { AliasObject, AliasRow, EntityKind, EntityRow, RelationRow, StatementRow } from './db';

/**
 * How a pack's rows are kept: in parts of a few dozen rows each, not one IndexedDB row per record.
 *
 * Chromium spends about 140 µs on every IndexedDB request and 28 µs on every index entry, whatever the
 * transactions (measured here), so a pack of 100,000 entities — 800,000 rows with their aliases,
 * relations and statements — took four minutes to write row by row. Kept in parts, it is about 12,000
 * requests. Each part is a bucket of a hash table: the rows whose key (an entity's id, an alias's
 * lookup key, a relation's end, a statement's speaker) hashes to the bucket, so every lookup the
 * extension makes reads one part per pack, and no part grows with the size of the pack.
 *
 * Parts are written once, by an import (or the upgrade to schema version 4), and replaced whole by the
 * next import of the same pack. The reader's own rows — entities they made, pack entities they edited
 * and everything those say — stay in the row-per-record tables, and win over the parts (see knowledge.ts).
 */
export interface PackPartRow {
  pack: string;
  /** `<kind>/<bucket>`: e/ entities by id, a/ aliases by key, f/ relations by from, t/ relations by to, s/ statements by entity, c/ catalog slices. */
  part: string;
  rows: unknown[];
}

/** How many buckets each kind of part has in one pack: stored on the pack's row, read by every lookup. */
export interface PackLayout {
  entities: number;
  aliases: number;
  relations: number;
  statements: number;
  catalog: number;
}

/** An alias as a pack part keeps it: with its entity's kind and name, which is all a page needs of the entity. */
export interface PackAlias extends AliasObject {
  key: string;
  entityId: string;
  kind: EntityKind;
  name: string;
}

/** What the editor's list and the pickers need of every entity, kept in slices apart from the full rows. */
export interface CatalogEntry {
  id: string;
  name: string;
  kind: EntityKind;
  terms: string[];
}

/** Rows per bucket: small enough that a lookup reads little beside what it wants, large enough that a pack is few requests. */
const PER_BUCKET = { entities: 64, aliases: 32, relations: 64, statements: 64 } as const;
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

export const partKey = (pack: string, kind: 'e' | 'a' | 'f' | 't' | 's' | 'c', bucket: number): [string, string] => [pack, `${kind}/${bucket}`];

const bucketsFor = (count: number, per: number) => Math.max(1, Math.ceil(count / per));

export interface PackContent {
  entities: EntityRow[];
  aliases: AliasRow[];
  relations: RelationRow[];
  statements: StatementRow[];
}

function bucketed<T>(pack: string, kind: 'e' | 'a' | 'f' | 't' | 's', rows: readonly T[], buckets: number, key: (row: T) => string): PackPartRow[] {
  const parts: T[][] = Array.from({ length: buckets }, () => []);
  for (const row of rows) parts[bucketOf(key(row), buckets)].push(row);
  return parts.flatMap((bucket, i) => (bucket.length ? [{ pack, part: `${kind}/${i}`, rows: bucket }] : []));
}

/** The parts that hold `content` for `pack`, and the layout to read them by. Row ids and origins are left out: a part's pack is its origin. */
export function packParts(pack: string, content: PackContent): { layout: PackLayout; parts: PackPartRow[] } {
  const kinds = new Map(content.entities.map((e) => [e.id, e]));
  const aliases: PackAlias[] = content.aliases.flatMap((alias) => {
    const entity = kinds.get(alias.entityId);
    return entity ? [{ ...alias, kind: entity.kind, name: entity.name }] : [];
  });
  const relations = content.relations.map(({ id: _id, origin: _origin, ...r }) => r);
  const statements = content.statements.map(({ id: _id, origin: _origin, annotationId: _a, ...s }) => s);
  const entities = content.entities.map(({ origin: _origin, ...e }) => e);
  const layout: PackLayout = {
    entities: bucketsFor(entities.length, PER_BUCKET.entities),
    aliases: bucketsFor(aliases.length, PER_BUCKET.aliases),
    relations: bucketsFor(relations.length, PER_BUCKET.relations),
    statements: bucketsFor(statements.length, PER_BUCKET.statements),
    catalog: bucketsFor(entities.length, CATALOG_SLICE),
  };
  const catalog: CatalogEntry[] = entities.map(({ id, name, kind, terms }) => ({ id, name, kind, terms }));
  const parts = [
    ...bucketed(pack, 'e', entities, layout.entities, (e) => e.id),
    ...bucketed(pack, 'a', aliases, layout.aliases, (a) => a.key),
    ...bucketed(pack, 'f', relations, layout.relations, (r) => r.from),
    ...bucketed(pack, 't', relations, layout.relations, (r) => r.to),
    ...bucketed(pack, 's', statements, layout.statements, (s) => s.entity),
    ...Array.from({ length: layout.catalog }, (_, i) => ({ pack, part: `c/${i}`, rows: catalog.slice(i * CATALOG_SLICE, (i + 1) * CATALOG_SLICE) })),
  ];
  return { layout, parts };
}

/** Every part of a pack, for its removal or replacement. */
export function packRange(table: Table<PackPartRow, [string, string]>, pack: string) {
  return table.where('[pack+part]').between([pack, ''], [pack, '\uffff']);
}

/** Reads the parts of `kind` that the keys fall in, and returns their rows whose key is among them. */
export async function readBuckets<T>(
  table: Table<PackPartRow, [string, string]>,
  pack: string,
  kind: 'e' | 'a' | 'f' | 't' | 's',
  buckets: number,
  keys: Iterable<string>,
  keyOf: (row: T) => string,
): Promise<T[]> {
  const wanted = new Set(keys);
  if (!wanted.size) return [];
  const parts = [...new Set([...wanted].map((key) => bucketOf(key, buckets)))].map((b) => partKey(pack, kind, b));
  const rows = await table.bulkGet(parts);
  return rows.flatMap((part) => (part ? (part.rows as T[]).filter((row) => wanted.has(keyOf(row))) : []));
}

/** Every row of `kind` in a pack, part by part (for exports and the editor's catalog). */
export async function readAll<T>(table: Table<PackPartRow, [string, string]>, pack: string, kind: 'e' | 'a' | 'f' | 't' | 's' | 'c'): Promise<T[]> {
  const parts = await table.where('[pack+part]').between([pack, `${kind}/`], [pack, `${kind}/\uffff`]).toArray();
  return parts.flatMap((part) => part.rows as T[]);
}
