import type { EntityKind } from '../messages';
import type { BackstoryDatabase } from './db';
import type { Entity, Relation, Source, Statement } from './generated/pack';
import { checkPack, type Pack, type PackProblem } from './pack-validation';
import { READER_KEYS, bumpRevision, fileKeys } from './alias-keys';
import { USER_ORIGIN, aliasRows, entityRow, type AliasObject, type EntityRow, type RelationType } from './rows';
import { getEntities, getEntity, knowledgeTables, relationsOf, statementsOf } from './knowledge';
import { describeConflicts, mergeSinceLoaded } from './editor-merge';
import { summaryIn, summaryLanguageIn, withSummaryText } from '../i18n/summary';

/** The editor's form, as the reader fills it in: text fields as typed, lists one item per line. */
export interface EntityDraft {
  id: string;
  kind: EntityKind;
  name: string;
  /** One alias per line. */
  aliases: string;
  summary: string;
  asOf: string;
  /** The id of a country entity. */
  country: string;
  /** One link per line. */
  links: string;
  roles: RoleDraft[];
  relations: RelationDraft[];
  statements: StatementDraft[];
  note: string;
  /** The stored aliases, so that one whose line stays keeps its language and flags. */
  storedAliases: AliasObject[];
  /** A summary stored in several languages, of which `summary` edits the text in `summaryLanguage`. */
  summaryTexts?: Record<string, string>;
  summaryLanguage?: string;
  /** The stored sources of the entity, which the form does not show. */
  sources?: Source[];
  /** The rows as the editor loaded them, so that a save merges with what changed since (editor-merge.ts). */
  loaded?: DraftRows;
}

export interface RoleDraft {
  title: string;
  since: string;
  until: string;
}

export interface RelationDraft {
  /** The stored row's id, kept so the row keeps its place. */
  id?: number;
  type: RelationType;
  /** The id of the entity at the other end. */
  to: string;
  since: string;
  until: string;
  note: string;
  /** The stored source, which the form does not show. */
  source?: Source;
}

export interface StatementDraft {
  id?: number;
  text: string;
  kind: Statement['kind'];
  date: string;
  sourceTitle: string;
  sourceUrl: string;
  sourcePublisher: string;
  /** The stored source date and annotation, which the form does not show. */
  sourceDate?: string;
  annotationId?: string;
}

export const NOTE_LIMIT = 5000;

export function emptyDraft(kind: EntityKind = 'person'): EntityDraft {
  return {
    id: '',
    kind,
    name: '',
    aliases: '',
    summary: '',
    asOf: '',
    country: '',
    links: '',
    roles: [],
    relations: [],
    statements: [],
    note: '',
    storedAliases: [],
  };
}

export const emptyRole = (): RoleDraft => ({ title: '', since: '', until: '' });
export const emptyRelation = (): RelationDraft => ({ type: 'member_of', to: '', since: '', until: '', note: '' });
export const emptyStatement = (): StatementDraft => ({
  text: '',
  kind: 'quote',
  date: '',
  sourceTitle: '',
  sourceUrl: '',
  sourcePublisher: '',
});

/** The form for a stored entity: its fields, the relations from it and its statements. */
export async function loadDraft(db: BackstoryDatabase, id: string): Promise<EntityDraft | null> {
  return db.transaction('r', knowledgeTables(db), async () => {
    const entity = await getEntity(db, id);
    if (!entity) return null;
    // The reader's rows in the order they were added, then the pack's in the pack's order.
    const byId = <T extends { id?: number }>(a: T, b: T) => (a.id ?? Infinity) - (b.id ?? Infinity);
    const relations = (await relationsOf(db, id, 'from')).sort(byId);
    const statements = (await statementsOf(db, id)).sort(byId);
    const draft: EntityDraft = {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases.map((a) => a.text).join('\n'),
      summary: summaryIn(entity.summary) ?? '',
      ...(typeof entity.summary === 'object' ? { summaryTexts: entity.summary, summaryLanguage: summaryLanguageIn(entity.summary) } : {}),
      asOf: entity.asOf ?? '',
      country: entity.country ?? '',
      links: (entity.links ?? []).join('\n'),
      roles: (entity.roles ?? []).map((r) => ({ title: r.title, since: r.since ?? '', until: r.until ?? '' })),
      relations: relations.map((r) => ({
        id: r.id,
        type: r.type,
        to: r.to,
        since: r.since ?? '',
        until: r.until ?? '',
        note: r.note ?? '',
        source: r.source,
      })),
      statements: statements.map((s) => ({
        id: s.id,
        text: s.text,
        kind: s.kind,
        date: s.date ?? '',
        sourceTitle: s.source.title,
        sourceUrl: s.source.url ?? '',
        sourcePublisher: s.source.publisher ?? '',
        sourceDate: s.source.date,
        annotationId: s.annotationId,
      })),
      note: entity.note ?? '',
      storedAliases: entity.aliases,
      sources: entity.sources,
    };
    return { ...draft, loaded: draftRows(draft) };
  });
}

