import { useState } from 'preact/hooks';
import type { ExportScope } from '../../lib/store/export';
import type { ExportedFile, KnowledgeJobs } from '../../lib/store/jobs';

/** Hands a file to the browser's downloads, as a link the reader clicked would. */
export function download({ blob, name }: Pick<ExportedFile, 'blob' | 'name'>): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once would cancel the download in some browsers; a minute is ample to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ExportButtonProps {
  jobs: KnowledgeJobs;
  format: 'pack' | 'csv';
  scope: ExportScope;
  label: string;
  /** The accessible name, when the visible label needs context (“Export” in a table row). */
  ariaLabel?: string;
  class?: string;
}

export function ExportButton({ jobs, format, scope, label, ariaLabel, class: className = 'button secondary' }: ExportButtonProps) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <span class="export-button">
      <button
        type="button"
        class={className}
        aria-label={ariaLabel}
        aria-busy={state.busy}
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true });
          try {
            download(await jobs.exportFile(format, scope));
            setState({ busy: false });
          } catch (error) {
            setState({ busy: false, error: `Export failed: ${(error as Error).message}. Try again; if it fails again, reload this page.` });
          }
        }}
      >
        {state.busy ? 'Exporting…' : label}
      </button>
      {state.error ? (
        <span role="alert" class="field-error">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
