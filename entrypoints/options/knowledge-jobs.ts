import type { ExportedFile, ImportStage, Job, JobEvent, JobEventMessage, JobMessage, KnowledgeJobs } from '~/lib/store/jobs';
import type { PackImportOutcome } from '~/lib/store/packs';

/** Runs the options page's jobs in one worker, started on the first job. */
export function workerJobs(): KnowledgeJobs {
  let worker: Worker | undefined;
  let next = 0;
  const listeners = new Map<number, (event: JobEvent) => void>();

  function start(): Worker {
    const started = new Worker(new URL('./knowledge-worker.ts', import.meta.url), { type: 'module', name: 'backstory-knowledge' });
    started.addEventListener('message', ({ data }: MessageEvent<JobEventMessage>) => listeners.get(data.id)?.(data.event));
    started.addEventListener('error', (error) => {
      // A worker that failed to load or crashed answers nothing more: fail what waits, start afresh next time.
      const message = `The import and export worker stopped: ${error.message || 'it could not start'}`;
      for (const listener of listeners.values()) listener({ type: 'failed', message });
      listeners.clear();
      worker = undefined;
    });
    return started;
  }

  function run(job: Job, onEvent: (event: JobEvent) => void): void {
    const id = ++next;
    listeners.set(id, (event) => {
      if (event.type !== 'stage') listeners.delete(id);
      onEvent(event);
    });
    worker ??= start();
    worker.postMessage({ id, job } satisfies JobMessage);
  }

  return {
    importPack: (file, onStage) =>
      new Promise<PackImportOutcome>((resolve, reject) =>
        run({ type: 'import', file }, (event) => {
          if (event.type === 'stage') onStage(event as ImportStage);
          else if (event.type === 'imported') resolve(event.outcome);
          else if (event.type === 'failed') reject(new Error(event.message));
        }),
      ),
    exportFile: (format, scope) =>
      new Promise<ExportedFile>((resolve, reject) =>
        run({ type: 'export', format, scope }, (event) => {
          if (event.type === 'exported') resolve(event.file);
          else if (event.type === 'failed') reject(new Error(event.message));
        }),
      ),
  };
}