/** "Alexander Lukashenka" → "alexander-lukashenka": an id a pack accepts, or '' when no letter of the name fits. */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** An id for a new entity named `name` that no entity has yet. */
export async function freeId(db: BackstoryDatabase, name: string): Promise<string> {
  const base = idFromName(name) || 'entity';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await getEntity(db, id))) return id;
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const optional = (text: string) => text.trim() || undefined;

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

type StatementRows = Statement & { id?: number; annotationId?: string };

/** The rows a checked draft stands for, in the pack's terms, with the ids of the rows they replace. */
export interface EntityRows {
  entity: Entity;
  relations: (Relation & { id?: number })[];
  statements: StatementRows[];
  note?: string;
  /** The rows as the editor loaded them (EntityDraft.loaded). */
  loaded?: DraftRows;
}

/** The rows a draft stands for, before they are checked: a statement may still lack its source. */
export type DraftRows = Omit<EntityRows, 'statements'> & {
  statements: (Omit<StatementRows, 'source'> & { source?: Source })[];
};

export function draftRows(draft: EntityDraft): DraftRows {
  const stored = new Map(draft.storedAliases.map((a) => [a.text, a]));
  const aliases = [...new Set(lines(draft.aliases))].map((text) => stored.get(text) ?? text);
  const roles = draft.roles.map((r) => defined({ title: r.title.trim(), since: optional(r.since), until: optional(r.until) }));
  const links = lines(draft.links);
  const entity: Entity = defined({
    id: draft.id.trim(),
    kind: draft.kind,
    name: draft.name.trim(),
    aliases,
    summary: withSummaryText(draft.summaryTexts, draft.summaryLanguage, draft.summary.trim()),
    asOf: optional(draft.asOf),
    roles: roles.length ? roles : undefined,
    country: optional(draft.country),
    links: links.length ? links : undefined,
    sources: draft.sources?.length ? draft.sources : undefined,
  });
  const relations = draft.relations.map((r) =>
    defined({
      id: r.id,
      from: entity.id,
      type: r.type,
      to: r.to.trim(),
      since: optional(r.since),
      until: optional(r.until),
      note: optional(r.note),
      source: r.source,
    }),
  );
  const statements = draft.statements.map((s) => {
    const source = defined({ title: s.sourceTitle.trim(), url: optional(s.sourceUrl), publisher: optional(s.sourcePublisher), date: s.sourceDate });
    return defined({
      id: s.id,
      entity: entity.id,
      text: s.text.trim(),
      kind: s.kind,
      date: optional(s.date),
      source: source.title ? source : undefined,
      annotationId: s.annotationId,
    });
  });
  return { entity, relations, statements, note: optional(draft.note) };
}

/** Form field → message; fields are named as the form names them: name, roles.0.since, statements.2.sourceTitle. */
export type FieldErrors = Record<string, string>;

const ENTITY_FIELDS: Record<string, string> = { id: 'Id', name: 'Name', summary: 'Summary', asOf: 'As of', country: 'Country' };
const ROLE_FIELDS: Record<string, string> = { title: 'Title', since: 'Since', until: 'Until' };
const RELATION_FIELDS: Record<string, string> = { to: 'Entity', since: 'Since', until: 'Until', note: 'Note' };
const STATEMENT_FIELDS: Record<string, [field: string, label: string]> = {
  text: ['text', 'Text'],
  date: ['date', 'Date'],
  'source.title': ['sourceTitle', 'Source title'],
  'source.url': ['sourceUrl', 'Source link'],
  'source.publisher': ['sourcePublisher', 'Publisher'],
};

