// What the bench measures of the options page's knowledge-base editor with a large knowledge base:
// how soon a freshly opened page lists entities, how soon a search answers, and the longest task
// meanwhile; and how responsive the page stays while a pack is imported.
import { recordLongTasks } from './bench-browser.mjs';
import { longestWithin } from './bench-report.mjs';

const SEARCH_BOX = 'input[type=search][placeholder^="Name or alias"]';

/** Starts the main-thread probe in an open options page, before an import (stretches of 50 ms or more). */
export function probeOptions(options) {
  return options.evaluate(recordLongTasks, 50);
}

/** The longest stretch the options page's main thread was held during the import just timed. */
export async function longestDuringImport(options) {
  const { blocks, record } = await options.evaluate(() => ({ blocks: globalThis.__benchLongTasks?.blocks ?? [], record: globalThis.__benchImport }));
  if (!record?.end) return null;
  return longestWithin(blocks, record.start, record.end)?.duration ?? 0;
}

/**
 * Opens the options page anew (nothing cached) and times, from navigation start, the first rows of the
 * entity list; then types `search` into the search box as one input event and times until a row
 * naming `expect` is shown (the box waits 200 ms for typing to pause before it searches: included).
 */
export async function measureEditor(session, { search, expect }) {
  const page = await session.context.newPage();
  try {
    await page.addInitScript(recordLongTasks, 50);
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.waitForFunction(() => document.querySelector('table.entities tbody tr'), null, { timeout: 120_000, polling: 'raf' });
    const listed = await page.evaluate(() => performance.now());
    await page.waitForSelector(SEARCH_BOX);
    const searched = await page.evaluate(
      ({ selector, search, expect }) =>
        new Promise((resolve) => {
          const box = document.querySelector(selector);
          const shown = () => [...document.querySelectorAll('table.entities tbody tr')].some((row) => row.textContent.includes(expect));
          const start = performance.now();
          setTimeout(() => {
            observer.disconnect();
            resolve({ start, end: NaN, rows: 0, timedOut: true });
          }, 30_000);
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            resolve({ start, end: performance.now(), rows: document.querySelectorAll('table.entities tbody tr').length });
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          box.value = search;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      { selector: SEARCH_BOX, search, expect },
    );
    if (searched.timedOut) throw new Error(`no row naming ${expect} within 30 s of searching “${search}”`);
    const blocks = await page.evaluate(() => globalThis.__benchLongTasks.blocks);
    return {
      listMs: listed,
      searchMs: searched.end - searched.start,
      rows: searched.rows,
      longestWhileListing: longestWithin(blocks, 0, listed)?.duration ?? 0,
      longestWhileSearching: longestWithin(blocks, searched.start, searched.end)?.duration ?? 0,
    };
  } finally {
    await page.close();
  }
}
