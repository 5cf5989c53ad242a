import type { BackstoryDatabase } from './db';
import { USER_ORIGIN, type EntityRow, type RelationRow, type StatementRow } from './rows';
import type { Alias, Entity, Relation, Statement } from './generated/pack';
import type { Pack } from './pack-validation';
import { getEntities, knowledgeTables, packRowsShown } from './knowledge';
import { csvRecords } from '../formats/csv';

/** Everything, the rows one pack brought, or the reader's own entries (made or edited by them). */
export type ExportScope = 'all' | 'user' | { pack: string };

/** The id under which the reader's exports import elsewhere. */
export const OWN_PACK_ID = 'my-backstory';

/** YYYY-MM-DD in the reader's time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface Selection {
  entities: EntityRow[];
  relations: RelationRow[];
  statements: StatementRow[];
}

async function selectRows(db: BackstoryDatabase, scope: ExportScope): Promise<Selection> {
  if (scope === 'user') {
    const own = await db.entities.where('origin').equals(USER_ORIGIN).toArray();
    const edited = await db.entities.where('editedAt').above(0).toArray();
    return {
      entities: [...new Map([...own, ...edited].map((e) => [e.id, e])).values()],
      relations: await db.relations.where('origin').equals(USER_ORIGIN).toArray(),
      statements: await db.statements.where('origin').equals(USER_ORIGIN).toArray(),
    };
  }
  const shown = await packRowsShown(db, scope === 'all' ? undefined : scope.pack);
  if (scope === 'all') {
    return {
      entities: [...shown.entities, ...(await db.entities.toArray())],
      relations: [...shown.relations, ...(await db.relations.toArray())],
      statements: [...shown.statements, ...(await db.statements.toArray())],
    };
  }
  // A pack's entities the reader edited are still the pack's, in the reader's version.
  return { ...shown, entities: [...shown.entities, ...(await db.entities.where('origin').equals(scope.pack).toArray())] };
}

/**
 * Adds the entities the selected rows point at, so that the pack stands on its own (it imports into an
 * empty database), and drops what points at an entity the database no longer holds, which no pack may.
 */
async function closeOver(db: BackstoryDatabase, selection: Selection): Promise<Selection> {
  const entities = new Map(selection.entities.map((e) => [e.id, e]));
  const missing = new Set<string>();
  let wanted = [
    ...selection.relations.flatMap((r) => [r.from, r.to]),
    ...selection.statements.map((s) => s.entity),
    ...selection.entities.flatMap((e) => (e.country ? [e.country] : [])),
  ];
  // A country's own country is itself or another country: two rounds usually settle it.
  while (wanted.length) {
    const ids = [...new Set(wanted)].filter((id) => !entities.has(id) && !missing.has(id));
    const found = await getEntities(db, ids);
    wanted = [];
    ids.forEach((id, i) => {
      const entity = found[i];
      if (!entity) missing.add(id);
      else {
        entities.set(id, entity);
        if (entity.country) wanted.push(entity.country);
      }
    });
  }
  const exists = (id: string) => entities.has(id);
  return {
    entities: [...entities.values()].map((e) => (e.country && !exists(e.country) ? { ...e, country: undefined } : e)),
    relations: selection.relations.filter((r) => exists(r.from) && exists(r.to)),
    statements: selection.statements.filter((s) => exists(s.entity)),
  };
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function packEntity(row: EntityRow): Entity {
  const aliases: Alias[] = row.aliases.map((a) => (Object.keys(a).length === 1 ? a.text : a));
  return defined({
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases,
    summary: row.summary,
    asOf: row.asOf,
    roles: row.roles,
    country: row.country,
    sameAs: row.sameAs,
    links: row.links,
    sources: row.sources,
  });
}

export function packRelation({ id: _id, origin: _origin, ...relation }: RelationRow): Relation {
  return defined(relation);
}

export function packStatement({ id: _id, origin: _origin, annotationId: _annotationId, ...statement }: StatementRow): Statement {
  return defined(statement);
}

/**
 * The scope's rows as a pack: valid against the pack schema, and importing into an empty database
 * gives the same entities, aliases, relations and statements. Private notes stay behind: a pack has
 * no place for them, as it is meant to be shared.
 */
export async function exportPack(db: BackstoryDatabase, { scope }: { scope: ExportScope }, today = new Date()): Promise<Pack> {
  const rows = await db.transaction('r', knowledgeTables(db), async () => closeOver(db, await selectRows(db, scope)));
  const stored = typeof scope === 'object' ? await db.packs.get(scope.pack) : undefined;
  const day = isoDay(today);
  const head =
    typeof scope === 'object'
      ? defined({ id: scope.pack, title: stored?.title ?? scope.pack, version: stored?.version ?? 1, license: stored?.license })
      : { id: OWN_PACK_ID, title: scope === 'all' ? 'My Backstory: everything' : 'My Backstory: my own entries', version: 1 };
  const entities = rows.entities.map(packEntity);
  return {
    format: 'backstory-pack',
    // sameAs is a field of format version 2 (pack-links.ts); a pack without it stays a version-1 file.
    ...(entities.some((e) => e.sameAs?.length) ? { formatVersion: 2 as const } : {}),
    ...head,
    description: `Exported from Backstory on ${day}.`,
    updated: day,
    entities,
    relations: rows.relations.map(packRelation),
    statements: rows.statements.map(packStatement),
  };
}

export const CSV_COLUMNS = [
  'entity_id',
  'entity_name',
  'kind',
  'text',
  'date',
  'source_title',
  'source_url',
  'source_publisher',
  'origin',
] as const;

/**
 * The scope's statements as RFC 4180 CSV: a header row, then one row per statement, lines ending CRLF,
 * every cell guarded against spreadsheet formulas (see csvCell): a statement may be a quote saved from
 * any web page.
 */
export async function statementsCsv(db: BackstoryDatabase, scope: ExportScope): Promise<string> {
  const { statements, names } = await db.transaction('r', knowledgeTables(db), async () => {
    const { statements } = await selectRows(db, scope);
    const names = new Map<string, string>();
    const ids = [...new Set(statements.map((s) => s.entity))];
    (await getEntities(db, ids)).forEach((e, i) => names.set(ids[i], e?.name ?? ''));
    return { statements, names };
  });
  const rows = statements.map((s) => [s.entity, names.get(s.entity), s.kind, s.text, s.date, s.source.title, s.source.url, s.source.publisher, s.origin]);
  return csvRecords([CSV_COLUMNS, ...rows]);
}
