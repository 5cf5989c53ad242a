import { useEffect, useRef, useState } from 'preact/hooks';
import { backupFile, BackupError, exportBackup, readBackupFile, restoreBackup, type Backup, type RestoreReport } from '../../lib/store/backup';
import type { BackstoryDatabase } from '../../lib/store/db';
import { plural } from '../../lib/format';
import { saveFile } from '../shared/download';
import { onFileChosen } from './file-input';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'confirm'; file: string; backup: Backup }
  | { kind: 'done'; message: string; report?: RestoreReport }
  | { kind: 'error'; message: string };

function summary(backup: Backup): string {
  const { tables } = backup;
  return [
    plural(tables.entities.length, 'entity', 'entities'),
    plural(tables.statements.length, 'statement'),
    plural(tables.annotations.length, 'saved passage'),
    plural(tables.trash.length, 'deleted entity', 'deleted entities'),
  ].join(', ');
}

export interface BackupPanelProps {
  db: BackstoryDatabase;
  /** Tells open pages to mark names again after a restore. */
  onRestored(): void;
}

/**
 * "Export everything" writes one file with all the reader keeps here (their entities and edits,
 * private notes, statements, saved passages, trash, settings, and which packs they had); "Restore
 * from backup" puts a browser back in that state, after the reader confirms.
 */
export function BackupPanel({ db, onRestored }: BackupPanelProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';
  const question = useRef<HTMLParagraphElement>(null);
  // The question takes focus when it appears, so a keyboard or screen-reader user meets it first.
  useEffect(() => {
    if (status.kind === 'confirm') question.current?.focus();
  }, [status.kind]);

  const exportAll = async () => {
    setStatus({ kind: 'busy', message: 'Writing the backup…' });
    try {
      const backup = await exportBackup(db);
      const file = backupFile(backup);
      saveFile(file.blob, file.name);
      setStatus({ kind: 'done', message: `Backup written: ${summary(backup)}.` });
    } catch (error) {
      setStatus({ kind: 'error', message: `The backup could not be written: ${(error as Error).message}` });
    }
  };

  const choose = async (file: File) => {
    setStatus({ kind: 'busy', message: `Reading ${file.name}…` });
    try {
      setStatus({ kind: 'confirm', file: file.name, backup: await readBackupFile(file, db.verno) });
    } catch (error) {
      const message = error instanceof BackupError ? error.message : `${file.name} could not be read: ${(error as Error).message}`;
      setStatus({ kind: 'error', message: `${message} Nothing was changed.` });
    }
  };

  const restore = async (backup: Backup) => {
    setStatus({ kind: 'busy', message: 'Restoring…' });
    try {
      const report = await restoreBackup(db, backup);
      onRestored();
      setStatus({ kind: 'done', message: `Restored ${summary(backup)}.`, report });
    } catch (error) {
      setStatus({ kind: 'error', message: `The backup could not be restored: ${(error as Error).message}. Nothing was changed.` });
    }
  };

  return (
    <section class="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up and restore</h2>
      <p class="muted">
        One file with everything you keep here — your own entities and edits, private notes, statements, saved passages, deleted
        entities and settings. Packs are not copied: the backup names them, to import again.
      </p>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={exportAll}>
          Export everything
        </button>
        <label class={busy ? 'button secondary disabled' : 'button secondary'}>
          Restore from backup
          <input type="file" accept=".json,application/json" aria-label="Restore from backup" disabled={busy} onChange={onFileChosen((file) => void choose(file))} />
        </label>
      </div>
      <div role="status" aria-live="polite" class="backup-status">
        {status.kind === 'busy' ? <p>{status.message}</p> : null}
        {status.kind === 'done' ? <p class="ok">{status.message}</p> : null}
        {status.kind === 'done' && status.report?.missingPacks.length ? (
          <p>
            The backup was made with these packs, which this browser does not have: import them again to see their entities:{' '}
            {status.report.missingPacks.map((pack) => `${pack.title} (version ${pack.version})`).join(', ')}.
          </p>
        ) : null}
        {status.kind === 'error' ? <p class="problems">{status.message}</p> : null}
      </div>
      {status.kind === 'confirm' ? (
        <div class="confirm" role="group" aria-labelledby="restore-question">
          <p id="restore-question" tabIndex={-1} ref={question}>
            Restore <strong>{status.file}</strong> (made {new Date(status.backup.exportedAt).toLocaleString()}: {summary(status.backup)})? It
            replaces your own entities, notes, saved passages, deleted entities and settings in this browser. Packs stay as they are.
          </p>
          <div class="button-row">
            <button type="button" class="button danger-button" onClick={() => void restore(status.backup)}>
              Replace with the backup
            </button>
            <button type="button" class="button secondary" onClick={() => setStatus({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
