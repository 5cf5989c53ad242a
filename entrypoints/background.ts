import { browser } from 'wxt/browser';
import starterPack from '~/assets/packs/post-soviet-politics.json';
import { createRouter } from '~/lib/background/router';
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
    async refreshPages() {
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map((tab) =>
          // Tabs without our content script (browser pages, the web store) cannot answer: that is fine.
          tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type: 'refresh' }).catch(() => undefined),
        ),
      );
    },
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'next-name' && command !== 'previous-name') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const direction = command === 'next-name' ? 'next' : 'previous';
    await browser.tabs.sendMessage(tab.id, { type: 'navigate', direction }, { frameId: 0 }).catch(() => undefined);
  });
});
