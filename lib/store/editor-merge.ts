/** The rows of one entity as the editor builds them (editor.ts's DraftRows and EntityRows). */
export interface EditedRows {
  entity: object;
  note?: string;
  relations: { id?: number; to: string }[];
  statements: { id?: number; text: string }[];
}

/**
 * What the editor saves when the entity changed after the editor opened: a quote saved from a page
 * as the entity's statement, a passage deleted in the library, an edit in another window. A
 * three-way merge of the rows the editor loaded, the rows stored now and the reader's draft:
 * - a field, relation or statement changed on one side only takes that side's value, so statements
 *   and relations added meanwhile are kept and ones deleted meanwhile (and left alone in the draft)
 *   stay deleted;
 * - one changed on both sides, differently, is a conflict: nothing is saved, and the reader is told
 *   what changed, to reopen the editor and see it. So is a statement or relation the reader edited
 *   (or removed) that was deleted (or changed) meanwhile.
 * Rows without an id (a pack's, not yet the reader's) are the draft's to decide.
 */
export function mergeSinceLoaded<R extends EditedRows>(loaded: EditedRows, current: EditedRows, mine: R): { ok: true; rows: R } | { ok: false; conflicts: string[] } {
  const conflicts: string[] = [];
  const entity: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(loaded.entity), ...Object.keys(current.entity), ...Object.keys(mine.entity)]);
  for (const key of keys) {
    const pick = merge3(field(loaded.entity, key), field(current.entity, key), field(mine.entity, key));
    if (pick === CONFLICT) conflicts.push(FIELD_LABELS[key] ?? key);
    else if (pick !== undefined) entity[key] = pick;
  }
  const note = merge3(loaded.note, current.note, mine.note);
  if (note === CONFLICT) conflicts.push('the private note');
  // The stored rows have the draft's shape (both are built by editor.ts's draftRows).
  type Relation = R['relations'][number];
  type Statement = R['statements'][number];
  const relations = mergeRows(loaded.relations as Relation[], current.relations as Relation[], mine.relations, (r) => `the relation to “${r.to}”`, conflicts);
  const statements = mergeRows(loaded.statements as Statement[], current.statements as Statement[], mine.statements, (s) => `the statement “${clip(s.text)}”`, conflicts);
  if (conflicts.length || note === CONFLICT) return { ok: false, conflicts };
  return { ok: true, rows: { ...mine, entity, note, relations, statements } };
}

/** The message a refused save shows. */
export function describeConflicts(conflicts: string[]): string {
  const shown = conflicts.slice(0, 3).join(', ') + (conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : '');
  return `This entity changed since you opened it (${shown} changed elsewhere too). Nothing was saved: close the editor, open it again to see the changes, and make yours again.`;
}

const CONFLICT = Symbol('conflict');

const FIELD_LABELS: Record<string, string> = {
  kind: 'its kind', name: 'its name', aliases: 'its aliases', summary: 'its summary', asOf: 'its “as of” date',
  roles: 'its roles', country: 'its country', links: 'its links', sources: 'its sources',
};

const field = (row: object, key: string): unknown => (row as Record<string, unknown>)[key];
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** JSON with object keys in order, so that rows built in different orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? 'undefined';
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The value after a change on either side, or CONFLICT when both sides changed it differently. */
function merge3<T>(base: T, theirs: T, mine: T): T | typeof CONFLICT {
  if (same(theirs, base) || same(mine, theirs)) return mine;
  if (same(mine, base)) return theirs;
  return CONFLICT;
}

type Row = { id?: number };

function mergeRows<T extends Row>(loaded: T[], current: T[], mine: T[], label: (row: T) => string, conflicts: string[]): T[] {
  const byId = (rows: T[]) => new Map(rows.flatMap((row) => (row.id === undefined ? [] : [[row.id, row] as const])));
  const base = byId(loaded);
  const now = byId(current);
  const kept = new Set<number>();
  const merged: T[] = [];
  for (const row of mine) {
    if (row.id === undefined || !base.has(row.id)) {
      merged.push(row);
      continue;
    }
    kept.add(row.id);
    const before = base.get(row.id)!;
    const stored = now.get(row.id);
    if (!stored) {
      // Deleted meanwhile: it stays deleted unless the reader edited it, which is a conflict.
      if (!same(row, before)) conflicts.push(label(row));
      continue;
    }
    const pick = merge3(before, stored, row);
    if (pick === CONFLICT) conflicts.push(label(row));
    else merged.push(pick);
  }
  for (const [id, before] of base) {
    const stored = now.get(id);
    // Removed by the reader after it was changed elsewhere: which one wins is the reader's to say.
    if (!kept.has(id) && stored && !same(stored, before)) conflicts.push(label(stored));
  }
  // Added meanwhile (a quote saved from a page, a relation from another window): kept.
  for (const row of current) if (row.id !== undefined && !base.has(row.id)) merged.push(row);
  return merged;
}
