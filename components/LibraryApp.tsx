import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { annotationsCsv } from '../lib/annotations/csv';
import { annotationsMarkdown } from '../lib/annotations/markdown';
import { LibrarySearch, type LibrarySearchQuery, type ListedPassage } from '../lib/annotations/library-search';
import type { SavedAnnotation } from '../lib/annotations/types';
import { fromWebAnnotations, toAnnotationCollection } from '../lib/annotations/web-annotation';
import { yieldToPage } from '../lib/page/scheduler';
import { deleteAnnotation, importAnnotations, restoreAnnotation, updateAnnotation, type RemovedAnnotation } from '../lib/store/annotations';
import type { AnnotationRow, BackstoryDatabase } from '../lib/store/db';
import { getEntities } from '../lib/store/knowledge';
import { EntityPicker } from './EntityPicker';
import { LibraryFilters, type LibraryQuery } from './LibraryFilters';
import { formatDate } from './format';
import { parseTags } from './SaveForm';

export interface LibraryAppProps {
  db: BackstoryDatabase;
  /** A full tab has room for a wider layout than a side panel. */
  wide: boolean;
  openPassage(id: string): void;
  onChanged(): void;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const today = () => new Date().toISOString().slice(0, 10);
/** Passages listed at first (more than a tall window shows); "Show more", or scrolling down to it, adds as many again. */
const PAGE = 30;
/** Rows read from IndexedDB at a time while the index is built: each batch takes a few ms to copy. */
const CHUNK = 400;
/** How long indexing may hold the page before giving it back. */
const SLICE_MS = 8;
/** How often the page shows indexing progress. */
const PROGRESS_MS = 250;

/**
 * Adds to `into` the primary keys that a Dexie change names one by one (an IntervalTree of single
 * keys); false when it names a whole range instead — a table cleared, say — so only a full re-read
 * can tell what changed.
 */
export function changedKeys(tree: IntervalTree | undefined, into: Set<string>): boolean {
  const stack: (IntervalTree | null | undefined)[] = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.add(node.from);
    stack.push(node.l, node.r);
  }
  return true;
}

/**
 * Keeps a LibrarySearch of every saved passage in step with the database, for the library page. It
 * reads the newest passages first, for the list to show at once; then every passage, in batches by
 * primary key, indexed in slices that give the page back every few milliseconds; from then on, only
 * the passages each change names — made in this page or anywhere else in the extension, as Dexie
 * reports them — rather than the whole library again.
 */
export class LibraryIndexer {
  readonly index = new LibrarySearch<ListedPassage>();
  /** The newest passages, read before anything else: the list while the index is being built. */
  newest: ListedPassage[] | undefined;
  /** Passages in the library, as last counted (the index's own count once it is built). */
  total: number | undefined;
  /** Passages indexed so far. */
  indexed = 0;
  /** True once every passage is indexed. */
  ready = false;
  /** Bumped at every change the page should show. */
  version = 0;
  private readonly names = new Map<string, string | undefined>();
  private readonly pendingKeys = new Set<string>();
  private pendingAll = false;
  private pendingNames = false;
  private draining = false;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private lastNotice = 0;

  constructor(
    private readonly db: BackstoryDatabase,
    private readonly onChange: () => void,
  ) {}

  start(): void {
    // Listening before the first read: a change made while the library is read is not missed.
    Dexie.on('storagemutated', this.onMutated);
    void this.loadWithRetries();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.previewTimer);
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  private notify(now: boolean): void {
    if (this.stopped) return;
    if (!now && performance.now() - this.lastNotice < PROGRESS_MS) return;
    this.lastNotice = performance.now();
    this.version++;
    this.onChange();
  }

