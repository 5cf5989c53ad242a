import { useState } from 'preact/hooks';
import { annotationsCsv } from '../../lib/formats/csv';
import { annotationsMarkdown } from '../../lib/formats/markdown';
import { toAnnotationCollection } from '../../lib/formats/web-annotation';
import { fromWebAnnotationFile, type SkippedAnnotation } from '../../lib/formats/web-annotation-import';
import type { SavedAnnotation } from '../../lib/library/saved-annotation';
import { importAnnotations, type AnnotationImport } from '../../lib/store/annotations';
import type { BackstoryDatabase } from '../../lib/store/db';
import { plural } from '../../lib/format';
import { saveFile } from '../shared/download';
import { onFileChosen } from './file-input';

export interface LibraryToolbarProps {
  db: BackstoryDatabase;
  /** Every passage the search and filters match, whole, for an export. */
  matches(): Promise<SavedAnnotation[]>;
  onChanged(): void;
}


/** What an import did, and each passage left out with why (the first five). */
function describeAnnotationImport(parsed: { skipped: SkippedAnnotation[]; refused: SkippedAnnotation[] }, result: AnnotationImport): string {
  const parts = [`Imported ${plural(result.added, 'passage')}`, `${result.duplicates} already in your library`];
  if (result.unattributed) parts.push(`${result.unattributed} kept as notes (their person is not in your knowledge base)`);
  if (parsed.skipped.length) parts.push(`${parsed.skipped.length} skipped (not text passages)`);
  const refused = [
    ...parsed.refused.map((r) => `annotation ${r.index}: ${r.reason}`),
    ...result.refused.map((r) => `the passage on ${r.url}: ${r.reason}`),
  ];
  if (refused.length) {
    const more = refused.length > 5 ? `; and ${refused.length - 5} more` : '';
    parts.push(`${refused.length} refused — ${refused.slice(0, 5).join('; ')}${more}`);
  }
  return `${parts.join('; ')}.`;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The library's export buttons (W3C JSON-LD, CSV, Markdown) and its import of annotation files, with what the last import did. */
export function LibraryToolbar({ db, matches, onChanged }: LibraryToolbarProps) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  /**
   * Exports take every passage the search and filters match, not only those listed so far; while the
   * library is still being indexed, the whole library comes from the database (see LibraryIndexer.export).
   */
  async function exportAs(name: string, type: string, format: (annotations: SavedAnnotation[]) => string) {
    saveFile(new Blob([format(await matches())], { type }), `backstory-annotations-${today()}.${name}`);
  }

  async function importFile(file: File) {
    const parsed = await fromWebAnnotationFile(file);
    if ('error' in parsed) {
      setMessage({ kind: 'error', text: `${file.name} was not imported — nothing was written: ${parsed.error}` });
      return;
    }
    let result: AnnotationImport;
    try {
      result = await importAnnotations(db, parsed.annotations);
    } catch (error) {
      setMessage({ kind: 'error', text: `${file.name}: ${(error as Error).message}` });
      return;
    }
    setMessage({ kind: 'ok', text: describeAnnotationImport(parsed, result) });
    onChanged();
  }

  return (
    <>
      <div class="toolbar" role="group" aria-label="Export and import">
        <button
          type="button"
          onClick={() => void exportAs('jsonld', 'application/ld+json', (all) => JSON.stringify(toAnnotationCollection(all), null, 2))}
        >
          Export W3C JSON-LD
        </button>
        <button type="button" onClick={() => void exportAs('csv', 'text/csv', annotationsCsv)}>
          CSV
        </button>
        <button type="button" onClick={() => void exportAs('md', 'text/markdown', annotationsMarkdown)}>
          Markdown
        </button>
        <label class="button-like">
          Import annotations
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-label="Import annotations"
            onChange={onFileChosen((file) => void importFile(file))}
          />
        </label>
      </div>
      {message ? (
        <p role="status" class={message.kind === 'ok' ? 'ok' : 'error'}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
