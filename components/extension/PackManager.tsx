import { useState } from 'preact/hooks';
import type { BackstoryDatabase } from '../../lib/store/db';
import type { ImportStage, KnowledgeJobs } from '../../lib/store/jobs';
import { listPacks } from '../../lib/store/live';
import type { PackProblem } from '../../lib/store/pack-validation';
import { describeImport, removePack } from '../../lib/store/packs';
import { formatDate } from '../../lib/format';
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
      setStatus({ kind: 'failed', file: file.name, problems: [{ path: '$', message: `could not be imported: ${(error as Error).message}` }] });
    }
  }

  return (
    <section class="card" aria-labelledby="packs-heading">
      <h2 id="packs-heading">Knowledge packs</h2>
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
          Import pack
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Import pack"
            disabled={busy}
            onChange={onFileChosen((file) => void importFile(file))}
          />
        </label>
        <span class="hint">or drop a pack file (.json) here</span>
      </div>
      <div role="status" aria-live="polite" class="import-status">
        {status.kind === 'busy' ? <p>{STAGE_TEXT[status.stage](status.file)}</p> : null}
        {status.kind === 'done' ? <p class="ok">{status.message}</p> : null}
        {status.kind === 'error' ? <p class="problems">{status.message}</p> : null}
        {status.kind === 'failed' ? (
          <div class="problems">
            <p>
              <strong>{status.file} was not imported</strong> — nothing was written. Fix these and import it again:
            </p>
            <ul>
              {status.problems.slice(0, 20).map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
            {status.problems.length > 20 ? <p>…and {status.problems.length - 20} more.</p> : null}
          </div>
        ) : null}
      </div>
      {status.kind === 'busy' ? <ImportProgress status={status} /> : null}
      {packs?.length ? (
        <table class="packs">
          <thead>
            <tr>
              <th>Pack</th>
              <th>Version</th>
              <th>Entities</th>
              <th>Relations</th>
              <th>Statements</th>
              <th>Imported</th>
              <th>
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.id}>
                <td>
                  <strong>{pack.title}</strong> <span class="muted">({pack.id}{pack.updated ? `, updated ${formatDate(pack.updated)}` : ''})</span>
                </td>
                <td>{pack.version}</td>
                <td>{pack.counts.entities}</td>
                <td>{pack.counts.relations}</td>
                <td>{pack.counts.statements}</td>
                <td>{new Date(pack.importedAt).toLocaleString()}</td>
                <td class="actions">
                  <ExportButton jobs={jobs} format="pack" scope={{ pack: pack.id }} label="Export" ariaLabel={`Export ${pack.title}`} class="link" />
                  <button
                    type="button"
                    class="link danger"
                    aria-label={`Remove ${pack.title}`}
                    disabled={busy}
                    onClick={async () => {
                      if (!confirm(`Remove the pack “${pack.title}” and the rows it brought? Your own entries, and the entries you edited, stay.`)) return;
                      try {
                        await removePack(db, pack.id);
                        setStatus({ kind: 'done', message: `Removed ${pack.title}.` });
                        onChanged();
                      } catch (error) {
                        setStatus({ kind: 'error', message: `${pack.title} was not removed: ${(error as Error).message}. Nothing was changed; try again.` });
                      }
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No pack imported yet.</p>
      )}
    </section>
  );
}

const STAGE_TEXT: Record<Extract<Status, { kind: 'busy' }>['stage'], (file: string) => string> = {
  reading: (file) => `Reading ${file}…`,
  checking: (file) => `Checking ${file}…`,
  writing: (file) => `Importing ${file}…`,
};

/** Outside the live region: a screen reader hears each stage once, not every batch. */
function ImportProgress({ status }: { status: Extract<Status, { kind: 'busy' }> }) {
  if (status.stage !== 'writing') return <progress class="import-progress" aria-label="Import progress" />;
  const label = `Importing… ${status.done.toLocaleString('en')} of ${status.total.toLocaleString('en')} entities`;
  return (
    <div class="import-progress">
      <progress aria-label="Import progress" aria-valuetext={label} max={Math.max(status.total, 1)} value={status.done} />
      <span>{label}</span>
      <span class="hint">Edits to entities wait until the import is done.</span>
    </div>
  );
}