  // Right after install the background may still be creating or upgrading the database: the first
  // reads can fail, and are tried again rather than leave the library empty.
  private async loadWithRetries(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.load();
        return;
      } catch (error) {
        console.warn('Backstory library: reading the saved passages failed:', error);
        if (attempt >= 10) return;
        await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
      }
    }
  }

  private async load(): Promise<void> {
    await this.preview();
    this.notify(true);
    await this.readAll(async (rows) => {
      await this.putSliced(rows);
      this.indexed = this.index.size;
      this.notify(false);
    });
    if (this.stopped) return;
    // The date order, in a task of its own rather than in the first search's.
    await yieldToPage();
    this.index.prepare();
    await yieldToPage();
    if (this.stopped) return;
    this.ready = true;
    this.newest = undefined;
    this.total = this.index.size;
    this.notify(true);
    // Changes made while the library was read were kept for now.
    this.drain();
  }

  /** The count and the newest page, straight from the database. */
  private async preview(): Promise<void> {
    const [total, newest] = await Promise.all([this.db.annotations.count(), this.db.annotations.orderBy('createdAt').reverse().limit(PAGE).toArray()]);
    this.total = total;
    this.newest = await this.named(newest);
  }

  /**
   * Every row, a batch at a time in primary-key order, each batch with its speakers' names. The next
   * batch is asked for before this one is handed on, so the database reads it meanwhile.
   */
  private async readAll(each: (rows: ListedPassage[]) => Promise<void>): Promise<void> {
    const batchAfter = (last: string | undefined) =>
      (last === undefined ? this.db.annotations.orderBy(':id') : this.db.annotations.where(':id').above(last)).limit(CHUNK).toArray();
    let next = batchAfter(undefined);
    while (!this.stopped) {
      const rows = await next;
      if (this.stopped || rows.length === 0) return;
      const full = rows.length === CHUNK;
      if (full) next = batchAfter(rows[rows.length - 1]!.id);
      await each(await this.named(rows));
      if (!full) return;
    }
  }

  /**
   * Rows as the list keeps them: without their selectors (re-read for exports), with their speaker's
   * name, looked up once per speaker.
   */
  private async named(rows: AnnotationRow[]): Promise<ListedPassage[]> {
    const unknown = [...new Set(rows.flatMap((row) => (row.entityId && !this.names.has(row.entityId) ? [row.entityId] : [])))];
    if (unknown.length) {
      const entities = await getEntities(this.db, unknown);
      unknown.forEach((id, i) => this.names.set(id, entities[i]?.name));
    }
    return rows.map(({ selectors: _selectors, ...row }) => ({ ...row, entityName: row.entityId ? this.names.get(row.entityId) : undefined }));
  }

  /** Every passage the query matches, in its order, whole (selectors included) as the database has it. */
  async export(query: LibrarySearchQuery): Promise<SavedAnnotation[]> {
    const hits = this.index.search({ ...query, limit: Number.MAX_SAFE_INTEGER }).hits;
    const rows = await this.db.annotations.bulkGet(hits.map((hit) => hit.annotation.id));
    return rows.flatMap((row, i) => (row ? [{ ...row, entityName: hits[i]!.annotation.entityName }] : []));
  }

  /** Indexes passages, giving the page back whenever a slice has used its time. */
  private async putSliced(annotations: ListedPassage[]): Promise<void> {
    let sliceStart = performance.now();
    for (const annotation of annotations) {
      this.index.put(annotation);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.stopped) return;
        sliceStart = performance.now();
      }
    }
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    const prefix = `idb://${this.db.name}/`;
    let relevant = false;
    for (const [part, tree] of Object.entries(parts)) {
      if (part === 'all') {
        // Everything may have changed (a page restored from the back-forward cache, say).
        this.pendingAll = this.pendingNames = relevant = true;
        continue;
      }
      if (!part.startsWith(prefix)) continue;
      const [table, index] = part.slice(prefix.length).split('/');
      if (table === 'annotations' && (index === '' || index === ':dels')) {
        if (!changedKeys(tree, this.pendingKeys)) this.pendingAll = true;
        relevant = true;
      } else if ((table === 'entities' || table === 'packParts' || table === 'trash') && index === '') {
        // A speaker edited or deleted, or a pack imported or removed: names may have changed.
        this.pendingNames = relevant = true;
      }
    }
    if (!relevant) return;
    if (this.ready) this.drain();
    else {
      // The list shows the database's newest passages until the index is built: read them again.
      clearTimeout(this.previewTimer);
      this.previewTimer = setTimeout(() => void this.preview().then(() => this.notify(true), () => undefined), 100);
    }
  };

  /** Applies the changes reported so far, and those reported meanwhile, one batch at a time. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    void (async () => {
      try {
        while (!this.stopped && (this.pendingAll || this.pendingNames || this.pendingKeys.size)) {
          if (this.pendingAll) {
            this.pendingAll = false;
            this.pendingKeys.clear();
            await this.resync();
          } else if (this.pendingKeys.size) {
            const ids = [...this.pendingKeys];
            this.pendingKeys.clear();
            await this.refresh(ids);
          }
          if (this.pendingNames) {
            this.pendingNames = false;
            await this.refreshNames();
          }
          this.total = this.index.size;
          this.notify(true);
        }
      } catch (error) {
        console.warn('Backstory library: keeping the list up to date failed:', error);
      } finally {
        this.draining = false;
      }
    })();
  }

  /** Reads these passages again: put back those that are there, drop those that are not. */
  private async refresh(ids: string[]): Promise<void> {
    const rows = await this.db.annotations.bulkGet(ids);
    const found = await this.named(rows.filter((row): row is AnnotationRow => row !== undefined));
    const byId = new Map(found.map((a) => [a.id, a]));
    for (const id of ids) {
      const annotation = byId.get(id);
      if (annotation) this.index.put(annotation);
      else this.index.remove(id);
    }
  }

  /** Reads every passage again, re-indexing what changed and dropping what is gone. */
  private async resync(): Promise<void> {
    const present = new Set<string>();
    await this.readAll(async (rows) => {
      const changed = rows.filter((a) => {
        present.add(a.id);
        const known = this.index.get(a.id);
        return !known || known.updatedAt !== a.updatedAt || known.entityName !== a.entityName;
      });
      await this.putSliced(changed);
    });
    if (this.stopped) return;
    const gone = this.index.search({ limit: Number.MAX_SAFE_INTEGER }).hits.filter((hit) => !present.has(hit.annotation.id));
    for (const hit of gone) this.index.remove(hit.annotation.id);
  }

  /** Speakers renamed (or removed) since they were looked up: their passages are re-indexed. */
  private async refreshNames(): Promise<void> {
    const ids = [...this.names.keys()];
    if (!ids.length) return;
    const entities = await getEntities(this.db, ids);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const name = entities[i]?.name;
      if (this.names.get(id) === name) continue;
      this.names.set(id, name);
      const theirs = this.index.search({ entityId: id, limit: Number.MAX_SAFE_INTEGER }).hits;
      await this.putSliced(theirs.map((hit) => ({ ...hit.annotation, entityName: name })));
    }
  }
}

