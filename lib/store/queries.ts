import type { AllianceView, Candidates, Dossier, EntityRef, MembershipType, PackView } from '../messages';
import { mayOccurIn } from '../text';
import type { AliasKeySet } from './alias-keys';
import type { BackstoryDatabase } from './db';
import type { Role } from './generated/pack';
import { entityVersions, getEntities, knowledgeTables, packAliases, relationsOf, statementsOf, storedPacks } from './knowledge';
import { USER_ORIGIN, type EntityRow, type PackRow, type RelationRow } from './rows';

/**
 * The aliases a page whose lookup keys are `keys` may hold: those filed under one of the keys (an
 * alias's last word) whose other words are among the keys too, so a page that names Alexander
 * Lukashenka is not sent every Alexander of the knowledge base. Read afresh; the service worker keeps
 * what it read between pages (candidate-cache.ts).
 */
export async function findCandidates(db: BackstoryDatabase, keys: string[], aliasKeys?: AliasKeySet): Promise<Candidates> {
  // Only the words that some alias is filed under go to the index (see alias-keys.ts).
  const listed = aliasKeys ? await aliasKeys.current(db) : null;
  return candidatesOf(await candidateRows(db, listed ? keys.filter((key) => listed.has(key)) : keys), new Set(keys));
}

/** An alias filed under `key`, with its entity as pages are told of it. */
export interface CandidateRow {
  key: string;
  entityId: string;
  text: string;
  lang?: string;
  caseSensitive?: boolean;
  entity: Candidates['entities'][string];
}

/** Every alias filed under one of `keys` that the reader sees (their own rows over the packs'), with its entity. */
export async function candidateRows(db: BackstoryDatabase, keys: string[]): Promise<CandidateRow[]> {
  if (!keys.length) return [];
  return db.transaction('r', [...knowledgeTables(db), db.aliasKeys, db.settings], async () => {
    const own = await db.aliases.where('key').anyOf(keys).toArray();
    const fromPacks = await packAliases(db, keys);
    const entities: Candidates['entities'] = {};
    for (const row of fromPacks) entities[row.entityId] = { kind: row.kind, name: row.name };
    const ids = [...new Set(own.map((row) => row.entityId))];
    for (const entity of await db.entities.bulkGet(ids)) {
      if (entity) entities[entity.id] = { kind: entity.kind, name: entity.name, ...(isReaders(entity) ? { own: true } : {}) };
    }
    return [...own, ...fromPacks]
      .filter((row) => entities[row.entityId])
      .map(({ key, entityId, text, lang, caseSensitive }) => ({ key, entityId, text, lang, caseSensitive, entity: entities[entityId]! }));
  });
}

/**
 * What a page with these keys is sent of the rows: the aliases whose every word is among its keys, each
 * once (two packs that hold one entity may file the same alias), and their entities.
 */
export function candidatesOf(rows: readonly CandidateRow[], asked: ReadonlySet<string>): Candidates {
  const entities: Candidates['entities'] = {};
  const aliases: Candidates['aliases'] = [];
  const sent = new Set<string>();
  for (const row of rows) {
    if (!mayOccurIn(row, asked)) continue;
    entities[row.entityId] = row.entity;
    const id = `${row.entityId}\u0000${row.text}\u0000${row.lang ?? ''}`;
    if (sent.has(id)) continue;
    sent.add(id);
    aliases.push({ entityId: row.entityId, text: row.text, lang: row.lang, caseSensitive: row.caseSensitive });
  }
  return { aliases, entities };
}

/** The reader's own entity, or a pack's that the reader edited. */
const isReaders = (entity: EntityRow) => entity.origin === USER_ORIGIN || entity.editedAt !== undefined;

const MEMBERSHIP_TYPES: readonly MembershipType[] = ['member_of', 'observer_of', 'partner_of', 'candidate_of', 'suspended', 'left'];
const isMembership = (r: RelationRow): r is RelationRow & { type: MembershipType } =>
  (MEMBERSHIP_TYPES as readonly string[]).includes(r.type);

