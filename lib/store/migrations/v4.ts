import { foldForSearch } from '../../text';
import { forEachToken } from '../../text/tokenize';
import type { SchemaVersion } from './version';

// Frozen as of schema version 4: how this version laid a pack's rows out in parts (then
// pack-parts.ts packParts, with the alias keys of version 3 and the search words of version 2) and
// how a row of alias keys lists them (then alias-keys.ts). The parts this upgrade writes are read by
// every later version, or moved by a later upgrade that knows this layout: never change the code
// here. The folding of words is the text core's (lib/text) and is not copied: a change to it changes
// every key, and comes with a version that files them all anew.

interface AliasObject {
  text: string;
  lang?: string;
  caseSensitive?: boolean;
  shared?: boolean;
}

/** A pack entity as a part keeps it: as the pack wrote it (aliases may be plain strings). */
interface PartEntity {
  id: string;
  kind: string;
  name: string;
  aliases: (string | AliasObject)[];
}

interface PackContent {
  entities: readonly PartEntity[];
  relations: readonly { from: string; to: string }[];
  statements: readonly { entity: string }[];
}

interface PackLayout {
  id: string;
  entities: number;
  aliases: number;
  relations: number;
  statements: number;
  catalog: number;
}

interface PackPart {
  pack: string;
  part: string;
  rows: Uint8Array;
}

type AliasTuple = [key: string, entityId: string, text: string, kind: string, name: string, flags?: Omit<AliasObject, 'text'>];
type CatalogTuple = [id: string, name: string, kind: string, terms: string];

const PER_BUCKET = { entities: 128, aliases: 64, relations: 128, statements: 128 } as const;
const CATALOG_SLICE = 2000;

const aliasObject = (alias: string | AliasObject): AliasObject => (typeof alias === 'string' ? { text: alias } : alias);

function indexKey(alias: { text: string }): string {
  let key = '';
  forEachToken(alias.text ?? '', (folded) => {
    key = folded;
  });
  return key;
}

function foldedWords(text: string): string[] {
  const folded = foldForSearch(text);
  return folded ? [...new Set(folded.split(' '))] : [];
}

function searchTerms(entity: { name: string; aliases: readonly { text: string }[] }): string[] {
  return [...new Set([entity.name, ...entity.aliases.map((alias) => alias.text)].flatMap(foldedWords))];
}

function joinKeys(keys: Iterable<string>): string {
  return [...new Set(keys)].filter(Boolean).join('\n');
}

