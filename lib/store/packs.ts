import { t } from '../i18n';
import { fileKeys, forgetKeys } from './alias-keys';
import type { BackstoryDatabase } from './db';
import { writeFailure } from './store-errors';
import { parsePack, RESERVED_PACK_IDS, type Pack, type PackProblem } from './pack-validation';
import { cachedCatalog, entityCatalog, readPackCatalog, storedPacks } from './knowledge';
import { packParts, packRange } from './pack-parts';
import { linkPart, readLinks, storedIds, withStoredIds, type StoredPack } from './pack-links';
import type { Relation, Statement } from './generated/pack';
import { USER_ORIGIN, type PackRow } from './rows';

export interface ImportResult {
  entities: number;
  relations: number;
  statements: number;
  /** Ids of the pack's entities that stay as they were: made, edited or deleted by the reader. */
  kept: string[];
  /**
   * The pack's entities that are one with an entity of another pack (the same id, a sameAs or the
   * same QID): imported, and shown on one card with what the other pack says.
   */
  merged: { id: string; name: string; pack: string }[];
  /** The pack's relations and statements left out because the reader's own stand in their place. */
  keptRelations: number;
  keptStatements: number;
}

export interface ImportOptions {
  now?: number;
  /** Called after each batch with the entities written so far and the number to write. */
  onProgress?(done: number, total: number): void;
  batchSize?: number;
}

/** Set when the reader removes a pack, so that the bundled pack is not brought back on the next start. */
export const removedPackKey = (packId: string) => `pack-removed:${packId}`;

const relationKey = (r: Pick<Relation, 'from' | 'type' | 'to'>) => `${r.from}\u0000${r.type}\u0000${r.to}`;
const statementKey = (s: Pick<Statement, 'entity' | 'text'>) => `${s.entity}\u0000${s.text}`;

/**
 * Writes a checked pack. The pack's rows from an earlier import are replaced; what the reader made,
 * edited or deleted stays as they left it, and so do other packs' rows.
 *
 * The pack's rows are kept in parts (see pack-parts.ts): some twelve thousand requests for a pack of
 * 100,000 entities instead of 800,000. Everything happens in one IndexedDB transaction, so either all of
 * the pack is written or none of it: an IndexedDB transaction commits as soon as it has no request
 * pending when control returns to the event loop, so it cannot wait for a timer between batches, but it
 * lives for as long as each batch's writes are issued when the previous batch's complete. The batches
 * (with their progress reports) are therefore chained inside the transaction; the caller keeps its page
 * responsive by running this in a worker (see entrypoints/options/knowledge-worker.ts), not by yielding
 * here. Readers of the knowledge base wait for this transaction, and an import that fails or is cut
 * short (the page closed) leaves nothing behind.
 */
export async function importPack(db: BackstoryDatabase, pack: Pack, options: ImportOptions = {}): Promise<ImportResult> {
  const { now = Date.now(), onProgress, batchSize = 2000 } = options;
  // checkPack refuses these ids with a reason; this guards callers that skip the check.
  if (RESERVED_PACK_IDS.has(pack.id)) throw new Error(`A pack may not have the id "${pack.id}": Backstory keeps it for ${RESERVED_PACK_IDS.get(pack.id)}.`);
  const tables = [db.entities, db.relations, db.statements, db.packs, db.packParts, db.trash, db.settings, db.aliasKeys];
  return db.transaction('rw', tables, async () => {
    const others = (await storedPacks(db)).filter((p) => p.id !== pack.id);
    const stored: (StoredPack & { names: Map<string, string> })[] = [];
    // The other packs' catalogs, as importPackText's check has just read them (knowledge.ts keeps them).
    for (const other of others) {
      const items = cachedCatalog(db, other) ?? (await readPackCatalog(db, other));
      const links = await readLinks(db.packParts, other.id);
      stored.push({ row: other, ids: new Set(items.map((i) => i.id)), links, names: new Map(items.map((i) => [i.id, i.name])) });
    }
    const ids = storedIds(pack.id, pack.entities, stored);
    const content = withStoredIds({ entities: pack.entities, relations: pack.relations ?? [], statements: pack.statements ?? [] }, ids);
    const ownIds = new Set(await db.entities.toCollection().primaryKeys());
    const deletedRows = await db.trash.toArray();
    // A pack entity the reader deleted stays deleted, whichever pack it came from (knowledge.ts hidesPacks).
    const deleted = new Set(deletedRows.filter((t) => t.entity.origin !== USER_ORIGIN).map((t) => t.entity.id));
    // Entities the reader made or edited keep their own relations and statements, and a deleted one stays deleted.
    const readers = new Set([...ownIds, ...deletedRows.map((t) => t.entity.id)]);
    const userRelations = new Set((await db.relations.where('origin').equals(USER_ORIGIN).toArray()).map(relationKey));
    const userStatements = new Set((await db.statements.where('origin').equals(USER_ORIGIN).toArray()).map(statementKey));

    // Only the reader's own rows keep a pack's entity out: another pack's entity of the same id is merged with it.
    const present = (id: string) => ownIds.has(id) || deleted.has(id);
    const kept = content.entities.filter((e) => present(e.id)).map((e) => e.id);
    const entities = content.entities.filter((e) => !present(e.id));
    const merged = entities.flatMap((e) => {
      const other = stored.find((o) => o.ids.has(e.id));
      return other ? [{ id: e.id, name: other.names.get(e.id) ?? e.name, pack: other.row.title }] : [];
    });
    const packRelations = content.relations;
    const relations = packRelations.filter((r) => !readers.has(r.from) && !deleted.has(r.to) && !userRelations.has(relationKey(r)));
    const packStatements = content.statements;
    const statements = packStatements.filter((s) => !readers.has(s.entity) && !userStatements.has(statementKey(s)));
    const built = packParts(pack.id, { entities, relations, statements });
    const { layout, keys } = built;
    const parts = [...built.parts, ...linkPart(pack.id, content.links)];

    await packRange(db.packParts, pack.id).delete();
    // Progress is counted in entities: each batch writes an equal share of the parts, which hold the
    // entities (and what they say) in proportion.
    const total = entities.length;
    const batches = Math.max(1, Math.ceil(total / batchSize));
    const share = Math.ceil(parts.length / batches);
    onProgress?.(0, total);
    for (let i = 0; i < batches; i++) {
      await db.packParts.bulkAdd(parts.slice(i * share, (i + 1) * share));
      if (i < batches - 1) onProgress?.((i + 1) * batchSize, total);
    }
    await fileKeys(db, pack.id, keys, { replace: true });

    const counts = { entities: entities.length, relations: relations.length, statements: statements.length };
    const row: PackRow = {
      id: pack.id,
      title: pack.title ?? pack.id,
      version: pack.version,
      updated: pack.updated,
      license: pack.license,
      importedAt: now,
      counts,
      layout,
    };
    await db.packs.put(row);
    await db.settings.delete(removedPackKey(pack.id));
    onProgress?.(total, total);
    return {
      ...counts,
      kept,
      merged,
      keptRelations: packRelations.length - relations.length,
      keptStatements: packStatements.length - statements.length,
    };
  }).catch((error: unknown) => {
    throw writeFailure(error, 'Nothing was imported');
  });
}

