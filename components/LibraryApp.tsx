import { useEffect, useMemo, useState } from 'preact/hooks';
import { annotationsCsv } from '../lib/annotations/csv';
import { annotationsMarkdown } from '../lib/annotations/markdown';
import { LibrarySearch } from '../lib/annotations/library-search';
import type { SavedAnnotation } from '../lib/annotations/types';
import { fromWebAnnotations, toAnnotationCollection } from '../lib/annotations/web-annotation';
import { deleteAnnotation, importAnnotations, restoreAnnotation, updateAnnotation, type RemovedAnnotation } from '../lib/store/annotations';
import type { BackstoryDatabase } from '../lib/store/db';
import { LibraryFilters, type LibraryQuery } from './LibraryFilters';
import { formatDate } from './format';
import { parseTags } from './SaveForm';
import { useLive } from './use-live';

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
/** Passages listed at once; "Show more" adds as many again. */
const PAGE = 100;

/** Every passage the reader saved: search, filter, sort, edit, delete with undo, export and import. */
export function LibraryApp({ db, wide, openPassage, onChanged }: LibraryAppProps) {
  const rows = useLive(() => db.annotations.toArray(), [db]);
  const names = useLive(async () => {
    const ids = [...new Set((await db.annotations.toArray()).flatMap((a) => (a.entityId ? [a.entityId] : [])))];
    const entities = await db.entities.bulkGet(ids);
    return new Map(entities.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));
  }, [db]);
  const [query, setQuery] = useState<LibraryQuery>({ text: '', sort: 'newest' });
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<RemovedAnnotation | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const annotations: SavedAnnotation[] = useMemo(
    () => (rows ?? []).map((row) => ({ ...row, entityName: row.entityId ? names?.get(row.entityId) : undefined })),
    [rows, names],
  );
  // One index for the page's life, brought in line with each change rather than rebuilt.
  const index = useMemo(() => new LibrarySearch(), []);
  const indexed = useMemo(() => {
    index.sync(annotations);
    return {};
  }, [index, annotations]);
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [query]);
  const found = useMemo(() => index.search({ ...query, limit: shown }), [index, indexed, query, shown]);
  const results = found.hits.map((hit) => hit.annotation);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), 10_000);
    return () => clearTimeout(timer);
  }, [undo]);

  /** Exports take every passage the search and filters match, not only those listed so far. */
  const matching = () => index.search({ ...query, limit: Number.MAX_SAFE_INTEGER }).hits.map((hit) => hit.annotation);

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

  return (
    <main class={wide ? 'library wide' : 'library'}>
      <header class="library-header">
        <h1>Your library</h1>
        <span class="muted">
          {rows ? `${rows.length} saved passage${rows.length === 1 ? '' : 's'}` : 'Loading…'}
        </span>
      </header>
      <LibraryFilters annotations={annotations} query={query} onQuery={setQuery} />
      <div class="toolbar" role="group" aria-label="Export and import">
        <button type="button" onClick={() => download(`backstory-annotations-${today()}.jsonld`, 'application/ld+json', JSON.stringify(toAnnotationCollection(matching()), null, 2))}>
          Export W3C JSON-LD
        </button>
        <button type="button" onClick={() => download(`backstory-annotations-${today()}.csv`, 'text/csv', annotationsCsv(matching()))}>
          CSV
        </button>
        <button type="button" onClick={() => download(`backstory-annotations-${today()}.md`, 'text/markdown', annotationsMarkdown(matching()))}>
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
      {rows && !rows.length ? (
        <p class="empty">Nothing saved yet. Select a passage on any page and choose “Save to Backstory”.</p>
      ) : rows && !results.length ? (
        <p class="empty">No saved passage matches.</p>
      ) : null}
      {rows?.length && results.length ? (
        <p class="muted count" role="status">
          {found.total === rows.length ? `All ${found.total}` : `${found.total} of ${rows.length}`} passages
          {query.text ? ` matching “${query.text}”` : ''}
        </p>
      ) : null}
      <ol class="passages">
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
            <li key={a.id} class="passage">
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
                    openPassage(a.id);
                  }}
                >
                  {a.title || a.url}
                </a>
                {a.site ? ` · ${a.site}` : ''}
                {a.published ? ` · ${formatDate(a.published.slice(0, 10))}` : ''} · saved {new Date(a.createdAt).toLocaleDateString()}
              </p>
              <div class="actions">
                <button type="button" class="link" onClick={() => openPassage(a.id)}>
                  Open
                </button>
                <button type="button" class="link" onClick={() => setEditing(a.id)}>
                  Edit
                </button>
                <button type="button" class="link danger" onClick={() => void remove(a.id)}>
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
      {found.total > results.length ? (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
          Show more ({found.total - results.length} left)
        </button>
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

function EditPassage({ db, annotation, onDone }: { db: BackstoryDatabase; annotation: SavedAnnotation; onDone(changed: boolean): void }) {
  const people = useLive(() => db.entities.orderBy('name').toArray(), [db]);
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
        <label>
          Statement by
          <select value={entityId} onChange={(e) => setEntityId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Note only (nobody’s statement)</option>
            {(people ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
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
