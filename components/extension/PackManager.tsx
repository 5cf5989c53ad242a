import { useState } from 'preact/hooks';
import type { BackstoryDatabase } from '../../lib/store/db';
import type { ImportStage, KnowledgeJobs } from '../../lib/store/jobs';
import { listPacks } from '../../lib/store/live';
import type { PackProblem } from '../../lib/store/pack-validation';
import { describeImport, removePack } from '../../lib/store/packs';
import { formatDate } from '../../lib/format';
import { formatMoment, formatNumber, t } from '../../lib/i18n';
import { ExportButton } from './ExportButton';
import { useLive } from './use-live';
import { onFileChosen } from './file-input';

type Status =
  | { kind: 'idle' }
  | ({ kind: 'busy'; file: string } & ({ stage: 'reading' } | ImportStage))
  | { kind: 'done'; message: string }
  | { kind: 'failed'; file: string; problems: PackProblem[] }
  | { kind: 'error'; message: string };

export interface PackManagerProps {
  db: BackstoryDatabase;
  jobs: KnowledgeJobs;
  onChanged(): void;
}

export function PackManager({ db, jobs, onChanged }: PackManagerProps) {
  const packs = useLive(() => listPacks(db), [db]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const busy = status.kind === 'busy';

  async function importFile(file: File) {
    if (busy) return;
    setStatus({ kind: 'busy', file: file.name, stage: 'reading' });
    try {
      const outcome = await jobs.importPack(file, (stage) => setStatus({ kind: 'busy', file: file.name, ...stage }));
      if (outcome.ok) {
        setStatus({ kind: 'done', message: describeImport(outcome.result) });
        onChanged();
      } else setStatus({ kind: 'failed', file: file.name, problems: outcome.problems });
    } catch (error) {
      setStatus({ kind: 'failed', file: file.name, problems: [{ path: '$', message: t('packs.couldNotImport', { error: (error as Error).message }) }] });
    }
  }

  return (
    <section class="card" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('packs.heading')}</h2>
      <div
        class={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer?.files[0];
          if (file) void importFile(file);
        }}
      >
        <label class={busy ? 'button disabled' : 'button'}>
          {t('packs.import')}
          <input
            type="file"
            accept=".json,application/json"
            aria-label={t('packs.import')}
            disabled={busy}
            onChange={onFileChosen((file) => void importFile(file))}
          />
        </label>
        <span class="hint">{t('packs.drop')}</span>
      </div>
      <div role="status" aria-live="polite" class="import-status">
        {status.kind === 'busy' ? <p>{STAGE_TEXT[status.stage](status.file)}</p> : null}
        {status.kind === 'done' ? <p class="ok">{status.message}</p> : null}
        {status.kind === 'error' ? <p class="problems">{status.message}</p> : null}
        {status.kind === 'failed' ? (
          <div class="problems">
            <p>
              <strong>{t('packs.notImported', { file: status.file })}</strong>
              {t('packs.fixThese')}
            </p>
            <ul>
              {status.problems.slice(0, 20).map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
            {status.problems.length > 20 ? <p>{t('packs.moreProblems', { count: status.problems.length - 20 })}</p> : null}
          </div>
        ) : null}
      </div>
      {status.kind === 'busy' ? <ImportProgress status={status} /> : null}
      {packs?.length ? (
        <table class="packs">
          <thead>
            <tr>
              <th>{t('packs.colPack')}</th>
              <th>{t('packs.colVersion')}</th>
              <th>{t('packs.colEntities')}</th>
              <th>{t('packs.colRelations')}</th>
              <th>{t('packs.colStatements')}</th>
              <th>{t('packs.colImported')}</th>
              <th>
                <span class="visually-hidden">{t('packs.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.id}>
                <td>
                  <strong>{pack.title}</strong> <span class="muted">({pack.id}{pack.updated ? t('packs.updated', { date: formatDate(pack.updated) }) : ''})</span>
                </td>
                <td>{pack.version}</td>
                <td>{formatNumber(pack.counts.entities)}</td>
                <td>{formatNumber(pack.counts.relations)}</td>
                <td>{formatNumber(pack.counts.statements)}</td>
                <td>{formatMoment(pack.importedAt, true)}</td>
                <td class="actions">
                  <ExportButton jobs={jobs} format="pack" scope={{ pack: pack.id }} label={t('packs.export')} ariaLabel={t('packs.exportOne', { title: pack.title })} class="link" />
                  <button
                    type="button"
                    class="link danger"
                    aria-label={t('packs.removeOne', { title: pack.title })}
                    disabled={busy}
                    onClick={async () => {
                      if (!confirm(t('packs.confirmRemove', { title: pack.title }))) return;
                      try {
                        await removePack(db, pack.id);
                        setStatus({ kind: 'done', message: t('packs.removed', { title: pack.title }) });
                        onChanged();
                      } catch (error) {
                        setStatus({ kind: 'error', message: t('packs.notRemoved', { title: pack.title, error: (error as Error).message }) });
                      }
                    }}
                  >
                    {t('packs.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('packs.none')}</p>
      )}
    </section>
  );
}

const STAGE_TEXT: Record<Extract<Status, { kind: 'busy' }>['stage'], (file: string) => string> = {
  reading: (file) => t('packs.reading', { file }),
  checking: (file) => t('packs.checking', { file }),
  writing: (file) => t('packs.writing', { file }),
};

/** Outside the live region: a screen reader hears each stage once, not every batch. */
function ImportProgress({ status }: { status: Extract<Status, { kind: 'busy' }> }) {
  if (status.stage !== 'writing') return <progress class="import-progress" aria-label={t('packs.progress')} />;
  const label = t('packs.progressText', { done: status.done, total: status.total });
  return (
    <div class="import-progress">
      <progress aria-label={t('packs.progress')} aria-valuetext={label} max={Math.max(status.total, 1)} value={status.done} />
      <span>{label}</span>
      <span class="hint">{t('packs.editsWait')}</span>
    </div>
  );
}