export type PackImportOutcome = { ok: true; packId: string; result: ImportResult } | { ok: false; problems: PackProblem[] };

/** Checks a pack file's text against the schema and the database, then imports it; nothing is written when anything is wrong. */
export async function importPackText(db: BackstoryDatabase, text: string, options?: ImportOptions): Promise<PackImportOutcome> {
  const known = new Set((await entityCatalog(db)).map((e) => e.id));
  const check = parsePack(text, known);
  if (!check.ok) return check;
  return { ok: true, packId: check.pack.id, result: await importPack(db, check.pack, options) };
}

/**
 * Removes a pack and the rows it brought. The reader's own rows stay, and so do the pack's entities
 * the reader edited: they become the reader's own, as their pack is gone.
 */
export async function removePack(db: BackstoryDatabase, packId: string): Promise<void> {
  // Removing "user" would delete the reader's own statements and relations: it is no pack's id.
  if (RESERVED_PACK_IDS.has(packId)) throw new Error(`There is no pack "${packId}" to remove: Backstory keeps that id for ${RESERVED_PACK_IDS.get(packId)}.`);
  await db.transaction('rw', [db.entities, db.relations, db.statements, db.packs, db.packParts, db.settings, db.aliasKeys], async () => {
    await db.entities.where('origin').equals(packId).modify({ origin: USER_ORIGIN });
    await packRange(db.packParts, packId).delete();
    // Rows of the pack written by versions before parts, which the upgrade left in the tables.
    await db.relations.where('origin').equals(packId).delete();
    await db.statements.where('origin').equals(packId).delete();
    await db.packs.delete(packId);
    await forgetKeys(db, packId);
    await db.settings.put({ key: removedPackKey(packId), value: true });
  });
}


export function describeImport(result: ImportResult): string {
  const parts = [
    t('import.done', {
      entities: t('count.entities', { count: result.entities }),
      relations: t('count.relations', { count: result.relations }),
      statements: t('count.statements', { count: result.statements }),
    }),
  ];
  if (result.kept.length) {
    const shown = result.kept.slice(0, 10).join(', ');
    const names = result.kept.length > 10 ? t('import.keptMore', { names: shown, count: result.kept.length - 10 }) : shown;
    parts.push(t('import.kept', { count: result.kept.length, names }));
  }
  if (result.merged.length) {
    const named = result.merged.map((m) => t('import.mergedWith', { name: m.name, pack: m.pack }));
    const shown = named.slice(0, 10).join(', ');
    const names = named.length > 10 ? t('import.keptMore', { names: shown, count: named.length - 10 }) : shown;
    parts.push(t('import.merged', { count: result.merged.length, names }));
  }
  if (result.keptRelations || result.keptStatements) {
    parts.push(
      t('import.leftOut', {
        relations: t('count.relations', { count: result.keptRelations }),
        statements: t('count.statements', { count: result.keptStatements }),
      }),
    );
  }
  return parts.join(' ');
}
