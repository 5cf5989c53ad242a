import type { Table } from 'dexie';
import type { Entity, Relation, Statement } from './generated/pack';
import type { PackPartRow, PackRow } from './rows';

/**
 * Entities of two packs that are one real-world entity (pack format version 2).
 *
 * Each pack keeps its own entities in its own parts (pack-parts.ts), so two packs may both hold
 * `kazakhstan`: reads gather an id's rows from every pack (knowledge.ts) and the card merges them
 * (queries.ts). An entity that names another as the same — `sameAs` with a Wikidata QID, or with
 * `packId:id` — or that shares a QID with another pack's entity is stored under that entity's id, so a
 * page sees one entity and the card one card. The pack's own id for it, and its sameAs, are kept in
 * the pack's link part (`l/0`), which later imports consult.
 */

/** One entity of a pack that has a sameAs or is stored under another pack's id. */
export interface LinkEntry {
  /** The id the entity is stored (and looked up) under. */
  id: string;
  /** Its id in its own pack. */
  local: string;
  sameAs: string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const QID = /^Q[1-9][0-9]*$/;

export const linkPartKey = (pack: string): [string, string] => [pack, 'l/0'];

export function linkPart(pack: string, entries: LinkEntry[]): PackPartRow[] {
  return entries.length ? [{ pack, part: 'l/0', rows: encoder.encode(JSON.stringify(entries)) }] : [];
}

export async function readLinks(table: Table<PackPartRow, [string, string]>, pack: string): Promise<LinkEntry[]> {
  const part = await table.get(linkPartKey(pack));
  return part ? (JSON.parse(decoder.decode(part.rows)) as LinkEntry[]) : [];
}

/** What an import knows of a pack already stored. */
export interface StoredPack {
  row: PackRow;
  /** The ids its entities are stored under. */
  ids: ReadonlySet<string>;
  links: LinkEntry[];
}

/**
 * The id each entity of `pack` is to be stored under: its own, or the id of the entity of a stored
 * pack that it (or that entity) says is the same, or that has the same QID. Two entities of the pack
 * never end up under one id, and an entity keeps its own id when that id is the pack's own for
 * another entity.
 */
export function storedIds(packId: string, entities: readonly Entity[], others: readonly StoredPack[]): Map<string, string> {
  const byRef = new Map<string, string>();
  const byQid = new Map<string, string>();
  const reverse = new Map<string, string>();
  for (const other of others) {
    for (const id of other.ids) byRef.set(`${other.row.id}:${id}`, id);
    for (const link of other.links) {
      byRef.set(`${other.row.id}:${link.local}`, link.id);
      for (const same of link.sameAs) {
        if (QID.test(same)) {
          if (!byQid.has(same)) byQid.set(same, link.id);
        } else if (same.startsWith(`${packId}:`) && !reverse.has(same)) reverse.set(same, link.id);
      }
    }
  }
  const local = new Set(entities.map((e) => e.id));
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const entity of entities) {
    const same = entity.sameAs ?? [];
    const targets = [
      ...same.filter((s) => !QID.test(s) && !s.startsWith(`${packId}:`)).map((s) => byRef.get(s)),
      ...same.filter((s) => QID.test(s)).map((s) => byQid.get(s)),
      reverse.get(`${packId}:${entity.id}`),
    ];
    const target = targets.find((t): t is string => !!t && (t === entity.id || (!local.has(t) && !taken.has(t))));
    const id = target ?? entity.id;
    taken.add(id);
    out.set(entity.id, id);
  }
  return out;
}

/** The pack's entities, relations and statements with every id as it is stored. */
export function withStoredIds(
  content: { entities: readonly Entity[]; relations: readonly Relation[]; statements: readonly Statement[] },
  ids: ReadonlyMap<string, string>,
): { entities: Entity[]; relations: Relation[]; statements: Statement[]; links: LinkEntry[] } {
  const id = (local: string) => ids.get(local) ?? local;
  const moved = [...ids].some(([a, b]) => a !== b);
  const links = content.entities
    .filter((e) => e.sameAs?.length || id(e.id) !== e.id)
    .map((e) => ({ id: id(e.id), local: e.id, sameAs: e.sameAs ?? [] }));
  if (!moved) return { entities: [...content.entities], relations: [...content.relations], statements: [...content.statements], links };
  return {
    entities: content.entities.map((e) => ({ ...e, id: id(e.id), ...(e.country ? { country: id(e.country) } : {}) })),
    relations: content.relations.map((r) => ({ ...r, from: id(r.from), to: id(r.to) })),
    statements: content.statements.map((s) => ({ ...s, entity: id(s.entity) })),
    links,
  };
}
