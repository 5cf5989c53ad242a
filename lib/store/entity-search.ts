import type { EntityKind } from '../messages';
import type { BackstoryDatabase } from './db';
import type { ExportScope } from './export';
import { entityCatalog, getEntities, type CatalogItem } from './knowledge';
import type { EntityRow } from './rows';
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
  /** How many entities the query finds. */
  total?: number;
}

function inScope(scope: ExportScope | undefined): (e: CatalogItem) => boolean {
  if (!scope || scope === 'all') return () => true;
  if (scope === 'user') return (e) => e.readers;
  return (e) => e.origin === scope.pack;
}

/**
 * One page of entities for the editor's list, ordered by name. The list is filtered in memory from the
 * catalog (knowledge.ts), read once per import of each pack; only the page's rows are read whole. No
 * transaction: the editor's live query reads again whenever what it read changes.
 */
export async function searchEntities(db: BackstoryDatabase, query: EntityQuery): Promise<EntityPage> {
  const { kind, scope, offset = 0, limit } = query;
  const words = foldedWords(query.text ?? '');
  const wanted = inScope(scope);
  // A word matches the start of any of the entity's search words.
  const starts = words.map((w) => ` ${w}`);
  const found = (await entityCatalog(db)).filter((e) => (!kind || e.kind === kind) && wanted(e) && starts.every((w) => e.words.includes(w)));
  const ids = found.slice(offset, offset + limit).map((e) => e.id);
  const rows = (await getEntities(db, ids)).filter((e): e is EntityRow => !!e);
  return { rows, more: found.length > offset + limit, total: found.length };
}
