import type { BackstoryDatabase } from './db';
import { exportPack, isoDay, statementsCsv, type ExportScope } from './export';
import { packFileTooLarge } from './pack-validation';
import { importPackText, type PackImportOutcome } from './packs';

/**
 * The options page's heavy work — reading, checking and writing a pack file, writing an export — done
 * away from the page (in a worker), so that a pack of 100,000 entities does not freeze it.
 */
export type Job = { type: 'import'; file: Blob } | { type: 'export'; format: 'pack' | 'csv'; scope: ExportScope };

export type ImportStage = { stage: 'checking' } | { stage: 'writing'; done: number; total: number };

export interface ExportedFile {
  blob: Blob;
  name: string;
}

/** What a job reports: import stages as they come, then one result. */
export type JobEvent =
  | ({ type: 'stage' } & ImportStage)
  | { type: 'imported'; outcome: PackImportOutcome }
  | { type: 'exported'; file: ExportedFile }
  | { type: 'failed'; message: string };

/** A job as the page posts it to the worker, and the worker's answers about it. */
export interface JobMessage {
  id: number;
  job: Job;
}
export interface JobEventMessage {
  id: number;
  event: JobEvent;
}

/** The jobs as the options page calls them. */
export interface KnowledgeJobs {
  importPack(file: Blob, onStage: (stage: ImportStage) => void): Promise<PackImportOutcome>;
  exportFile(format: 'pack' | 'csv', scope: ExportScope): Promise<ExportedFile>;
}

const scopeName = (scope: ExportScope) => (typeof scope === 'object' ? scope.pack : scope === 'user' ? 'my-own' : 'everything');

export async function runJob(db: BackstoryDatabase, job: Job, report: (event: JobEvent) => void): Promise<void> {
  try {
    if (job.type === 'import') {
      // Checked before the file is read: reading a file of hundreds of megabytes is what would hurt.
      const tooLarge = packFileTooLarge(job.file.size);
      if (tooLarge) {
        report({ type: 'imported', outcome: { ok: false, problems: [tooLarge] } });
        return;
      }
      const text = await job.file.text();
      report({ type: 'stage', stage: 'checking' });
      const outcome = await importPackText(db, text, { onProgress: (done, total) => report({ type: 'stage', stage: 'writing', done, total }) });
      report({ type: 'imported', outcome });
    } else if (job.format === 'pack') {
      const pack = await exportPack(db, { scope: job.scope });
      const blob = new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' });
      const name = typeof job.scope === 'object' ? pack.id : `${pack.id}-${scopeName(job.scope)}`;
      report({ type: 'exported', file: { blob, name: `${name}-${pack.updated}.json` } });
    } else {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8, as it is.
      const blob = new Blob(['\uFEFF', await statementsCsv(db, job.scope)], { type: 'text/csv;charset=utf-8' });
      report({ type: 'exported', file: { blob, name: `backstory-statements-${scopeName(job.scope)}-${isoDay(new Date())}.csv` } });
    }
  } catch (error) {
    report({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
