import type { LibrarySort } from '../../lib/library/query';
import { t } from '../../lib/i18n';

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

/** What the filters offer: the people quoted (id and name, by name), the tags and the sites. */
export interface FilterChoices {
  entities: [id: string, name: string][];
  tags: string[];
  sites: string[];
}

/** The search box, filters and sort order of the library. */
export function LibraryFilters({
  choices,
  query,
  indexing,
  onQuery,
}: {
  /** Undefined until they have been read. */
  choices: FilterChoices | undefined;
  query: LibraryQuery;
  /** Progress while the search index is being built; undefined once it is. */
  indexing?: { done: number; total: number } | undefined;
  /** Changes the query; given a function of the latest query, so quick successive changes all count. */
  onQuery(change: (query: LibraryQuery) => LibraryQuery): void;
}) {
  const { entities = [], tags = [], sites = [] } = choices ?? {};
  const set = (patch: Partial<LibraryQuery>) => onQuery((latest) => ({ ...latest, ...patch }));
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value || undefined;
  return (
    <div class="filters" role="search">
      <input
        type="search"
        class="search"
        aria-label={t('library.search')}
        placeholder={
          indexing
            ? t('library.searchIndexing', { done: indexing.done, total: indexing.total })
            : t('library.searchPlaceholder')
        }
        value={query.text}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          // Typing ranks by best match; clearing the box goes back to the newest first.
          onQuery((latest) => ({ ...latest, text, sort: text ? 'relevance' : latest.sort === 'relevance' ? 'newest' : latest.sort }));
        }}
      />
      <div class="filter-row">
        <select aria-label={t('library.entity')} value={query.entityId ?? ''} onChange={(e) => set({ entityId: value(e) })}>
          <option value="">{t('library.everyone')}</option>
          {entities.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label={t('library.tag')} value={query.tag ?? ''} onChange={(e) => set({ tag: value(e) })}>
          <option value="">{t('library.anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
        <select aria-label={t('library.site')} value={query.site ?? ''} onChange={(e) => set({ site: value(e) })}>
          <option value="">{t('library.anySite')}</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-row">
        <label>
          {t('library.savedFrom')} <input type="date" value={query.from ?? ''} onInput={(e) => set({ from: value(e) })} />
        </label>
        <label>
          {t('library.savedTo')} <input type="date" value={query.to ?? ''} onInput={(e) => set({ to: value(e) })} />
        </label>
        <select aria-label={t('library.sort')} value={query.sort} onChange={(e) => set({ sort: (value(e) as LibrarySort) ?? 'newest' })}>
          <option value="relevance" disabled={!query.text}>
            {t('library.bestMatch')}
          </option>
          <option value="newest">{t('library.newestFirst')}</option>
          <option value="oldest">{t('library.oldestFirst')}</option>
        </select>
      </div>
    </div>
  );
}