function useLibraryIndexer(db: BackstoryDatabase): LibraryIndexer {
  const [, rerender] = useState(0);
  const indexer = useMemo(() => new LibraryIndexer(db, () => rerender((n) => n + 1)), [db]);
  useEffect(() => {
    indexer.start();
    return () => indexer.stop();
  }, [indexer]);
  return indexer;
}

const isPlainView = (query: LibraryQuery) =>
  !query.text.trim() && !query.entityId && !query.tag && !query.site && !query.from && !query.to && query.sort === 'newest';

const numbers = new Intl.NumberFormat('en');
const count = (n: number) => numbers.format(n);

/** Every passage the reader saved: search, filter, sort, edit, delete with undo, export and import. */
export function LibraryApp({ db, wide, openPassage, onChanged }: LibraryAppProps) {
  const library = useLibraryIndexer(db);
  const choices = useMemo(() => library.index.facets(), [library, library.version]);
  const [view, setView] = useState<{ query: LibraryQuery; shown: number }>({ query: { text: '', sort: 'newest' }, shown: PAGE });
  const { query, shown } = view;
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<RemovedAnnotation | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

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
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), 10_000);
    return () => clearTimeout(timer);
  }, [undo]);

  /** Exports take every passage the search and filters match, not only those listed so far. */
  async function exportAs(name: string, type: string, format: (annotations: SavedAnnotation[]) => string) {
    download(`backstory-annotations-${today()}.${name}`, type, format(await library.export(query)));
  }
  const exportTitle = library.ready ? undefined : 'Available once every passage is indexed';

  async function remove(id: string) {
    const removed = await deleteAnnotation(db, id);
    if (removed) setUndo(removed);
    onChanged();
  }

  async function importFile(file: File) {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setMessage({ kind: 'error', text: `${file.name} is not JSON (${(error as Error).message}); nothing was imported.` });
      return;
    }
    const parsed = fromWebAnnotations(json);
    if ('error' in parsed) {
      setMessage({ kind: 'error', text: `${file.name} was not imported — nothing was written: ${parsed.error}` });
      return;
    }
    const result = await importAnnotations(db, parsed.annotations);
    setMessage({
      kind: 'ok',
      text: `Imported ${result.added} passage${result.added === 1 ? '' : 's'}; ${result.duplicates} already in your library${
        result.unattributed ? `; ${result.unattributed} kept as notes (their person is not in your knowledge base)` : ''
      }${parsed.skipped.length ? `; ${parsed.skipped.length} skipped (not text passages)` : ''}.`,
    });
    onChanged();
  }

  const indexing = !library.ready && total !== undefined ? { done: library.indexed, total } : undefined;

  return (
    <main class={wide ? 'library wide' : 'library'}>
      <header class="library-header">
        <h1>Your library</h1>
        <span class="muted">{loaded ? `${count(total)} saved passage${total === 1 ? '' : 's'}` : 'Loading…'}</span>
        {indexing && indexing.total > 0 ? (
          <span class="muted indexing">
            indexing for search: {count(indexing.done)} of {count(indexing.total)}
          </span>
        ) : null}
      </header>
      <LibraryFilters choices={choices} query={query} indexing={indexing} onQuery={(change) => setView((v) => ({ query: change(v.query), shown: PAGE }))} />
      <div class="toolbar" role="group" aria-label="Export and import">
        <button
          type="button"
          disabled={!library.ready}
          title={exportTitle}
          onClick={() => void exportAs('jsonld', 'application/ld+json', (all) => JSON.stringify(toAnnotationCollection(all), null, 2))}
        >
          Export W3C JSON-LD
        </button>
        <button type="button" disabled={!library.ready} title={exportTitle} onClick={() => void exportAs('csv', 'text/csv', annotationsCsv)}>
          CSV
        </button>
        <button type="button" disabled={!library.ready} title={exportTitle} onClick={() => void exportAs('md', 'text/markdown', annotationsMarkdown)}>
          Markdown
        </button>
        <label class="button-like">
          Import annotations
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-label="Import annotations"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {message ? (
        <p role="status" class={message.kind === 'ok' ? 'ok' : 'error'}>
          {message.text}
        </p>
      ) : null}
      {loaded && total === 0 ? (
        <p class="empty">Nothing saved yet. Select a passage on any page and choose “Save to Backstory”.</p>
      ) : loaded && !results.length ? (
        <p class="empty">{library.ready ? 'No saved passage matches.' : `No match among the ${count(library.indexed)} passages indexed so far.`}</p>
      ) : null}
      {loaded && total && results.length ? (
        <p class="muted count" role="status">
          {preview
            ? `Newest ${count(results.length)} of ${count(found.total)} passages`
            : library.ready
              ? `${found.total === total ? `All ${count(found.total)}` : `${count(found.total)} of ${count(total)}`} passages`
              : `${count(found.total)} of the ${count(library.indexed)} passages indexed so far`}
          {query.text ? ` matching “${query.text}”` : ''}
        </p>
      ) : null}
      <ol class="passages">
        {/* Rows are keyed by place, so a new search rewrites the rows on screen rather than building
            new ones; the row being edited keeps its own key, and its form, wherever it moves. */}
        {results.map((a, i) =>
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
            <Passage key={i} annotation={a} onOpen={() => openPassage(a.id)} onEdit={() => setEditing(a.id)} onDelete={() => void remove(a.id)} />
          ),
        )}
      </ol>
      {found.total > results.length ? (
        preview ? (
          <button type="button" class="more" disabled title="Available once every passage is indexed">
            Show more ({count(found.total - results.length)} left, once indexed)
          </button>
        ) : (
          <MoreButton left={found.total - results.length} onMore={() => setView((v) => (v.query === query ? { ...v, shown: v.shown + PAGE } : v))} />
        )
      ) : null}
      {undo ? (
        <div class="toast" role="status">
          Deleted “{undo.annotation.quote.slice(0, 60)}
          {undo.annotation.quote.length > 60 ? '…' : ''}”.
          <button
            type="button"
            onClick={async () => {
              await restoreAnnotation(db, undo);
              setUndo(null);
              onChanged();
            }}
          >
            Undo
          </button>
        </div>
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
      Show more ({count(left)} left)
    </button>
  );
}

