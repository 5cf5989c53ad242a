import { useState } from 'preact/hooks';
import type { ExportScope } from '../../lib/store/export';
import type { KnowledgeJobs } from '../../lib/store/jobs';
import { t } from '../../lib/i18n';
import { saveFile } from '../shared/download';


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
            const file = await jobs.exportFile(format, scope);
            saveFile(file.blob, file.name);
            setState({ busy: false });
          } catch (error) {
            setState({ busy: false, error: t('export.failed', { error: (error as Error).message }) });
          }
        }}
      >
        {state.busy ? t('export.busy') : label}
      </button>
      {state.error ? (
        <span role="alert" class="field-error">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
