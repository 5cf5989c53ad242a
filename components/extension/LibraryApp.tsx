import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { deleteAnnotation, restoreAnnotation, type RemovedAnnotation } from '../../lib/store/annotations';
import type { BackstoryDatabase } from '../../lib/store/db';
import { LibraryIndexer } from '../../lib/store/library-sync';
import { LibraryFilters, type LibraryQuery } from './LibraryFilters';
import { EditPassage, Passage } from './LibraryPassage';
import { LibraryToolbar } from './LibraryToolbar';
import { t } from '../../lib/i18n';
import { useLanguage } from '../shared/use-language';

export interface LibraryAppProps {
  db: BackstoryDatabase;
  /** A full tab has room for a wider layout than a side panel. */
  wide: boolean;
  openPassage(id: string): void;
  onChanged(): void;
}

/** Passages listed at first (more than a tall window shows); "Show more", or scrolling down to it, adds as many again. */
const PAGE = 30;

/** The library's index of every saved passage, kept in step with the database (see LibraryIndexer); re-renders as it changes. */
function useLibraryIndexer(db: BackstoryDatabase): LibraryIndexer {
  const [, rerender] = useState(0);
  const indexer = useMemo(() => new LibraryIndexer(db, () => rerender((n) => n + 1), PAGE), [db]);
  useEffect(() => {
    indexer.start();
    return () => indexer.stop();
  }, [indexer]);
  return indexer;
}

const isPlainView = (query: LibraryQuery) =>
  !query.text.trim() && !query.entityId && !query.tag && !query.site && !query.from && !query.to && query.sort === 'newest';

/** How long each deletion can be undone. */
const UNDO_MS = 20_000;

/** Every passage the reader saved: search, filter, sort, edit, delete with undo, export and import. */
export function LibraryApp({ db, wide, openPassage, onChanged }: LibraryAppProps) {
  useLanguage();
  const library = useLibraryIndexer(db);
  const choices = useMemo(() => library.index.facets(), [library, library.version]);
  const [view, setView] = useState<{ query: LibraryQuery; shown: number }>({ query: { text: '', sort: 'newest' }, shown: PAGE });
  const { query, shown } = view;
  const [editing, setEditing] = useState<string | null>(null);
  // Every deletion can be undone on its own, newest first, for a while.
  const [removed, setRemoved] = useState<RemovedAnnotation[]>([]);
  const undoList = useRef<HTMLUListElement>(null);

  // Until the index is built, the plain list (newest first, no search or filter) comes straight from
  // the database; anything else searches the passages indexed so far.
  const preview = !library.ready && isPlainView(query) ? library.newest : undefined;
  const found = useMemo(() => {
    if (preview) return { total: library.total ?? preview.length, list: preview.slice(0, shown) };
    const results = library.index.search({ ...query, limit: shown });
    return { total: results.total, list: results.hits.map((hit) => hit.annotation) };
  }, [library, library.version, preview, query, shown]);
  const results = found.list;
  const total = library.ready ? library.index.size : library.total;
  const loaded = total !== undefined && (library.ready || library.newest !== undefined);

  useEffect(() => {
    if (!removed.length) return;
    const timer = setTimeout(() => {
      // Kept while the reader is at the Undo buttons.
      if (undoList.current?.contains(document.activeElement)) return;
      setRemoved((list) => list.slice(0, -1));
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  // One deletion per row: a second press of Enter, or a double click, finds the row gone and does nothing.
  const deleting = useRef(new Set<string>());
  async function remove(id: string) {
    if (deleting.current.has(id)) return;
    deleting.current.add(id);
    try {
      const gone = await deleteAnnotation(db, id);
      if (gone) {
        setRemoved((list) => [gone, ...list.filter((r) => r.annotation.id !== id)]);
        // The keyboard goes to this deletion's Undo, never to the next row's Delete.
        requestAnimationFrame(() => undoList.current?.querySelector<HTMLButtonElement>('button')?.focus());
      }
      onChanged();
    } finally {
      deleting.current.delete(id);
    }
  }

  async function undo(entry: RemovedAnnotation) {
    await restoreAnnotation(db, entry);
    setRemoved((list) => list.filter((r) => r !== entry));
    onChanged();
  }

  const indexing = !library.ready && total !== undefined ? { done: library.indexed, total } : undefined;

  return (
    <main class={wide ? 'library wide' : 'library'}>
      <header class="library-header">
        <h1>{t('library.heading')}</h1>
        <span class="muted">{loaded ? t('count.passages', { count: total }) : t('common.loading')}</span>
        {indexing && indexing.total > 0 ? (
          <span class="muted indexing">
            {t('library.indexing', { done: indexing.done, total: indexing.total })}
          </span>
        ) : null}
      </header>
      <LibraryFilters choices={choices} query={query} indexing={indexing} onQuery={(change) => setView((v) => ({ query: change(v.query), shown: PAGE }))} />
      <LibraryToolbar db={db} matches={() => library.export(query)} onChanged={onChanged} />
      {loaded && total === 0 ? (
        <p class="empty">{t('library.empty')}</p>
      ) : loaded && !results.length ? (
        <p class="empty">{library.ready ? t('library.noMatch') : t('library.noMatchYet', { count: library.indexed })}</p>
      ) : null}
      {loaded && total && results.length ? (
        <p class="muted count" role="status">
          {preview
            ? t('library.newest', { shown: results.length, total: found.total })
            : library.ready
              ? found.total === total
                ? t('library.all', { count: found.total })
                : t('library.someOf', { count: found.total, total })
              : t('library.someOfIndexed', { count: found.total, indexed: library.indexed })}
          {query.text ? t('library.matching', { text: query.text }) : ''}
        </p>
      ) : null}
      <ol class="passages">
        {/* Rows are keyed by passage: focus and what a button does stay with their passage. */}
        {results.map((a) =>
          editing === a.id ? (
            <EditPassage
              key={a.id}
              db={db}
              annotation={a}
              onDone={(changed) => {
                setEditing(null);
                if (changed) onChanged();
              }}
            />
          ) : (
            <Passage key={a.id} annotation={a} onOpen={() => openPassage(a.id)} onEdit={() => setEditing(a.id)} onDelete={() => void remove(a.id)} />
          ),
        )}
      </ol>
      {found.total > results.length ? (
        preview ? (
          <button type="button" class="more" disabled title={t('library.moreWhenIndexed')}>
            {t('library.moreLeftIndexed', { count: found.total - results.length })}
          </button>
        ) : (
          <MoreButton left={found.total - results.length} onMore={() => setView((v) => (v.query === query ? { ...v, shown: v.shown + PAGE } : v))} />
        )
      ) : null}
      {removed.length ? (
        <ul class="toast" ref={undoList} aria-label={t('library.deletedList')}>
          {removed.map((entry) => (
            <li key={entry.annotation.id}>
              <span id={`deleted-${entry.annotation.id}`}>
                {t('library.deleted', { quote: `${entry.annotation.quote.slice(0, 60)}${entry.annotation.quote.length > 60 ? '…' : ''}` })}
              </span>
              <button type="button" aria-describedby={`deleted-${entry.annotation.id}`} onClick={() => void undo(entry)}>
                {t('common.undo')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}

/** "Show more", which also shows more by itself when it is scrolled near the viewport. */
function MoreButton({ left, onMore }: { left: number; onMore(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  const more = useRef(onMore);
  more.current = onMore;
  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) more.current();
    }, { rootMargin: '600px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [left]);
  return (
    <button ref={button} type="button" class="more" onClick={() => more.current()}>
      {t('library.moreLeft', { count: left })}
    </button>
  );
}
