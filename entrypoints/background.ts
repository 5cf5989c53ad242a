import { browser } from 'wxt/browser';
import starterPack from '~/assets/packs/post-soviet-politics.json';
import { createRouter } from '~/lib/background/router';
import type { PageRequest } from '~/lib/messages';
import { openDatabase } from '~/lib/store/db';
import { ensureBundledPack } from '~/lib/store/starter-pack';

export default defineBackground(() => {
  const db = openDatabase();
  const ready = ensureBundledPack(db, starterPack).catch((error) => console.error('Backstory could not load its starter pack:', error));

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

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  const COMMANDS: Record<string, PageRequest> = {
    'next-name': { type: 'navigate', direction: 'next' },
    'previous-name': { type: 'navigate', direction: 'previous' },
    'save-selection': { type: 'save-selection' },
  };
  browser.commands.onCommand.addListener(async (command) => {
    const request = COMMANDS[command];
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!request || tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'save-selection', title: 'Save to Backstory', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== 'save-selection' || tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { type: 'save-selection' }, { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });
});
