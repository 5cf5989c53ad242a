import { browser } from 'wxt/browser';
// Only the starter pack's stamp is bundled (the JSON's other fields are shaken out): the file itself
// (public/packs) is read only when the database does not hold this version yet.
import { id as starterPackId, updated as starterPackUpdated, version as starterPackVersion } from '~/public/packs/post-soviet-politics.json';
import { createRouter } from '~/lib/background/router';
import { unwrapReply, type PageRequest, type ReaderSnapshot } from '~/lib/messages';
import { requestDurableStorage } from '~/lib/platform/durable-storage';
import { openDatabase } from '~/lib/store/db';
import { ensureBundledPackFile } from '~/lib/store/starter-pack';

/** How long the last requests took here, newest last (a few kept). */
const KEPT_REQUESTS = 20;

export default defineBackground(() => {
  // When this worker started, was ready to answer, and when it received and answered its last
  // requests (performance.now()): read by `npm run bench` to split a page's wait for its first marks.
  const timings = { started: performance.now(), ready: undefined as number | undefined, requests: [] as { type: string; received: number; answered: number }[] };
  Object.defineProperty(globalThis, 'backstoryWorker', { value: Object.freeze({ timeOrigin: performance.timeOrigin, timings }), configurable: true });
  const db = openDatabase();
  const stamp = { id: starterPackId, version: starterPackVersion, updated: starterPackUpdated };
  const ready = ensureBundledPackFile(db, stamp, () => fetch(browser.runtime.getURL('/packs/post-soviet-politics.json')).then((response) => response.json()))
    .catch((error) => console.error('Backstory could not load its starter pack:', error))
    .finally(() => (timings.ready = performance.now()));
  // So that the browser does not evict the database under storage pressure (Firefox's background page
  // can ask; Chrome's service worker cannot, and the options page asks there).
  void requestDurableStorage().then((answer) => {
    if (answer === 'refused') console.warn('Backstory: the browser did not grant persistent storage; unlimitedStorage still applies.');
  });

  const route = createRouter({
    db,
    ready,
    ownId: browser.runtime.id,
    ownBaseUrl: browser.runtime.getURL('/'),
    async setBadge(tabId, count) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d3557' });
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    },
    async openAndReveal(url, annotationId) {
      const tab = await browser.tabs.create({ url });
      const tabId = tab.id;
      if (tabId === undefined) return;
      const reveal = async (attempt: number): Promise<void> => {
        const reply = await browser.tabs.sendMessage(tabId, { type: 'reveal-annotation', id: annotationId }, { frameId: 0 }).catch(() => null);
        // The content script starts when the page is idle; until then nobody answers.
        if (!reply && attempt < 20) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          return reveal(attempt + 1);
        }
      };
      const onUpdated = (id: number, change: { status?: string }) => {
        if (id !== tabId || change.status !== 'complete') return;
        browser.tabs.onUpdated.removeListener(onUpdated);
        void reveal(0);
      };
      browser.tabs.onUpdated.addListener(onUpdated);
    },
    async snapshotOf(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      if (!tab) throw new Error('The page is no longer open. Go back to it and open the reading mode again.');
      if (!/^https?:/.test(tab.url ?? '')) throw new Error('Backstory reads web pages (http and https) only.');
      const reply = await browser.tabs.sendMessage(tabId, { type: 'reader-snapshot' }, { frameId: 0 }).catch(() => null);
      // Pages opened before Backstory was installed or updated have no content script to answer.
      if (!reply) throw new Error('Backstory has not read this page yet. Reload the page, then open the reading mode again.');
      return unwrapReply<ReaderSnapshot>(Promise.resolve(reply));
    },
    async sendToTab(tabId, request) {
      await browser.tabs.sendMessage(tabId, request);
    },
    async broadcast(request) {
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map((tab) =>
          // Tabs without our content script (browser pages, the web store) cannot answer: that is fine.
          tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, request).catch(() => undefined),
        ),
      );
    },
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    const received = performance.now();
    return route(message, sender).finally(() => {
      const type = (message as { type?: unknown } | null)?.type;
      timings.requests.push({ type: typeof type === 'string' ? type : '?', received, answered: performance.now() });
      if (timings.requests.length > KEPT_REQUESTS) timings.requests.shift();
    });
  });

  const COMMANDS: Record<string, PageRequest> = {
    'next-name': { type: 'navigate', direction: 'next' },
    'previous-name': { type: 'navigate', direction: 'previous' },
    'save-selection': { type: 'save-selection' },
  };
  /** The reading mode opens beside the page it reads, and reads it through the background (never the URL). */
  const openReader = (tab: { id?: number; index?: number; windowId?: number }) =>
    tab.id === undefined
      ? undefined
      : browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?tab=${tab.id}`), index: (tab.index ?? 0) + 1, windowId: tab.windowId, openerTabId: tab.id });

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (command === 'read-with-backstory' && tab) {
      await openReader(tab);
      return;
    }
    const request = COMMANDS[command];
    if (!request || tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => undefined);
  });

  // The menu's words in the browser's language (public/_locales), as the menu is made once, at install.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'save-selection', title: browser.i18n.getMessage('menuSaveSelection'), contexts: ['selection'] });
    browser.contextMenus.create({
      id: 'read-with-backstory',
      title: browser.i18n.getMessage('menuReadWithBackstory'),
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId === 'read-with-backstory' && tab) {
      await openReader(tab);
      return;
    }
    if (info.menuItemId !== 'save-selection' || tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { type: 'save-selection' }, { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });
});
