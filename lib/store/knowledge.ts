import type { BackstoryDatabase, EntityRow, PackRow, RelationRow, StatementRow } from './db';
import { USER_ORIGIN } from './db';
import { readAll, readBuckets, type CatalogEntry, type PackAlias } from './pack-parts';

/**
 * Reads of the knowledge base as one: the packs' parts (pack-parts.ts) under the reader's own rows.
 *
 * The rules, the same for every reader of the knowledge base:
 * - an entity in the `entities` table (made by the reader, or a pack entity they edited) stands in place
 *   of any pack's entity of that id, and so do its aliases, relations from it and statements;
 * - a pack entity the reader deleted (its trash row names the pack) is hidden, with everything it says;
 * - an id is in one pack's parts at most: an import leaves out the ids another pack holds (packs.ts).
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

/** A pack entity is shown unless the reader has their own version or deleted it from that pack. */
const packShows = (o: Overrides, id: string, pack: string) => !o.own.has(id) && o.deleted.get(id) !== pack;

/** The entities of these ids as the reader sees them (undefined for an unknown or deleted id), in order. */
export async function getEntities(db: BackstoryDatabase, ids: readonly string[], packs?: PackRow[]): Promise<(EntityRow | undefined)[]> {
  const o = await overridesOf(db, [...ids]);
  const found = new Map(o.own);
  let wanted = [...new Set(ids)].filter((id) => !found.has(id));
  for (const pack of packs ?? (await storedPacks(db))) {
    if (!wanted.length) break;
    const rows = await readBuckets<Omit<EntityRow, 'origin'>>(db.packParts, pack.id, 'e', pack.layout!.entities, wanted, (e) => e.id);
    for (const row of rows) if (packShows(o, row.id, pack.id) && !found.has(row.id)) found.set(row.id, { ...row, origin: pack.id });
    wanted = wanted.filter((id) => !found.has(id));
  }
  return ids.map((id) => found.get(id));
}

export async function getEntity(db: BackstoryDatabase, id: string): Promise<EntityRow | undefined> {
  return (await getEntities(db, [id]))[0];
}

const relationKey = (r: Pick<RelationRow, 'from' | 'type' | 'to'>) => `${r.from}\u0000${r.type}\u0000${r.to}`;
const statementKey = (s: Pick<StatementRow, 'entity' | 'text'>) => `${s.entity}\u0000${s.text}`;

/** Rows of the reader's first, then the packs' that say something else. */
function merge<T>(own: T[], fromPacks: T[], key: (row: T) => string): T[] {
  const seen = new Set(own.map(key));
  return [...own, ...fromPacks.filter((row) => !seen.has(key(row)))];
}

/**
 * The relations from and to an entity. A pack's relation shows while neither end is the reader's to
 * decide (made, edited or deleted by them): those ends' relations are the reader's rows alone.
 */
export async function relationsOf(db: BackstoryDatabase, id: string, end: 'from' | 'to', packs?: PackRow[]): Promise<RelationRow[]> {
  const own = await db.relations.where(end).equals(id).toArray();
  const fromPacks: RelationRow[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const rows = await readBuckets<RelationRow>(db.packParts, pack.id, end === 'from' ? 'f' : 't', pack.layout!.relations, [id], (r) => r[end]);
    fromPacks.push(...rows.map((r) => ({ ...r, origin: pack.id })));
  }
  if (!fromPacks.length) return own;
  const o = await overridesOf(db, fromPacks.flatMap((r) => [r.from, r.to]));
  const shown = fromPacks.filter((r) => !isReaders(o, r.from) && o.deleted.get(r.to) !== r.origin);
  return merge(own, shown, relationKey);
}

/** An entity's statements: the reader's (saved from pages, or theirs after an edit), then its pack's unless the entity is the reader's. */
export async function statementsOf(db: BackstoryDatabase, id: string, packs?: PackRow[]): Promise<StatementRow[]> {
  const own = await db.statements.where('entity').equals(id).toArray();
  const o = await overridesOf(db, [id]);
  if (isReaders(o, id)) return own;
  const fromPacks: StatementRow[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const rows = await readBuckets<StatementRow>(db.packParts, pack.id, 's', pack.layout!.statements, [id], (s) => s.entity);
    fromPacks.push(...rows.map((s) => ({ ...s, origin: pack.id })));
  }
  return merge(own, fromPacks, statementKey);
}

