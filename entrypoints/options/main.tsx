import { render } from 'preact';
import '~/lib/i18n/messages-all';
import { browser } from 'wxt/browser';
import { OptionsApp } from '~/components/extension/OptionsApp';
import '~/components/extension/options.css';
import { localizeTitle } from '~/lib/i18n';
import { requestDurableStorage } from '~/lib/platform/durable-storage';
import { openDatabase } from '~/lib/store/db';
import { followLanguageSetting } from '~/lib/store/ui-language';
import { workerJobs } from './knowledge-jobs';

const db = openDatabase();
// The database is kept under storage pressure (Chrome's service worker cannot ask: its pages do).
void requestDurableStorage();
const tellPages = () => void browser.runtime.sendMessage({ type: 'knowledge-changed' }).catch(() => undefined);
localizeTitle('title.options');
// Rendered once the reader's language is known, so the page never shows in another first.
void followLanguageSetting(db).then(() =>
  render(<OptionsApp db={db} jobs={workerJobs()} onKnowledgeChanged={tellPages} />, document.getElementById('app')!),
);
