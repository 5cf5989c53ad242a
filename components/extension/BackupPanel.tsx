import { useEffect, useRef, useState } from 'preact/hooks';
import { backupFile, BackupError, exportBackup, readBackupFile, restoreBackup, type Backup, type RestoreReport } from '../../lib/store/backup';
import type { BackstoryDatabase } from '../../lib/store/db';
import { formatMoment, t } from '../../lib/i18n';
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
    t('count.entities', { count: tables.entities.length }),
    t('count.statements', { count: tables.statements.length }),
    t('count.passages', { count: tables.annotations.length }),
    t('count.deletedEntities', { count: tables.trash.length }),
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
    setStatus({ kind: 'busy', message: t('backup.writing') });
    try {
      const backup = await exportBackup(db);
      const file = backupFile(backup);
      saveFile(file.blob, file.name);
      setStatus({ kind: 'done', message: t('backup.written', { summary: summary(backup) }) });
    } catch (error) {
      setStatus({ kind: 'error', message: t('backup.writeFailed', { error: (error as Error).message }) });
    }
  };

  const choose = async (file: File) => {
    setStatus({ kind: 'busy', message: t('backup.reading', { file: file.name }) });
    try {
      setStatus({ kind: 'confirm', file: file.name, backup: await readBackupFile(file, db.verno) });
    } catch (error) {
      const message = error instanceof BackupError ? error.message : t('backup.unreadable', { file: file.name, error: (error as Error).message });
      setStatus({ kind: 'error', message: t('backup.nothingChanged', { message }) });
    }
  };

  const restore = async (backup: Backup) => {
    setStatus({ kind: 'busy', message: t('backup.restoring') });
    try {
      const report = await restoreBackup(db, backup);
      onRestored();
      setStatus({ kind: 'done', message: t('backup.restored', { summary: summary(backup) }), report });
    } catch (error) {
      setStatus({ kind: 'error', message: t('backup.restoreFailed', { error: (error as Error).message }) });
    }
  };

  return (
    <section class="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup.heading')}</h2>
      <p class="muted">{t('backup.text')}</p>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={exportAll}>
          {t('backup.export')}
        </button>
        <label class={busy ? 'button secondary disabled' : 'button secondary'}>
          {t('backup.restore')}
          <input type="file" accept=".json,application/json" aria-label={t('backup.restore')} disabled={busy} onChange={onFileChosen((file) => void choose(file))} />
        </label>
      </div>
      <div role="status" aria-live="polite" class="backup-status">
        {status.kind === 'busy' ? <p>{status.message}</p> : null}
        {status.kind === 'done' ? <p class="ok">{status.message}</p> : null}
        {status.kind === 'done' && status.report?.missingPacks.length ? (
          <p>
            {t('backup.missingPacks', {
              packs: status.report.missingPacks.map((pack) => t('backup.packVersion', { title: pack.title, version: pack.version })).join(', '),
            })}
          </p>
        ) : null}
        {status.kind === 'error' ? <p class="problems">{status.message}</p> : null}
      </div>
      {status.kind === 'confirm' ? (
        <div class="confirm" role="group" aria-labelledby="restore-question">
          <p id="restore-question" tabIndex={-1} ref={question}>
            {t('backup.question', { file: status.file, date: formatMoment(new Date(status.backup.exportedAt).getTime(), true), summary: summary(status.backup) })}
          </p>
          <div class="button-row">
            <button type="button" class="button danger-button" onClick={() => void restore(status.backup)}>
              {t('backup.replace')}
            </button>
            <button type="button" class="button secondary" onClick={() => setStatus({ kind: 'idle' })}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
