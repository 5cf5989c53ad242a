import Dexie from 'dexie';
import { indexKey } from '../text';
import { fileKeys, forgetKeys } from './alias-keys';
import { USER_ORIGIN, type AliasObject, type AliasRow, type BackstoryDatabase, type EntityRow, type Origin, type PackRow } from './db';
import { parsePack, type Pack, type PackProblem } from './pack-validation';
import { searchTerms } from './search-terms';
import type { Alias, Entity, Relation, Statement } from './generated/pack';

export interface ImportResult {
  entities: number;
  relations: number;
  statements: number;
  /**
   * Ids of the pack's entities that stay as they were: made, edited or deleted by the reader (or
   * brought by another pack).
   */
  kept: string[];
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

/** Set when the reader removes a pack, so that the bundled pack is not brought back on the next start. */
export const removedPackKey = (packId: string) => `pack-removed:${packId}`;

const relationKey = (r: Pick<Relation, 'from' | 'type' | 'to'>) => `${r.from}\u0000${r.type}\u0000${r.to}`;
const statementKey = (s: Pick<Statement, 'entity' | 'text'>) => `${s.entity}\u0000${s.text}`;

/** The `index`-th of `parts` nearly equal slices of `items`. */
function slice<T>(items: readonly T[], index: number, parts: number): T[] {
  const size = Math.ceil(items.length / parts);
  return items.slice(index * size, (index + 1) * size);
}

/**
 * Writes a checked pack. The pack's rows from an earlier import are replaced; what the reader made,
 * edited or deleted stays as they left it, and so do other packs' rows.
 *
 * Everything happens in one IndexedDB transaction, so either all of the pack is written or none of it:
 * an IndexedDB transaction commits as soon as it has no request pending when control returns to the
 * event loop, so it cannot wait for a timer between batches, but it lives for as long as each batch's
 * writes are issued when the previous batch's complete. The batches (with their progress reports) are
 * therefore chained inside the transaction; the caller keeps its page responsive by running this in a
 * worker (see entrypoints/options/knowledge-worker.ts), not by yielding here. A staging design (each
 * batch in a transaction of its own, rows pending until a last transaction makes them current) would let
 * readers in between batches, but a new version's entities have the old version's ids, so they could not
 * wait beside them without rewriting every row at the end, and every reader would have to skip pending
 * rows. Readers of these tables wait for this transaction instead, and an import that fails or is cut
 * short (the page closed) leaves nothing behind.
 */
export async function importPack(db: BackstoryDatabase, pack: Pack, options: ImportOptions = {}): Promise<ImportResult> {
  const { now = Date.now(), onProgress, batchSize = 1000 } = options;
  const tables = [db.entities, db.aliases, db.relations, db.statements, db.packs, db.trash, db.settings, db.aliasKeys];
  return db.transaction('rw', tables, async () => {
    const edited = new Set(await db.entities.where('editedAt').above(0).primaryKeys());
    const deleted = new Set((await db.trash.toArray()).filter((t) => t.entity.origin === pack.id).map((t) => t.entity.id));
    const previous = (await db.entities.where('origin').equals(pack.id).primaryKeys()).filter((id) => !edited.has(id));
    await db.aliases.where('entityId').anyOf(previous).delete();
    await db.entities.bulkDelete(previous);
    await db.relations.where('origin').equals(pack.id).delete();
    await db.statements.where('origin').equals(pack.id).delete();

    const present = new Set(await db.entities.toCollection().primaryKeys());
    // Entities the reader made or edited keep their own relations and statements, and a deleted one stays deleted.
    const readers = new Set([...edited, ...(await db.entities.where('origin').equals(USER_ORIGIN).primaryKeys()), ...deleted]);
    const userRelations = new Set((await db.relations.where('origin').equals(USER_ORIGIN).toArray()).map(relationKey));
    const userStatements = new Set((await db.statements.where('origin').equals(USER_ORIGIN).toArray()).map(statementKey));

    const kept = pack.entities.filter((e) => present.has(e.id) || deleted.has(e.id)).map((e) => e.id);
    const entities = pack.entities.filter((e) => !present.has(e.id) && !deleted.has(e.id));
    const packRelations = pack.relations ?? [];
    const relations = packRelations.filter(
      (r) => !readers.has(r.from) && !deleted.has(r.to) && !userRelations.has(relationKey(r)),
    );
    const packStatements = pack.statements ?? [];
    const statements = packStatements.filter((s) => !readers.has(s.entity) && !userStatements.has(statementKey(s)));

    // Relations and statements go with the entity batches in equal shares, so progress counted in
    // entities tracks the whole work.
    const batches = Math.max(1, Math.ceil(entities.length / batchSize));
    onProgress?.(0, entities.length);
    let writing: Promise<unknown>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < batches; i++) {
      // Built while the previous batch is being written.
      const entityRows = entities.slice(i * batchSize, (i + 1) * batchSize).map((e) => entityRow(e, pack.id));
      const aliases = entityRows.flatMap(aliasRows);
      for (const alias of aliases) keys.add(alias.key);
      const relationRows = slice(relations, i, batches).map((r) => ({ ...r, origin: pack.id }));
      const statementRows = slice(statements, i, batches).map((s) => ({ ...s, origin: pack.id }));
      await Dexie.Promise.all(writing);
      if (i > 0) onProgress?.(i * batchSize, entities.length);
      writing = [
        db.entities.bulkAdd(entityRows),
        db.aliases.bulkPut(aliases),
        db.relations.bulkAdd(relationRows),
        db.statements.bulkAdd(statementRows),
      ];
    }
    await Dexie.Promise.all(writing);
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
    };
    await db.packs.put(row);
    await db.settings.delete(removedPackKey(pack.id));
    onProgress?.(entities.length, entities.length);
    return {
      ...counts,
      kept,
      keptRelations: packRelations.length - relations.length,
      keptStatements: packStatements.length - statements.length,
    };
  });
}