/** The role held now: the first one without an end date, as packs list the defining role first. */
export function currentRole(roles: Role[] | undefined): Role | undefined {
  return roles?.find((r) => !r.until);
}

const ref = (e: EntityRow): EntityRef => ({ id: e.id, name: e.name, kind: e.kind });

const byStartThenName = (a: AllianceView, b: AllianceView) =>
  (a.since ?? '9999').localeCompare(b.since ?? '9999') || a.structure.name.localeCompare(b.structure.name);

const newestFirst = (a: { asOf?: string }, b: { asOf?: string }) => (b.asOf ?? '').localeCompare(a.asOf ?? '');

/**
 * One entity as several packs hold it: the first pack's row with every pack's aliases, links and
 * sources, the newest as-of date, and what each pack says, newest as-of first.
 */
function mergeVersions(versions: { row: EntityRow; pack: PackRow }[]): { entity: EntityRow; views: PackView[] } {
  const views = versions
    .map(({ row, pack }): PackView => ({ origin: pack.id, title: pack.title, asOf: row.asOf, currentRole: currentRole(row.roles), sources: row.sources }))
    .sort(newestFirst);
  const rows = versions.map((v) => v.row);
  const unique = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
  const newest = [...rows].sort(newestFirst)[0]!;
  const first = rows[0]!;
  const entity: EntityRow = {
    ...first,
    summary: first.summary ?? rows.find((r) => r.summary)?.summary,
    asOf: newest.asOf,
    roles: newest.roles ?? first.roles,
    aliases: unique(rows.flatMap((r) => r.aliases), (a) => a.text),
    links: unique(rows.flatMap((r) => r.links ?? []), (l) => l),
    sources: unique(rows.flatMap((r) => r.sources ?? []), (s) => `${s.title}\u0000${s.url ?? ''}`),
  };
  for (const key of ['summary', 'asOf', 'roles', 'links', 'sources'] as const) {
    const value = entity[key];
    if (value === undefined || (Array.isArray(value) && !value.length)) delete entity[key];
  }
  return { entity, views };
}

export async function loadDossier(db: BackstoryDatabase, id: string): Promise<Dossier | null> {
  return db.transaction('r', knowledgeTables(db), async () => {
    const packs = await storedPacks(db);
    const [first] = await getEntities(db, [id], packs);
    if (!first) return null;
    const versions = await entityVersions(db, id, packs);
    const { entity, views } = versions.length > 1 ? mergeVersions(versions) : { entity: first, views: undefined };
    const [country] = entity.country && entity.country !== entity.id ? await getEntities(db, [entity.country], packs) : [undefined];
    const own = (await relationsOf(db, id, 'from', packs)).filter(isMembership);
    const inherited = country ? (await relationsOf(db, country.id, 'from', packs)).filter(isMembership) : [];
    const incoming = (await relationsOf(db, id, 'to', packs)).filter(isMembership);
    const relatedIds = [...new Set([...own, ...inherited].map((r) => r.to).concat(incoming.map((r) => r.from)))];
    const related = await getEntities(db, relatedIds, packs);
    const names = new Map(related.filter((e): e is EntityRow => !!e).map((e) => [e.id, ref(e)]));
    const view = (r: RelationRow & { type: MembershipType }, end: 'to' | 'from', via?: EntityRef): AllianceView[] => {
      const structure = names.get(r[end]);
      return structure ? [{ structure, status: r.type, since: r.since, until: r.until, note: r.note, via, source: r.source }] : [];
    };
    const statements = await statementsOf(db, id, packs);
    statements.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const { terms: _terms, ...shown } = entity;
    return {
      entity: shown,
      currentRole: views ? views[0]!.currentRole : currentRole(entity.roles),
      ...(views ? { packs: views } : {}),
      country: country ? ref(country) : undefined,
      alliances: [
        ...own.flatMap((r) => view(r, 'to')),
        ...inherited.flatMap((r) => view(r, 'to', country ? ref(country) : undefined)),
      ].sort(byStartThenName),
      members: incoming.flatMap((r) => view(r, 'from')).sort(byStartThenName),
      statements,
    };
  });
}
