import type { BackstoryDatabase } from '../../lib/store/db';
import type { KnowledgeJobs } from '../../lib/store/jobs';
import { BackupPanel } from './BackupPanel';
import { EntityBrowser } from './EntityBrowser';
import { ExportButton } from './ExportButton';
import { PackManager } from './PackManager';
import { SettingsPanel } from './SettingsPanel';

export interface OptionsAppProps {
  db: BackstoryDatabase;
  jobs: KnowledgeJobs;
  /** Tells open pages to mark names again: called after every change to the knowledge base. */
  onKnowledgeChanged(): void;
  /** Switches Backstory back on for a site. */
  switchOnSite(host: string): Promise<unknown>;
}

export function OptionsApp({ db, jobs, onKnowledgeChanged, switchOnSite }: OptionsAppProps) {
  return (
    <main class="options">
      <header class="page-header">
        <img src="/icons/48.png" alt="" width={32} height={32} />
        <div>
          <h1>Backstory</h1>
          <p class="muted">Your knowledge base lives in this browser only. Nothing is sent anywhere.</p>
        </div>
      </header>
      <SettingsPanel db={db} onChanged={onKnowledgeChanged} switchOnSite={switchOnSite} />
      <PackManager db={db} jobs={jobs} onChanged={onKnowledgeChanged} />
      <EntityBrowser db={db} onChanged={onKnowledgeChanged} />
      <BackupPanel db={db} onRestored={onKnowledgeChanged} />
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Share as a pack</h2>
        <p class="muted">
          A pack file imports into Backstory in any browser. Private notes stay here. To export one pack, use its Export button above.
        </p>
        <div class="button-row">
          <ExportButton jobs={jobs} format="pack" scope="all" label="All entities as a pack" />
          <ExportButton jobs={jobs} format="pack" scope="user" label="Export my own entries" />
          <ExportButton jobs={jobs} format="csv" scope="all" label="Statements as CSV" />
        </div>
      </section>
    </main>
  );
}
