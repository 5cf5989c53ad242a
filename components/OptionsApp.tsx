import type { BackstoryDatabase } from '../lib/store/db';
import { PackManager } from './PackManager';

export function OptionsApp({ db, onKnowledgeChanged }: { db: BackstoryDatabase; onKnowledgeChanged(): void }) {
  return (
    <main class="options">
      <header class="page-header">
        <img src="/icons/48.png" alt="" width={32} height={32} />
        <div>
          <h1>Backstory</h1>
          <p class="muted">Your knowledge base lives in this browser only. Nothing is sent anywhere.</p>
        </div>
      </header>
      <PackManager db={db} onChanged={onKnowledgeChanged} />
    </main>
  );
}