/** FNV-1a. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const bucketsFor = (count: number, per: number) => Math.max(1, Math.ceil(count / per));

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function aliasTuple(alias: AliasObject, text: string, key: string, entity: PartEntity): AliasTuple {
  const tuple: AliasTuple = [key, entity.id, text, entity.kind, entity.name];
  if (alias.lang !== undefined || alias.caseSensitive !== undefined || alias.shared !== undefined) {
    const flags: Omit<AliasObject, 'text'> = {};
    if (alias.lang !== undefined) flags.lang = alias.lang;
    if (alias.caseSensitive !== undefined) flags.caseSensitive = alias.caseSensitive;
    if (alias.shared !== undefined) flags.shared = alias.shared;
    tuple.push(flags);
  }
  return tuple;
}

function bucketed<T>(encoder: TextEncoder, pack: string, kind: string, rows: readonly T[], buckets: number, key: (row: T) => string): PackPart[] {
  const parts: T[][] = Array.from({ length: buckets }, () => []);
  for (const row of rows) parts[hash(key(row)) % buckets].push(row);
  return parts.flatMap((bucket, i) => (bucket.length ? [{ pack, part: `${kind}/${i}`, rows: encoder.encode(JSON.stringify(bucket)) }] : []));
}

function packParts(pack: string, content: PackContent): { layout: PackLayout; parts: PackPart[]; keys: Set<string> } {
  const { entities, relations, statements } = content;
  const encoder = new TextEncoder();
  const aliases: AliasTuple[] = [];
  const catalog: CatalogTuple[] = [];
  const keys = new Set<string>();
  for (const entity of entities) {
    const objects = entity.aliases.map(aliasObject);
    const seen = new Set<string>();
    for (const alias of [...objects, { text: entity.name }]) {
      const text = alias.text.trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const key = indexKey({ text });
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
  const incoming = relations.map((r): [from: string, to: string] => [r.from, r.to]);
  const parts = [
    ...bucketed(encoder, pack, 'e', entities, layout.entities, (e) => e.id),
    ...bucketed(encoder, pack, 'a', aliases, layout.aliases, (a) => a[0]),
    ...bucketed(encoder, pack, 'f', relations, layout.relations, (r) => r.from),
    ...bucketed(encoder, pack, 't', incoming, layout.relations, (r) => r[1]),
    ...bucketed(encoder, pack, 's', statements, layout.statements, (s) => s.entity),
    ...Array.from({ length: layout.catalog }, (_, i) => ({
      pack,
      part: `c/${i}`,
      rows: encoder.encode(JSON.stringify(catalog.slice(i * CATALOG_SLICE, (i + 1) * CATALOG_SLICE))),
    })),
  ];
  return { layout, parts, keys };
}

// The rows of version 3, as far as this upgrade reads them.
interface EntityV3 extends PartEntity {
  origin: string;
  editedAt?: number;
  note?: string;
  terms?: string[];
}
interface RelationV3 {
  id: number;
  origin: string;
  from: string;
  to: string;
}
interface StatementV3 {
  id: number;
  origin: string;
  entity: string;
  annotationId?: string;
}

/**
 * A pack's rows move into parts of a few dozen rows each (see pack-parts.ts): writing a pack of
 * 100,000 entities row by row took minutes. The tables keep the reader's rows: entities they made
 * or edited, and what those say. The trash is searched by the deleted entity's id, as a deleted
 * pack entity stays in its pack's parts and is hidden by its trash row.
 */
export const v4: SchemaVersion = {
  version: 4,
  stores: { packParts: '[pack+part]', trash: '++id, deletedAt, entity.id' },
  upgrade: async (tx) => {
    const allAliases: { entityId: string; text: string }[] = await tx.table('aliases').toArray();
    for (const pack of (await tx.table('packs').toArray()) as { id: string }[]) {
      const entities = ((await tx.table('entities').where('origin').equals(pack.id).toArray()) as EntityV3[]).filter((e) => e.editedAt === undefined);
      const ids = new Set(entities.map((e) => e.id));
      // Their alias rows go: the parts file a pack entity's aliases anew from its row, as an import does.
      const aliases = allAliases.filter((a) => ids.has(a.entityId));
      const relations: RelationV3[] = await tx.table('relations').where('origin').equals(pack.id).toArray();
      const statements: StatementV3[] = await tx.table('statements').where('origin').equals(pack.id).toArray();
      const { layout, parts, keys } = packParts(pack.id, {
        entities: entities.map(({ origin: _o, editedAt: _e, note: _n, terms: _t, ...entity }) => entity),
        relations: relations.map(({ id: _id, origin: _o, ...relation }) => relation),
        statements: statements.map(({ id: _id, origin: _o, annotationId: _a, ...statement }) => statement),
      });
      await tx.table('packParts').bulkPut(parts);
      await tx.table('entities').bulkDelete([...ids]);
      await tx.table('aliases').bulkDelete(aliases.map((a) => [a.entityId, a.text]));
      await tx.table('relations').bulkDelete(relations.map((r) => r.id));
      await tx.table('statements').bulkDelete(statements.map((s) => s.id));
      await tx.table('packs').put({ ...pack, layout });
      // Keys listed before stay listed: an entity of the pack that the reader edited keeps its aliases
      // in the table, and a key listed for nothing costs one wasted lookup, never a missed name.
      const listed = ((await tx.table('aliasKeys').get(pack.id)) as { keys: string } | undefined)?.keys.split('\n') ?? [];
      await tx.table('aliasKeys').put({ id: pack.id, keys: joinKeys([...listed, ...keys]) });
    }
  },
};