/**
 * The packs' aliases filed under these keys that `keep` accepts and whose entity the pack still shows,
 * with the entity's kind and name.
 */
export async function packAliases(db: BackstoryDatabase, keys: string[], keep: (alias: PackAlias) => boolean = () => true, packs?: PackRow[]): Promise<PackAlias[]> {
  const found: (PackAlias & { pack: string })[] = [];
  for (const pack of packs ?? (await storedPacks(db))) {
    const rows = await readBuckets<PackAlias>(db.packParts, pack.id, 'a', pack.layout!.aliases, keys, (a) => a.key);
    for (const row of rows) if (keep(row)) found.push({ ...row, pack: pack.id });
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
    for (const e of await readAll<Omit<EntityRow, 'origin'>>(db.packParts, pack.id, 'e')) {
      if (own.has(e.id) || deleted.get(e.id) === pack.id || seen.has(e.id)) continue;
      seen.add(e.id);
      out.entities.push({ ...e, origin: pack.id });
    }
    for (const r of await readAll<RelationRow>(db.packParts, pack.id, 'f')) {
      if (!readers(r.from) && deleted.get(r.to) !== pack.id) out.relations.push({ ...r, origin: pack.id });
    }
    for (const s of await readAll<StatementRow>(db.packParts, pack.id, 's')) {
      if (!readers(s.entity)) out.statements.push({ ...s, origin: pack.id });
    }
  }
  return out;
}

/**
 * Every entity the reader sees, as the editor's list and the pickers need it, sorted by name (in
 * code-unit order, as an IndexedDB index sorts). Kept per database until the knowledge base changes:
 * reading a hundred thousand entries takes a moment, filtering them in memory does not.
 */
export interface CatalogItem extends CatalogEntry {
  origin: string;
  /** Set for the reader's own entities: made or edited by them. */
  readers: boolean;
}

const catalogs = new WeakMap<BackstoryDatabase, { revision: unknown; items: CatalogItem[] }>();
export const KB_REVISION = 'kb-revision';

/** Called in the transaction of every write to the knowledge base, so that caches read anew. */
export async function bumpKnowledgeRevision(db: BackstoryDatabase): Promise<void> {
  const current = (await db.settings.get(KB_REVISION))?.value;
  await db.settings.put({ key: KB_REVISION, value: (typeof current === 'number' ? current : 0) + 1 });
}

const byName = (a: CatalogItem, b: CatalogItem) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function entityCatalog(db: BackstoryDatabase): Promise<CatalogItem[]> {
  const revision = (await db.settings.get(KB_REVISION))?.value ?? 0;
  const ownRows = await db.entities.toArray();
  const cached = catalogs.get(db);
  let packItems: CatalogItem[];
  if (cached && cached.revision === revision) packItems = cached.items;
  else {
    const deleted = new Map((await db.trash.toArray()).map((t) => [t.entity.id, t.entity.origin]));
    const seen = new Set<string>();
    packItems = [];
    for (const pack of await storedPacks(db)) {
      for (const entry of await readAll<CatalogEntry>(db.packParts, pack.id, 'c')) {
        if (deleted.get(entry.id) === pack.id || seen.has(entry.id)) continue;
        seen.add(entry.id);
        packItems.push({ ...entry, origin: pack.id, readers: false });
      }
    }
    packItems.sort(byName);
    catalogs.set(db, { revision, items: packItems });
  }
  const own = new Set(ownRows.map((e) => e.id));
  const ownItems: CatalogItem[] = ownRows.map(({ id, name, kind, terms, origin, editedAt }) => ({
    id,
    name,
    kind,
    terms,
    origin,
    readers: origin === USER_ORIGIN || editedAt !== undefined,
  }));
  ownItems.sort(byName);
  // Both lists are sorted: merge them rather than sort a hundred thousand items again.
  const out: CatalogItem[] = [];
  let j = 0;
  for (const item of packItems) {
    if (own.has(item.id)) continue;
    while (j < ownItems.length && byName(ownItems[j], item) < 0) out.push(ownItems[j++]);
    out.push(item);
  }
  while (j < ownItems.length) out.push(ownItems[j++]);
  return out;
}
