import type { BackstoryDatabase } from '../../lib/store/db';
import type { KnowledgeJobs } from '../../lib/store/jobs';
import { BackupPanel } from './BackupPanel';
import { EntityBrowser } from './EntityBrowser';
import { t } from '../../lib/i18n';
import { useLanguage } from '../shared/use-language';
import { ExportButton } from './ExportButton';
import { LanguagePicker } from './LanguagePicker';
import { PackManager } from './PackManager';

export interface OptionsAppProps {
  db: BackstoryDatabase;
  jobs: KnowledgeJobs;
  /** Tells open pages to mark names again: called after every change to the knowledge base. */
  onKnowledgeChanged(): void;
}

export function OptionsApp({ db, jobs, onKnowledgeChanged }: OptionsAppProps) {
  useLanguage();
  return (
    <main class="options">
      <header class="page-header">
        <img src="/icons/48.png" alt="" width={32} height={32} />
        <div>
          <h1>Backstory</h1>
          <p class="muted">{t('options.private')}</p>
        </div>
      </header>
      <LanguagePicker db={db} />
      <PackManager db={db} jobs={jobs} onChanged={onKnowledgeChanged} />
      <EntityBrowser db={db} onChanged={onKnowledgeChanged} />
      <BackupPanel db={db} onRestored={onKnowledgeChanged} />
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('options.shareHeading')}</h2>
        <p class="muted">{t('options.shareText')}</p>
        <div class="button-row">
          <ExportButton jobs={jobs} format="pack" scope="all" label={t('options.exportAll')} />
          <ExportButton jobs={jobs} format="pack" scope="user" label={t('options.exportUser')} />
          <ExportButton jobs={jobs} format="csv" scope="all" label={t('options.exportCsv')} />
        </div>
      </section>
    </main>
  );
}
