import { foldForSearch } from '../text';
import type { LibrarySearchQuery } from './query';
import type { ListedPassage } from './saved-annotation';

/** The speakers (id and name, by name), tags and sites of the passages, as the filters offer them. */
export interface LibraryFacets {
  entities: [id: string, name: string][];
  tags: string[];
  sites: string[];
}

/** A passage with its filter keys folded once, not at every search. */
export interface Filterable<T extends ListedPassage> {
  annotation: T;
  tagKeys: string[];
  siteKey?: string;
}

/** A tag or site as filters compare it; a value with no letters or digits (🔥) compares as written. */
export const filterKey = (value: string) => foldForSearch(value) || value.trim().toLowerCase();

/** A day's first or last millisecond in local time, as the library's date inputs mean them. */
function dayBound(value: string | number | undefined, end: boolean): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`Not a day (YYYY-MM-DD): ${value}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // The end of a day is the last millisecond before the next local midnight.
  return end ? new Date(y, m - 1, d + 1).getTime() - 1 : new Date(y, m - 1, d).getTime();
}

/** The query's filters as one test, or null when there are none. */
export function filterOf<T extends ListedPassage>(query: LibrarySearchQuery): ((entry: Filterable<T>) => boolean) | null {
  const { entityId } = query;
  const tag = query.tag ? filterKey(query.tag) : undefined;
  const site = query.site ? filterKey(query.site) : undefined;
  const from = dayBound(query.from, false);
  const to = dayBound(query.to, true);
  if (entityId === undefined && tag === undefined && site === undefined && from === undefined && to === undefined) return null;
  return ({ annotation, tagKeys, siteKey }) =>
    (entityId === undefined || annotation.entityId === entityId) &&
    (tag === undefined || tagKeys.includes(tag)) &&
    (site === undefined || siteKey === site) &&
    (from === undefined || annotation.createdAt >= from) &&
    (to === undefined || annotation.createdAt <= to);
}

function bump(map: Map<string, number>, key: string | undefined, by: 1 | -1): void {
  if (key === undefined || key === '') return;
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** How many passages name each speaker (with the name), tag and site: what the filters offer. */
export class FacetCounts {
  private readonly speakers = new Map<string, { count: number; name: string | undefined }>();
  private readonly tagCounts = new Map<string, number>();
  private readonly siteCounts = new Map<string, number>();
  private cache: LibraryFacets | null = null;

  /** Keeps the filters' choices in step with a passage coming (1) or going (-1). */
  count(annotation: ListedPassage, by: 1 | -1): void {
    if (annotation.entityId) {
      const speaker = this.speakers.get(annotation.entityId);
      const count = (speaker?.count ?? 0) + by;
      if (count <= 0) this.speakers.delete(annotation.entityId);
      else this.speakers.set(annotation.entityId, { count, name: by > 0 ? annotation.entityName : speaker?.name });
    }
    for (const tag of new Set(annotation.tags)) bump(this.tagCounts, tag, by);
    bump(this.siteCounts, annotation.site, by);
    this.cache = null;
  }

  /** The speakers, tags and sites counted, for the filters to offer. */
  facets(): LibraryFacets {
    this.cache ??= {
      entities: [...this.speakers].map(([id, { name }]) => [id, name ?? id] as [string, string]).sort((a, b) => a[1].localeCompare(b[1])),
      tags: [...this.tagCounts.keys()].sort(),
      sites: [...this.siteCounts.keys()].sort(),
    };
    return this.cache;
  }
}
