import { mergeAnnotations } from '../library/merge-annotations';
import type { AnnotationInput, AnnotationRow } from '../messages';
import type { BackstoryDatabase } from './db';
import { isQuotaError, writeFailure } from './store-errors';
import { getEntities, getEntity, knowledgeTables } from './knowledge';
import { USER_ORIGIN, type StatementRow } from './rows';

/** A publication date as the pack format writes dates (YYYY-MM-DD), when the page gave one. */
export function isoDay(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(published);
  if (direct) return direct[1];
  const time = Date.parse(published);
  if (Number.isNaN(time)) return undefined;
  // A date without a time parses as local midnight: read it back in local time, not UTC.
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The statement a saved quote becomes when it is attributed to an entity. */
export function statementFor(annotation: AnnotationRow): StatementRow | null {
  if (!annotation.entityId) return null;
  return {
    entity: annotation.entityId,
    text: annotation.quote,
    kind: 'quote',
    date: isoDay(annotation.published),
    source: {
      title: annotation.title || annotation.site || annotation.url,
      url: annotation.url,
      ...(annotation.site ? { publisher: annotation.site } : {}),
    },
    origin: USER_ORIGIN,
    annotationId: annotation.id,
  };
}

/**
 * Saves a passage and, when it is someone's statement, the statement, in one transaction: the
 * popover's Past statements shows it from then on.
 */
export async function saveAnnotation(db: BackstoryDatabase, input: AnnotationInput, now = Date.now(), id: string = crypto.randomUUID()): Promise<AnnotationRow> {
  return db.transaction('rw', [db.annotations, ...knowledgeTables(db)], async () => {
    if (input.entityId && !(await getEntity(db, input.entityId))) {
      throw new Error('That entity is no longer in your knowledge base; choose another or save it as a note.');
    }
    const annotation: AnnotationRow = { ...input, id, createdAt: now, updatedAt: now };
    await db.annotations.add(annotation);
    const statement = statementFor(annotation);
    if (statement) await db.statements.add(statement);
    return annotation;
  }).catch((error: unknown) => {
    throw writeFailure(error, 'Not saved');
  });
}

export function annotationsForUrl(db: BackstoryDatabase, url: string): Promise<AnnotationRow[]> {
  return db.annotations.where('url').equals(url).toArray();
}

export function getAnnotation(db: BackstoryDatabase, id: string): Promise<AnnotationRow | undefined> {
  return db.annotations.get(id);
}

export interface AnnotationEdit {
  entityId?: string | null;
  tags?: string[];
  comment?: string;
}

/** Changes a saved passage and keeps the statement made from it in step, in one transaction. */
export async function updateAnnotation(db: BackstoryDatabase, id: string, edit: AnnotationEdit, now = Date.now()): Promise<AnnotationRow> {
  return db.transaction('rw', [db.annotations, ...knowledgeTables(db)], async () => {
    const current = await db.annotations.get(id);
    if (!current) throw new Error('This passage is no longer in your library.');
    const next: AnnotationRow = { ...current, updatedAt: now };
    if (edit.tags) next.tags = edit.tags;
    if (edit.comment !== undefined) next.comment = edit.comment || undefined;
    if (edit.entityId !== undefined) {
      if (edit.entityId && !(await getEntity(db, edit.entityId))) throw new Error('That entity is no longer in your knowledge base.');
      next.entityId = edit.entityId || undefined;
    }
    await db.annotations.put(next);
    await db.statements.where('annotationId').equals(id).delete();
    const statement = statementFor(next);
    if (statement) await db.statements.add(statement);
    return next;
  });
}

/** What a deletion removed, to put back on undo. */
export interface RemovedAnnotation {
  annotation: AnnotationRow;
  statements: StatementRow[];
}

export async function deleteAnnotation(db: BackstoryDatabase, id: string): Promise<RemovedAnnotation | null> {
  return db.transaction('rw', [db.annotations, db.statements], async () => {
    const annotation = await db.annotations.get(id);
    if (!annotation) return null;
    const statements = await db.statements.where('annotationId').equals(id).toArray();
    await db.statements.where('annotationId').equals(id).delete();
    await db.annotations.delete(id);
    return { annotation, statements };
  });
}

export async function restoreAnnotation(db: BackstoryDatabase, removed: RemovedAnnotation): Promise<void> {
  await db.transaction('rw', [db.annotations, db.statements], async () => {
    await db.annotations.put(removed.annotation);
    await db.statements.bulkPut(removed.statements);
  });
}

/** An imported passage left out, and why. */
export interface RefusedImport {
  id: string;
  url: string;
  reason: string;
}

export interface AnnotationImport {
  added: number;
  duplicates: number;
  unattributed: number;
  /** Passages whose id the library already gives a passage of another page: left out, the library's kept. */
  refused: RefusedImport[];
}

/**
 * Adds imported passages that are not already in the library (see mergeAnnotations), with their
 * statements, in one transaction. An attribution to an entity the knowledge base lacks is dropped
 * (the passage is kept as a note) rather than left pointing nowhere.
 *
 * An id is a passage's identity (it is how a W3C annotation is named, and how the library is
 * re-imported without copies). A passage whose id the library already uses for a passage of another
 * page is refused with the reason, not imported under a fresh id: most often it is the reader's own
 * passage exported before its page's address was read differently, and a fresh id would make a copy
 * that no later import could recognise. The rest of the file is imported. Anything that still fails
 * (a full disk) fails the whole import: nothing is written, and the error says so.
 */
export async function importAnnotations(db: BackstoryDatabase, incoming: AnnotationRow[]): Promise<AnnotationImport> {
  try {
    return await db.transaction('rw', [db.annotations, ...knowledgeTables(db)], async () => {
      const sameIds = await db.annotations.bulkGet(incoming.map((a) => a.id));
      const refused: RefusedImport[] = [];
      const accepted = incoming.filter((annotation, i) => {
        const other = sameIds[i];
        if (!other || other.url === annotation.url) return true;
        refused.push({ id: annotation.id, url: annotation.url, reason: `its id ${annotation.id} is already that of a passage saved on ${other.url}` });
        return false;
      });
      const existing = await db.annotations.where('url').anyOf([...new Set(accepted.map((a) => a.url))]).toArray();
      const { toAdd, duplicates } = mergeAnnotations(existing, accepted);
      const known = new Set((await getEntities(db, [...new Set(toAdd.flatMap((a) => (a.entityId ? [a.entityId] : [])))])).flatMap((e) => (e ? [e.id] : [])));
      let unattributed = 0;
      const rows: AnnotationRow[] = toAdd.map(({ entityName: _name, ...annotation }) => {
        if (annotation.entityId && !known.has(annotation.entityId)) {
          unattributed++;
          return { ...annotation, entityId: undefined };
        }
        return annotation;
      });
      await db.annotations.bulkAdd(rows);
      await db.statements.bulkAdd(rows.flatMap((row) => statementFor(row) ?? []));
      return { added: rows.length, duplicates: duplicates.length, unattributed, refused };
    });
  } catch (error) {
    throw isQuotaError(error) ? writeFailure(error, 'Nothing was imported') : new Error(`Nothing was imported: ${(error as Error).message}.`);
  }
}