export type PackImportOutcome = { ok: true; packId: string; result: ImportResult } | { ok: false; problems: PackProblem[] };

/** Checks a pack file's text against the schema and the database, then imports it; nothing is written when anything is wrong. */
export async function importPackText(db: BackstoryDatabase, text: string, options?: ImportOptions): Promise<PackImportOutcome> {
  const known = new Set(await db.entities.toCollection().primaryKeys());
  const check = parsePack(text, known);
  if (!check.ok) return check;
  return { ok: true, packId: check.pack.id, result: await importPack(db, check.pack, options) };
}

/**
 * Removes a pack and the rows it brought. The reader's own rows stay, and so do the pack's entities
 * the reader edited: they become the reader's own, as their pack is gone.
 */
export async function removePack(db: BackstoryDatabase, packId: string): Promise<void> {
  await db.transaction('rw', [db.entities, db.aliases, db.relations, db.statements, db.packs, db.settings, db.aliasKeys], async () => {
    const edited = new Set(await db.entities.where('editedAt').above(0).filter((e) => e.origin === packId).primaryKeys());
    const ids = (await db.entities.where('origin').equals(packId).primaryKeys()).filter((id) => !edited.has(id));
    await db.aliases.where('entityId').anyOf(ids).delete();
    await db.entities.bulkDelete(ids);
    await db.entities.where('id').anyOf([...edited]).modify({ origin: USER_ORIGIN });
    await db.relations.where('origin').equals(packId).delete();
    await db.statements.where('origin').equals(packId).delete();
    await db.packs.delete(packId);
    await forgetKeys(db, packId);
    await db.settings.put({ key: removedPackKey(packId), value: true });
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeImport(result: ImportResult): string {
  const parts = [
    `Imported ${plural(result.entities, 'entity', 'entities')}, ${plural(result.relations, 'relation', 'relations')}, ${plural(result.statements, 'statement', 'statements')}.`,
  ];
  if (result.kept.length) {
    const shown = result.kept.slice(0, 10).join(', ');
    const more = result.kept.length > 10 ? ` and ${result.kept.length - 10} more` : '';
    parts.push(`Kept your own version of ${result.kept.length}: ${shown}${more}.`);
  }
  if (result.keptRelations || result.keptStatements) {
    parts.push(
      `Left out ${plural(result.keptRelations, 'relation', 'relations')} and ${plural(result.keptStatements, 'statement', 'statements')} of the pack where yours stand.`,
    );
  }
  return parts.join(' ');
}
