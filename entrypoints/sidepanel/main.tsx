import { render } from 'preact';
import '~/lib/i18n/messages-all';
import { browser } from 'wxt/browser';
import { LibraryApp } from '~/components/extension/LibraryApp';
import '~/components/extension/library.css';
import { localizeTitle } from '~/lib/i18n';
import { requestDurableStorage } from '~/lib/platform/durable-storage';
import { openDatabase } from '~/lib/store/db';
import { followLanguageSetting } from '~/lib/store/ui-language';

// The same page serves Chrome's side panel, Firefox's sidebar and a full tab (library.html?tab).
const db = openDatabase();
// The saved passages are kept under storage pressure (Chrome's service worker cannot ask: its pages do).
void requestDurableStorage();
localizeTitle('title.library');
void followLanguageSetting(db).then(() =>
  render(
    <LibraryApp
      db={db}
      wide={new URLSearchParams(location.search).has('tab')}
      openPassage={(id) => void browser.runtime.sendMessage({ type: 'open-annotation', id })}
      onChanged={() => void browser.runtime.sendMessage({ type: 'knowledge-changed' }).catch(() => undefined)}
    />,
    document.getElementById('app')!,
  ),
);