function Passage({ annotation: a, onOpen, onEdit, onDelete }: { annotation: ListedPassage; onOpen(): void; onEdit(): void; onDelete(): void }) {
  return (
    <li class="passage">
      <blockquote>{a.quote}</blockquote>
      <div class="attribution">
        {a.entityName ? <strong>{a.entityName}</strong> : <span class="muted">Note</span>}
        {a.tags.map((tag) => (
          <span key={tag} class="tag">
            #{tag}
          </span>
        ))}
      </div>
      {a.comment ? <p class="comment">{a.comment}</p> : null}
      <p class="source">
        <a
          href={a.url}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {a.title || a.url}
        </a>
        {a.site ? ` · ${a.site}` : ''}
        {a.published ? ` · ${formatDate(a.published.slice(0, 10))}` : ''} · saved {new Date(a.createdAt).toLocaleDateString()}
      </p>
      <div class="actions">
        <button type="button" class="link" onClick={onOpen}>
          Open
        </button>
        <button type="button" class="link" onClick={onEdit}>
          Edit
        </button>
        <button type="button" class="link danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}

function EditPassage({ db, annotation, onDone }: { db: BackstoryDatabase; annotation: ListedPassage; onDone(changed: boolean): void }) {
  const [entityId, setEntityId] = useState(annotation.entityId ?? '');
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [comment, setComment] = useState(annotation.comment ?? '');
  const [error, setError] = useState('');
  return (
    <li class="passage editing">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await updateAnnotation(db, annotation.id, { entityId: entityId || null, tags: parseTags(tags), comment: comment.trim() });
            onDone(true);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <blockquote>{annotation.quote}</blockquote>
        <label for={`speaker-${annotation.id}`}>Statement by</label>
        {/* A text box that suggests entities as the reader types: a list of every entity would hold
            a hundred thousand options with a large knowledge base. Empty: a note, nobody's statement. */}
        <EntityPicker
          db={db}
          value={entityId}
          onInput={setEntityId}
          control={{ id: `speaker-${annotation.id}`, name: 'speaker', 'aria-describedby': `speaker-${annotation.id}-hint` }}
        />
        <span id={`speaker-${annotation.id}-hint`} class="hint">
          Leave empty to keep the passage as a note, nobody’s statement.
        </span>
        <label>
          Tags
          <input type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          Comment
          <textarea rows={3} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        {error ? <p class="error">{error}</p> : null}
        <div class="actions">
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Save
          </button>
        </div>
      </form>
    </li>
  );
}
