import { render } from 'preact';
import '~/lib/i18n/messages-all';
import { browser } from 'wxt/browser';
import { ReaderApp, type ReaderApi } from '~/components/reader/ReaderApp';
import '~/components/reader/reader.css';
import { DossierCache } from '~/lib/dossier-cache';
import { unwrapReply, type BackgroundReplies, type BackgroundRequest } from '~/lib/messages';
import { openDatabase } from '~/lib/store/db';
import { readReaderPrefs, writeReaderPrefs } from '~/lib/store/reader-prefs';
import { followLanguageSetting } from '~/lib/store/ui-language';
import { localizeTitle } from '~/lib/i18n';

const ask = <T extends BackgroundRequest>(request: T) => unwrapReply<BackgroundReplies[T['type']]>(browser.runtime.sendMessage(request));

/**
 * The reading mode for the tab named in the address (`reader.html?tab=ID`). The page itself is
 * handed over by the background, never through the address.
 */
async function main() {
  const app = document.getElementById('app')!;
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  // Asked for first, so that the page is serialised and handed over while this page opens its database.
  const snapshot =
    Number.isInteger(tabId) && tabId >= 0
      ? ask({ type: 'reader-snapshot', tabId })
      : Promise.reject(new Error('No page was named: open the reading mode from a page (its popup, Alt+Shift+R, or the context menu).'));
  snapshot.catch(() => undefined); // Its failure is shown by the app, which reads it.
  const db = openDatabase();
  const [prefs] = await Promise.all([readReaderPrefs(db), followLanguageSetting(db)]);
  localizeTitle('title.reader');
  const dossiers = new DossierCache((id) => ask({ type: 'dossier', id }));
  const api: ReaderApi = {
    snapshot: () => snapshot,
    lookup: (words) => ask({ type: 'lookup', ...words }),
    dossier: (id) => dossiers.get(id),
    annotations: (url) => ask({ type: 'page-annotations', url }),
    save: async (annotation) => {
      const saved = await ask({ type: 'save-annotation', annotation });
      if (saved.entityId) dossiers.forget(saved.entityId);
      return saved;
    },
    readPrefs: () => readReaderPrefs(db),
    writePrefs: (next) => writeReaderPrefs(db, next),
    showPage: () => void browser.tabs.update(tabId, { active: true }).catch(() => undefined),
    onShown: ({ ok, timings }) => {
      // For `npm run bench` and the end-to-end tests: when the article stood marked, and what it cost.
      performance.mark('backstory:reader-shown');
      Object.assign(globalThis, { backstoryReader: Object.freeze({ ok, shownAt: performance.now(), timings }) });
      document.documentElement.dataset.reader = ok ? 'ready' : 'failed';
    },
  };
  render(<ReaderApp api={api} prefs={prefs} />, app);
}

void main();
