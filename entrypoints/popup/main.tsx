import { render } from 'preact';
import '~/lib/i18n/messages-all';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupApi } from '~/components/extension/PopupApp';
import '~/components/extension/popup.css';
import { openDatabase } from '~/lib/store/db';
import { followLanguageSetting } from '~/lib/store/ui-language';
import { localizeTitle } from '~/lib/i18n';
import { unwrapReply, type BackgroundReplies, type BackgroundRequest, type PageReplies } from '~/lib/messages';

const ask = <T extends BackgroundRequest>(request: T) => unwrapReply<BackgroundReplies[T['type']]>(browser.runtime.sendMessage(request));

async function targetTab() {
  // ?tab=ID lets the popup be opened in a tab of its own (tests, keyboard users) for another tab.
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function main() {
  // The popup follows the language setting live (switching it in the options page re-renders it).
  await followLanguageSetting(openDatabase());
  localizeTitle('title.popup');
  const tab = await targetTab();
  let host = '';
  try {
    const url = new URL(tab?.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') host = url.hostname;
  } catch {
    host = '';
  }
  const api: PopupApi = {
    host,
    pageEntities: () =>
      tab?.id === undefined
        ? Promise.reject(new Error('no tab'))
        : unwrapReply<PageReplies['page-entities']>(browser.tabs.sendMessage(tab.id, { type: 'page-entities' }, { frameId: 0 })),
    savedStatus: () =>
      tab?.id === undefined
        ? Promise.reject(new Error('no tab'))
        : unwrapReply<PageReplies['saved-status']>(browser.tabs.sendMessage(tab.id, { type: 'saved-status' }, { frameId: 0 })),
    showEntity: (id) => {
      if (tab?.id === undefined) return;
      void unwrapReply<PageReplies['reveal-entity']>(browser.tabs.sendMessage(tab.id, { type: 'reveal-entity', id }, { frameId: 0 })).then((found) => {
        // In its own tab (?tab=ID) the popup stays; as the toolbar's popup it gets out of the way.
        if (found && !new URLSearchParams(location.search).has('tab')) window.close();
      });
    },
    shortcuts: async () =>
      (await browser.commands.getAll())
        .filter((c) => c.description)
        .map((c) => ({ description: c.description ?? '', shortcut: c.shortcut ?? '' })),
    siteStatus: () => ask({ type: 'site-status', host }),
    setSwitch: (scope, on) => ask({ type: 'set-switch', scope, host, on }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    openLibrary: () => void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?tab') }),
    openReader: () => {
      if (tab?.id === undefined) return;
      void browser.tabs
        .create({ url: browser.runtime.getURL(`/reader.html?tab=${tab.id}`), index: tab.index + 1, openerTabId: tab.id })
        .then(() => window.close());
    },
  };
  render(<PopupApp api={api} />, document.getElementById('app')!);
}

void main();
