import Dexie from 'dexie';
import { USER_ORIGIN, type BackstoryDatabase, type EntityKind, type EntityRow } from './db';
import type { ExportScope } from './export';
import { foldedWords } from './search-terms';

export interface EntityQuery {
  /** Words the name or an alias must have words starting with, in any order: "luka alex". */
  text?: string;
  kind?: EntityKind;
  /** Everything, one pack's entities, or the reader's own (made or edited by them). */
  scope?: ExportScope;
  offset?: number;
  limit: number;
}

export interface EntityPage {
  rows: EntityRow[];
  /** More rows follow this page. */
  more: boolean;
  /** How many entities the query finds; left out for a text search, which would have to read them all. */
  total?: number;
}

export const isReaders = (e: EntityRow) => e.origin === USER_ORIGIN || e.editedAt !== undefined;

function inScope(scope: ExportScope | undefined): (e: EntityRow) => boolean {
  if (!scope || scope === 'all') return () => true;
  if (scope === 'user') return isReaders;
  return (e) => e.origin === scope.pack;
}

const byName = (a: EntityRow, b: EntityRow) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * One page of entities for the editor's list, ordered by name (by the word matched, when searching).
 * Reads only the page through an index, so it stays fast with hundreds of thousands of entities.
 */
export async function searchEntities(db: BackstoryDatabase, query: EntityQuery): Promise<EntityPage> {
  const { kind, scope, offset = 0, limit } = query;
  const words = foldedWords(query.text ?? '');
  const wanted = inScope(scope);
  const fits = (e: EntityRow) => (!kind || e.kind === kind) && wanted(e);
  const page = (rows: EntityRow[], total?: number): EntityPage => ({ rows: rows.slice(0, limit), more: rows.length > limit, total });

  if (words.length) {
    // The longest word narrows the index scan most; the others are checked on the rows it finds.
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const rows = await db.entities
      .where('terms')
      .startsWith(longest)
      .distinct()
      .filter((e) => fits(e) && words.every((w) => e.terms.some((t) => t.startsWith(w))))
      .offset(offset)
      .limit(limit + 1)
      .toArray();
    return page(rows);
  }
  if (scope === 'user') {
    // The reader's entities are few: gather them from both indexes and sort them here.
    const made = await db.entities.where('origin').equals(USER_ORIGIN).toArray();
    const edited = await db.entities.where('editedAt').above(0).toArray();
    const all = [...new Map([...made, ...edited].map((e) => [e.id, e])).values()].filter(fits).sort(byName);
    return page(all.slice(offset, offset + limit + 1), all.length);
  }
  const byNameWithin = (index: '[kind+name]' | '[origin+name]', value: string) =>
    db.entities.where(index).between([value, Dexie.minKey], [value, Dexie.maxKey]);
  const collection = kind
    ? byNameWithin('[kind+name]', kind).filter(wanted)
    : scope && scope !== 'all'
      ? byNameWithin('[origin+name]', scope.pack)
      : db.entities.orderBy('name');
  const rows = await collection.clone().offset(offset).limit(limit + 1).toArray();
  return page(rows, await collection.count());
}
