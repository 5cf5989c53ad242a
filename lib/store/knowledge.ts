import type { BackstoryDatabase } from './db';
import { USER_ORIGIN, type EntityRow, type PackRow, type RelationRow, type StatementRow } from './rows';
import { byName, entityFromPart, readAll, readBuckets, readCatalog, type CatalogEntry, type PackAlias } from './pack-parts';

/**
 * Reads of the knowledge base as one: the packs' parts (pack-parts.ts) under the reader's own rows.
 *
 * The rules, the same for every reader of the knowledge base:
 * - an entity in the `entities` table (made by the reader, or a pack entity they edited) stands in place
 *   of any pack's entity of that id, and so do its aliases, relations from it and statements;
 * - a pack entity the reader deleted (its trash row names the pack) is hidden, with everything it says;
 * - an id may be in several packs' parts: they say things of one entity (pack-links.ts). Its entity row
 *   is the first pack's (oldest import), its aliases, relations and statements every pack's, and the
 *   card merges what each pack says of it (entityVersions, queries.ts loadDossier).
 */

/** Every table a read of the knowledge base may touch, for the transactions that hold one. */
export const knowledgeTables = (db: BackstoryDatabase) => [db.entities, db.aliases, db.relations, db.statements, db.packs, db.packParts, db.trash];

/** The packs whose parts hold rows, oldest import first. */
export async function storedPacks(db: BackstoryDatabase): Promise<PackRow[]> {
  return (await db.packs.toArray()).filter((p) => p.layout).sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id));
}

/** What the reader's rows say about `ids`: their own version of an entity, or that they deleted it. */
export interface Overrides {
  own: Map<string, EntityRow>;
  deleted: Map<string, string>;
}

/**
 * Reads the keys of the reader's entities and of the trash first (one request each: both are small,
 * as they hold only what the reader made, edited or deleted), then the rows of the few ids among them,
 * rather than asking the tables once per id — thousands of requests for a page's candidate aliases.
 */
