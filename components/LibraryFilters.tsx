import type { LibrarySort } from '../lib/annotations/library-search';
import type { SavedAnnotation } from '../lib/annotations/types';

export interface LibraryQuery {
  text: string;
  entityId?: string;
  tag?: string;
  site?: string;
  /** YYYY-MM-DD, inclusive, on the day the passage was saved. */
  from?: string;
  to?: string;
  sort: LibrarySort;
}

const distinct = <T,>(values: (T | undefined)[]) => [...new Set(values.filter((v): v is T => v !== undefined && v !== ''))];

/** The search box, filters and sort order of the library. */
export function LibraryFilters({ annotations, query, onQuery }: { annotations: SavedAnnotation[]; query: LibraryQuery; onQuery(query: LibraryQuery): void }) {
  const entities = distinct(annotations.map((a) => (a.entityId ? `${a.entityId}\u0000${a.entityName ?? a.entityId}` : undefined)))
    .map((pair) => pair.split('\u0000') as [string, string])
    .sort((a, b) => a[1].localeCompare(b[1]));
  const tags = distinct(annotations.flatMap((a) => a.tags)).sort();
  const sites = distinct(annotations.map((a) => a.site)).sort();
  const set = (patch: Partial<LibraryQuery>) => onQuery({ ...query, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value || undefined;
  return (
    <div class="filters" role="search">
      <input
        type="search"
        class="search"
        aria-label="Search your library"
        placeholder="Search quotes, comments, tags…"
        value={query.text}
        onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value, sort: (e.currentTarget as HTMLInputElement).value ? 'relevance' : query.sort === 'relevance' ? 'newest' : query.sort })}
      />
      <div class="filter-row">
        <select aria-label="Person or organisation" value={query.entityId ?? ''} onChange={(e) => set({ entityId: value(e) })}>
          <option value="">Everyone</option>
          {entities.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Tag" value={query.tag ?? ''} onChange={(e) => set({ tag: value(e) })}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
        <select aria-label="Site" value={query.site ?? ''} onChange={(e) => set({ site: value(e) })}>
          <option value="">Any site</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-row">
        <label>
          Saved from <input type="date" value={query.from ?? ''} onInput={(e) => set({ from: value(e) })} />
        </label>
        <label>
          to <input type="date" value={query.to ?? ''} onInput={(e) => set({ to: value(e) })} />
        </label>
        <select aria-label="Sort" value={query.sort} onChange={(e) => set({ sort: (value(e) as LibrarySort) ?? 'newest' })}>
          <option value="relevance" disabled={!query.text}>
            Best match
          </option>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
    </div>
  );
}
