import { useState } from 'preact/hooks';
import { annotationsCsv } from '../../lib/formats/csv';
import { annotationsMarkdown } from '../../lib/formats/markdown';
import { toAnnotationCollection } from '../../lib/formats/web-annotation';
import { fromWebAnnotationFile, type SkippedAnnotation } from '../../lib/formats/web-annotation-import';
import type { SavedAnnotation } from '../../lib/library/saved-annotation';
import { importAnnotations, type AnnotationImport } from '../../lib/store/annotations';
import type { BackstoryDatabase } from '../../lib/store/db';
import { t } from '../../lib/i18n';
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
  const parts = [t('libimport.added', { count: result.added }), t('libimport.duplicates', { count: result.duplicates })];
  if (result.unattributed) parts.push(t('libimport.unattributed', { count: result.unattributed }));
  if (parsed.skipped.length) parts.push(t('libimport.skipped', { count: parsed.skipped.length }));
  const refused = [
    ...parsed.refused.map((r) => t('libimport.refusedAnnotation', { index: String(r.index), reason: r.reason })),
    ...result.refused.map((r) => t('libimport.refusedPassage', { url: r.url, reason: r.reason })),
  ];
  if (refused.length) {
    const more = refused.length > 5 ? t('libimport.refusedMore', { count: refused.length - 5 }) : '';
    parts.push(t('libimport.refused', { count: refused.length, list: `${refused.slice(0, 5).join('; ')}${more}` }));
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
      setMessage({ kind: 'error', text: t('library.notImported', { file: file.name, error: parsed.error }) });
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
      <div class="toolbar" role="group" aria-label={t('library.exportImport')}>
        <button
          type="button"
          onClick={() => void exportAs('jsonld', 'application/ld+json', (all) => JSON.stringify(toAnnotationCollection(all), null, 2))}
        >
          {t('library.exportJsonLd')}
        </button>
        <button type="button" onClick={() => void exportAs('csv', 'text/csv', annotationsCsv)}>
          CSV
        </button>
        <button type="button" onClick={() => void exportAs('md', 'text/markdown', annotationsMarkdown)}>
          Markdown
        </button>
        <label class="button-like">
          {t('library.importAnnotations')}
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-label={t('library.importAnnotations')}
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