export async function overridesOf(db: BackstoryDatabase, ids: string[]): Promise<Overrides> {
  const unique = [...new Set(ids)];
  const ownKeys = new Set(await db.entities.toCollection().primaryKeys());
  const ownIds = unique.filter((id) => ownKeys.has(id));
  const own = new Map((ownIds.length ? await db.entities.bulkGet(ownIds) : []).flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const trashed = new Set((await db.trash.orderBy('entity.id').keys()) as string[]);
  const goneIds = unique.filter((id) => !own.has(id) && trashed.has(id));
  const gone = goneIds.length ? await db.trash.where('entity.id').anyOf(goneIds).toArray() : [];
  return { own, deleted: new Map(gone.map((t) => [t.entity.id, t.entity.origin])) };
}

/** True when the reader's rows decide everything about the entity: theirs, or deleted. */
export const isReaders = (o: Overrides, id: string) => o.own.has(id) || o.deleted.has(id);

/**
 * True when a trash row's origin hides packs' entities of its id: the reader deleted a pack's entity,
 * and so the real-world entity, which any other pack that holds the id speaks of too (pack-links.ts).
 * A deleted entity of the reader's own hides no pack's.
 */
const hidesPacks = (origin: string | undefined) => origin !== undefined && origin !== USER_ORIGIN;

/** A pack entity is shown unless the reader has their own version or deleted it from a pack. */
const packShows = (o: Overrides, id: string, _pack: string) => !o.own.has(id) && !hidesPacks(o.deleted.get(id));

/** The entities of these ids as the reader sees them (undefined for an unknown or deleted id), in order. */
export async function getEntities(db: BackstoryDatabase, ids: readonly string[], packs?: PackRow[]): Promise<(EntityRow | undefined)[]> {
  const o = await overridesOf(db, [...ids]);
  const found = new Map(o.own);
  let wanted = [...new Set(ids)].filter((id) => !found.has(id));
  for (const pack of packs ?? (await storedPacks(db))) {
    if (!wanted.length) break;
    const rows = await readBuckets(db.packParts, pack.id, 'e', pack.layout!.entities, wanted);
    for (const row of rows) if (packShows(o, row.id, pack.id) && !found.has(row.id)) found.set(row.id, entityFromPart(row, pack.id));
    wanted = wanted.filter((id) => !found.has(id));
  }
  return ids.map((id) => found.get(id));
}

/** What each pack says of one entity, oldest import first: nothing when the entity is the reader's own or deleted. */
export async function entityVersions(db: BackstoryDatabase, id: string, packs?: PackRow[]): Promise<{ row: EntityRow; pack: PackRow }[]> {
  const o = await overridesOf(db, [id]);
  if (o.own.has(id)) return [];
  const out: { row: EntityRow; pack: PackRow }[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const rows = await readBuckets(db.packParts, pack.id, 'e', pack.layout!.entities, [id]);
    for (const row of rows) if (packShows(o, row.id, pack.id)) out.push({ row: entityFromPart(row, pack.id), pack });
  }
  return out;
}

export async function getEntity(db: BackstoryDatabase, id: string): Promise<EntityRow | undefined> {
  return (await getEntities(db, [id]))[0];
}

const relationKey = (r: Pick<RelationRow, 'from' | 'type' | 'to'>) => `${r.from}\u0000${r.type}\u0000${r.to}`;
const statementKey = (s: Pick<StatementRow, 'entity' | 'text'>) => `${s.entity}\u0000${s.text}`;

/** Rows of the reader's first, then the packs' that say something else (what two packs both say, once: the first pack's). */
function merge<T>(own: T[], fromPacks: T[], key: (row: T) => string): T[] {
  const seen = new Set(own.map(key));
  const out = [...own];
  for (const row of fromPacks) {
    const k = key(row);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(row);
  }
  return out;
}

/**
 * The relations from or to an entity. A pack's relation shows while its `from` entity is still the
 * pack's (the relations of an entity the reader made, edited or deleted are the reader's rows alone)
 * and its `to` entity was not deleted from that pack.
 */
export async function relationsOf(db: BackstoryDatabase, id: string, end: 'from' | 'to', packs?: PackRow[]): Promise<RelationRow[]> {
  const own = await db.relations.where(end).equals(id).toArray();
  const fromPacks: RelationRow[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const buckets = pack.layout!.relations;
    // A t/ part says which entities have relations to this one; the relations are in their f/ parts.
    const from = end === 'from' ? [id] : (await readBuckets(db.packParts, pack.id, 't', buckets, [id])).map((r) => r.from);
    const rows = (await readBuckets(db.packParts, pack.id, 'f', buckets, from)).filter((r) => r[end] === id);
    fromPacks.push(...rows.map((r) => ({ ...r, origin: pack.id })));
  }
  if (!fromPacks.length) return own;
  const o = await overridesOf(db, fromPacks.flatMap((r) => [r.from, r.to]));
  const shown = fromPacks.filter((r) => !isReaders(o, r.from) && !hidesPacks(o.deleted.get(r.to)));
  return merge(own, shown, relationKey);
}

/** An entity's statements: the reader's (saved from pages, or theirs after an edit), then its pack's unless the entity is the reader's. */
export async function statementsOf(db: BackstoryDatabase, id: string, packs?: PackRow[]): Promise<StatementRow[]> {
  const own = await db.statements.where('entity').equals(id).toArray();
  const o = await overridesOf(db, [id]);
  if (isReaders(o, id)) return own;
  const fromPacks: StatementRow[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const rows = await readBuckets(db.packParts, pack.id, 's', pack.layout!.statements, [id]);
    fromPacks.push(...rows.map((s) => ({ ...s, origin: pack.id })));
  }
  return merge(own, fromPacks, statementKey);
}

/** The packs' aliases filed under these keys whose entity the pack still shows, with the entity's kind and name. */
export async function packAliases(db: BackstoryDatabase, keys: string[], packs?: PackRow[]): Promise<PackAlias[]> {
  const found: (PackAlias & { pack: string })[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const rows = await readBuckets(db.packParts, pack.id, 'a', pack.layout!.aliases, keys);
    for (const row of rows) found.push({ ...row, pack: pack.id });
  }
  if (!found.length) return [];
  const o = await overridesOf(db, found.map((a) => a.entityId));
  return found.filter((a) => packShows(o, a.entityId, a.pack)).map(({ pack: _pack, ...alias }) => alias);
}

/** Everything the reader sees, every row whole: for exports. */
export interface Everything {
  entities: EntityRow[];
  relations: RelationRow[];
  statements: StatementRow[];
}

/**
 * The rows a pack shows (all packs when `only` is absent), after the reader's versions and deletions,
 * and without what the reader's own rows say of the same entities.
 */
export async function packRowsShown(db: BackstoryDatabase, only?: string): Promise<Everything> {
  const packs = (await storedPacks(db)).filter((p) => !only || p.id === only);
  const deletedRows = await db.trash.toArray();
  const deleted = new Map(deletedRows.map((t) => [t.entity.id, t.entity.origin]));
  const own = new Set(await db.entities.toCollection().primaryKeys());
  const readers = (id: string) => own.has(id) || deleted.has(id);
  const seen = new Set<string>();
  const out: Everything = { entities: [], relations: [], statements: [] };
  for (const pack of packs) {
    for (const e of await readAll(db.packParts, pack.id, 'e')) {
      if (own.has(e.id) || hidesPacks(deleted.get(e.id)) || seen.has(e.id)) continue;
      seen.add(e.id);
      out.entities.push(entityFromPart(e, pack.id));
    }
    for (const r of await readAll(db.packParts, pack.id, 'f')) {
      if (!readers(r.from) && !hidesPacks(deleted.get(r.to))) out.relations.push({ ...r, origin: pack.id });
    }
    for (const s of await readAll(db.packParts, pack.id, 's')) {
      if (!readers(s.entity)) out.statements.push({ ...s, origin: pack.id });
    }
  }
  return out;
}

/**
 * Every entity the reader sees, as the editor's list and the pickers need it, sorted by name (in
 * code-unit order, as an IndexedDB index sorts).
 */
export interface CatalogItem extends CatalogEntry {
  /** The search words with a space before each: a word typed matches where `' ' + word` occurs. */
  words: string;
  origin: string;
  /** Set for the reader's own entities: made or edited by them. */
  readers: boolean;
}

/**
 * Each pack's catalog as read once, by the id of its parts (a new import writes new parts under a new
 * id): reading a hundred thousand entries takes a moment, filtering them in memory does not, so an
 * edit or a deletion costs a filter, not a new read.
 */
const packCatalogs = new Map<string, { layoutId: string; items: CatalogItem[] }>();

/** A pack's catalog if read already for these parts (callers in a transaction await only a read: see readBuckets). */
export function cachedCatalog(db: BackstoryDatabase, pack: PackRow): CatalogItem[] | undefined {
  const cached = packCatalogs.get(`${db.name}\u0000${pack.id}`);
  return cached?.layoutId === pack.layout!.id ? cached.items : undefined;
}

export async function readPackCatalog(db: BackstoryDatabase, pack: PackRow): Promise<CatalogItem[]> {
  const layout = pack.layout!;
  const items: CatalogItem[] = [];
  // Each pack's catalog is sorted already (pack-parts.ts).
  for (const entry of await readCatalog(db.packParts, pack.id, layout.catalog)) {
    items.push({ ...entry, words: ` ${entry.terms}`, origin: pack.id, readers: false });
  }
  packCatalogs.set(`${db.name}\u0000${pack.id}`, { layoutId: layout.id, items });
  return items;
}

/** Merges two lists sorted by name into one. */
function merged(a: CatalogItem[], b: CatalogItem[]): CatalogItem[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const out: CatalogItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byName(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** The list is shared with later calls: read it, never change it. */
export async function entityCatalog(db: BackstoryDatabase): Promise<readonly CatalogItem[]> {
  const ownRows = await db.entities.toArray();
  const deleted = new Map((await db.trash.toArray()).map((t) => [t.entity.id, t.entity.origin]));
  const own = new Set(ownRows.map((e) => e.id));
  let shown: CatalogItem[] = [];
  const seen = new Set<string>();
  for (const pack of await storedPacks(db)) {
    // Only a catalog not read yet is awaited (see readBuckets on why).
    const items = cachedCatalog(db, pack) ?? (await readPackCatalog(db, pack));
    // An id several packs hold is listed once, as the first pack has it (see getEntities).
    const hidden = (item: CatalogItem) => own.has(item.id) || hidesPacks(deleted.get(item.id)) || (seen.size > 0 && seen.has(item.id));
    const listed = own.size || deleted.size || seen.size ? items.filter((item) => !hidden(item)) : items;
    for (const item of listed) seen.add(item.id);
    shown = merged(shown, listed);
  }
  const ownItems: CatalogItem[] = ownRows
    .map(({ id, name, kind, terms, origin, editedAt }) => ({
      id,
      name,
      kind,
      terms: terms.join(' '),
      words: ` ${terms.join(' ')}`,
      origin,
      readers: origin === USER_ORIGIN || editedAt !== undefined,
    }))
    .sort(byName);
  return merged(shown, ownItems);
}