/** Where a problem the schema found in the one-entity pack lies in the form, and what to say there. */
function fieldOf(problem: PackProblem, index: number): [string, string] | null {
  let m: RegExpMatchArray | null;
  if ((m = problem.path.match(/^\$\.entities\[0\]\.(id|name|summary|asOf|country)$/))) return [m[1], `${ENTITY_FIELDS[m[1]]} ${problem.message}`];
  if ((m = problem.path.match(/^\$\.entities\[0\]\.(aliases|links)\[(\d+)\]$/))) return [m[1], `Line ${Number(m[2]) + 1} ${problem.message}`];
  if ((m = problem.path.match(/^\$\.entities\[0\]\.roles\[(\d+)\](?:\.(\w+))?$/)))
    return [`roles.${m[1]}.${m[2] ?? 'title'}`, `${ROLE_FIELDS[m[2] ?? 'title']} ${problem.message}`];
  if ((m = problem.path.match(/^\$\.relations\[0\]\.(to|since|until|note)$/))) return [`relations.${index}.${m[1]}`, `${RELATION_FIELDS[m[1]]} ${problem.message}`];
  if ((m = problem.path.match(/^\$\.statements\[0\]\.(text|date|source\.title|source\.url|source\.publisher)$/))) {
    const [field, label] = STATEMENT_FIELDS[m[1]];
    return [`statements.${index}.${field}`, `${label} ${problem.message}`];
  }
  return null;
}

const onePack = (part: Partial<Pack>): Pack => ({ format: 'backstory-pack', version: 1, id: 'draft', entities: [], ...part });

/**
 * Checks a draft by the pack schema's rules (each part as a pack of its own, so that every part's
 * first problem shows, not only the first of all), and what only the database can tell: that a new
 * id is free, that the entities it names exist, that its country is a country.
 */
export async function checkDraft(
  db: BackstoryDatabase,
  draft: EntityDraft,
  { isNew }: { isNew: boolean },
): Promise<{ ok: true; rows: EntityRows } | { ok: false; errors: FieldErrors }> {
  const rows = draftRows(draft);
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= message;
  };

  if (!rows.entity.id) add('id', 'Give the entity an id: lower-case letters, digits and hyphens.');
  if (!rows.entity.name) add('name', 'Give the entity a name.');
  const referenced = [...new Set([rows.entity.country ?? '', ...rows.relations.map((r) => r.to)].filter(Boolean))];
  const [existing, ...found] = await getEntities(db, [rows.entity.id || '\u0000', ...referenced]);
  if (isNew && existing) add('id', `An entity with the id “${rows.entity.id}” exists already: choose another id.`);
  const known = new Set(referenced.filter((_, i) => found[i]));
  known.add(rows.entity.id);
  const country = rows.entity.country ? found[referenced.indexOf(rows.entity.country)] : undefined;
  if (country && country.kind !== 'country') add('country', `Country must be a country entity; “${country.name}” is a ${country.kind}.`);
  if (rows.note && [...rows.note].length > NOTE_LIMIT) add('note', `Note is longer than its limit of ${NOTE_LIMIT} characters.`);

  const report = (check: ReturnType<typeof checkPack>, index: number) => {
    if (check.ok) return;
    for (const problem of check.problems) {
      const field = fieldOf(problem, index);
      if (field) add(field[0], field[1]);
    }
  };
  if (rows.entity.id && rows.entity.name) report(checkPack(onePack({ entities: [rows.entity] }), known), 0);
  rows.relations.forEach(({ id: _id, ...relation }, i) => {
    if (!relation.to) add(`relations.${i}.to`, 'Choose the entity at the other end.');
    else report(checkPack(onePack({ relations: [relation] }), known), i);
  });
  const statements: StatementRows[] = [];
  rows.statements.forEach(({ id, annotationId, source, ...statement }, i) => {
    if (!statement.text) add(`statements.${i}.text`, 'Write what was said, or remove the statement.');
    if (!source) add(`statements.${i}.sourceTitle`, 'A statement needs its source: give the source’s title (and a link, if there is one).');
    else {
      if (statement.text) report(checkPack(onePack({ statements: [{ ...statement, source }] }), known), i);
      statements.push(defined({ ...statement, source, id, annotationId }));
    }
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rows: { ...rows, statements, loaded: draft.loaded } };
}

