import { indexKey } from '../text';
import type { AliasObject, AliasRow, BackstoryDatabase, EntityRow, PackRow } from './db';
import { parsePack, type Pack, type PackProblem } from './pack-validation';
import type { Alias } from './generated/pack';

export interface ImportResult {
  entities: number;
  relations: number;
  statements: number;
  /** Ids of entities the pack also carries but that stay as the reader (or another pack) left them. */
  kept: string[];
}

export function aliasObject(alias: Alias): AliasObject {
  return typeof alias === 'string' ? { text: alias } : alias;
}

export function aliasRows(entity: Pick<EntityRow, 'id' | 'kind' | 'aliases' | 'name'>): AliasRow[] {
  const rows = new Map<string, AliasRow>();
  // The display name is always an alias, so an entity never goes unmatched for want of one.
  for (const alias of [{ text: entity.name }, ...entity.aliases]) {
    const text = alias.text.trim();
    if (!text || rows.has(text)) continue;
    rows.set(text, { ...alias, text, key: indexKey({ text, lang: alias.lang }), entityId: entity.id, kind: entity.kind });
  }
  return [...rows.values()].filter((row) => row.key !== '');
}

/**
 * Writes a checked pack in one transaction: the pack's earlier rows are replaced, rows the reader
 * made or edited (and rows of other packs) stay as they are. Either everything is written or nothing.
 */
export async function importPack(db: BackstoryDatabase, pack: Pack, now = Date.now()): Promise<ImportResult> {
  return db.transaction('rw', [db.entities, db.aliases, db.relations, db.statements, db.packs], async () => {
    const previous = await db.entities.where('origin').equals(pack.id).primaryKeys();
    await db.aliases.where('entityId').anyOf(previous).delete();
    await db.entities.bulkDelete(previous);
    await db.relations.where('origin').equals(pack.id).delete();
    await db.statements.where('origin').equals(pack.id).delete();

    const taken = new Set(await db.entities.bulkGet(pack.entities.map((e) => e.id)).then((rows) => rows.filter((r) => r).map((r) => r!.id)));
    const kept = pack.entities.filter((e) => taken.has(e.id)).map((e) => e.id);
    const entities: EntityRow[] = pack.entities
      .filter((e) => !taken.has(e.id))
      .map((e) => ({ ...e, aliases: e.aliases.map(aliasObject), origin: pack.id }));
    await db.entities.bulkAdd(entities);
    await db.aliases.bulkPut(entities.flatMap(aliasRows));
    const relations = (pack.relations ?? []).map((r) => ({ ...r, origin: pack.id }));
    await db.relations.bulkAdd(relations);
    const statements = (pack.statements ?? []).map((s) => ({ ...s, origin: pack.id }));
    await db.statements.bulkAdd(statements);
    const row: PackRow = {
      id: pack.id,
      title: pack.title ?? pack.id,
      version: pack.version,
      updated: pack.updated,
      license: pack.license,
      importedAt: now,
      counts: { entities: entities.length, relations: relations.length, statements: statements.length },
    };
    await db.packs.put(row);
    return { entities: entities.length, relations: relations.length, statements: statements.length, kept };
  });
}


export type PackImportOutcome = { ok: true; packId: string; result: ImportResult } | { ok: false; problems: PackProblem[] };

/** Checks a pack file's text against the schema and the database, then imports it; nothing is written when anything is wrong. */
export async function importPackText(db: BackstoryDatabase, text: string): Promise<PackImportOutcome> {
  const known = new Set(await db.entities.toCollection().primaryKeys());
  const check = parsePack(text, known);
  if (!check.ok) return check;
  return { ok: true, packId: check.pack.id, result: await importPack(db, check.pack) };
}

/** Removes a pack and the rows it brought; the reader's own rows stay. */
export async function removePack(db: BackstoryDatabase, packId: string): Promise<void> {
  await db.transaction('rw', [db.entities, db.aliases, db.relations, db.statements, db.packs], async () => {
    const ids = await db.entities.where('origin').equals(packId).primaryKeys();
    await db.aliases.where('entityId').anyOf(ids).delete();
    await db.entities.bulkDelete(ids);
    await db.relations.where('origin').equals(packId).delete();
    await db.statements.where('origin').equals(packId).delete();
    await db.packs.delete(packId);
  });
}

export function describeImport(result: ImportResult): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const main = `Imported ${plural(result.entities, 'entity', 'entities')}, ${plural(result.relations, 'relation', 'relations')}, ${plural(result.statements, 'statement', 'statements')}`;
  return result.kept.length ? `${main}. Kept your own version of ${result.kept.length}: ${result.kept.join(', ')}.` : `${main}.`;
}