/**
 * Saves a checked draft in one transaction. Saving makes the entity the reader's: a pack entity keeps
 * its origin but is marked edited and kept in the entities table, where it stands in place of its
 * pack's version (knowledge.ts); its relations and statements become the reader's rows, so later
 * imports of the pack leave all of it as the reader left it. What changed since the editor loaded the
 * draft is merged in, or the save is refused and nothing changes (see editor-merge.ts).
 */
export async function saveEntity(db: BackstoryDatabase, edited: EntityRows, { isNew, now = Date.now() }: { isNew: boolean; now?: number }): Promise<EntityRow> {
  const id = edited.entity.id;
  return db.transaction('rw', [...knowledgeTables(db), db.aliasKeys, db.settings], async () => {
    const stored = await getEntity(db, id);
    if (isNew && stored) throw new Error(`An entity with the id “${id}” exists already.`);
    if (!isNew && !stored) throw new Error(`The entity “${id}” is no longer there: it was deleted meanwhile.`);
    const merged = !isNew && edited.loaded ? mergeSinceLoaded(edited.loaded, draftRows((await loadDraft(db, id))!), edited) : { ok: true as const, rows: edited };
    if (!merged.ok) throw new Error(describeConflicts(merged.conflicts));
    const { rows } = merged;
    const row = entityRow(rows.entity, stored?.origin ?? USER_ORIGIN, { editedAt: now, note: rows.note });
    await db.entities.put(row);
    await db.aliases.where('entityId').equals(id).delete();
    const aliases = aliasRows(row);
    await db.aliases.bulkAdd(aliases);
    await fileKeys(db, READER_KEYS, aliases.map((alias) => alias.key), { replace: false });
    await db.relations.where('from').equals(id).delete();
    await db.relations.bulkPut(rows.relations.map((r) => ({ ...r, origin: USER_ORIGIN })));
    await db.statements.where('entity').equals(id).delete();
    await db.statements.bulkPut(rows.statements.map((s) => ({ ...s, origin: USER_ORIGIN })));
    return row;
  });
}

/**
 * Deletes an entity with its aliases, the relations from and to it, and its statements. The reader's
 * rows among them move to the trash; a pack's stay in the pack's parts, hidden by the trash row, which
 * also tells later imports of the pack that the reader deleted the entity. Returns the trash row's id,
 * for undo.
 */
export async function deleteEntity(db: BackstoryDatabase, id: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', [...knowledgeTables(db), db.settings], async () => {
    const entity = await getEntity(db, id);
    if (!entity) throw new Error(`The entity “${id}” is no longer there.`);
    const aliases = await db.aliases.where('entityId').equals(id).toArray();
    const relations = await db.relations.where('from').equals(id).or('to').equals(id).toArray();
    const statements = await db.statements.where('entity').equals(id).toArray();
    await db.aliases.where('entityId').equals(id).delete();
    await db.relations.bulkDelete(relations.map((r) => r.id!));
    await db.statements.bulkDelete(statements.map((s) => s.id!));
    await db.entities.delete(id);
    // No key is filed or forgotten (a key may stay listed), but what the keys find has changed.
    await bumpRevision(db);
    return db.trash.add({ deletedAt: now, entity, aliases, relations, statements });
  });
}

/** Puts back exactly the rows a deletion removed. */
export async function restoreDeleted(db: BackstoryDatabase, trashId: number): Promise<EntityRow> {
  return db.transaction('rw', [...knowledgeTables(db), db.aliasKeys, db.settings], async () => {
    const deleted = await db.trash.get(trashId);
    if (!deleted) throw new Error('There is nothing to undo: the deletion was undone already.');
    const { entity } = deleted;
    // An unedited pack entity is still in its pack's parts: removing the trash row shows it again. One
    // whose pack was removed meanwhile comes back as the reader's.
    const inPack = entity.origin !== USER_ORIGIN && entity.editedAt === undefined;
    const packStays = inPack && !!(await db.packs.get(entity.origin));
    if (!packStays) await db.entities.put(inPack ? { ...entity, origin: USER_ORIGIN } : entity);
    // Its aliases were in the removed pack's parts: they come back with it, as the reader's.
    const aliases = inPack && !packStays ? aliasRows(entity) : deleted.aliases;
    await db.aliases.bulkPut(aliases);
    await fileKeys(db, READER_KEYS, aliases.map((alias) => alias.key), { replace: false });
    await db.relations.bulkPut(deleted.relations);
    await db.statements.bulkPut(deleted.statements);
    await db.trash.delete(trashId);
    return entity;
  });
}
