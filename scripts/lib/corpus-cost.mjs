// What Backstory costs a page's main thread, against a control extension whose content script does
// nothing: the page's longest stretch without a break, from DOMContentLoaded until Backstory's marks are
// done and a second more. Loads are made one at a time (never beside another load: the machine has two
// cores), alternating Backstory and the control.
import { contentScriptReader, recordLongTasks } from './bench-browser.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Below this many characters of rendered text a page counts as a small article page. */
export const SMALL_PAGE_TEXT = 30_000;

/**
 * One load in `context`, recording stretches of 5 ms or more from the start of the document. With
 * `backstory`, waits for its first full scan and a second more; otherwise for `windowMs` after
 * DOMContentLoaded. Returns { longest, longestTimer, windowMs, text } (ms; text: characters).
 */
async function loadOnce(context, url, { backstory, windowMs, timeout }) {
  const page = await context.newPage();
  try {
    await page.addInitScript(recordLongTasks, 5);
    const cdp = await context.newCDPSession(page);
    const read = await contentScriptReader(cdp);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    const dcl = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? 0);
    let end = dcl + windowMs;
    if (backstory) {
      const deadline = Date.now() + timeout;
      let allMarks;
      while ((allMarks = await read('globalThis.backstory?.timings.allMarks')) === undefined && Date.now() < deadline) await sleep(50);
      end = Math.max(dcl + windowMs, (allMarks ?? dcl) + 1000);
    }
    const now = await page.evaluate(() => performance.now());
    await sleep(Math.max(0, end - now) + 100);
    const measured = await page.evaluate(
      ({ from, to }) => {
        const record = globalThis.__benchLongTasks;
        const longestOf = (list) => Math.max(0, ...list.filter((s) => s.start >= from && s.start <= to).map((s) => s.duration));
        return { longest: longestOf(record.blocks), longestTimer: longestOf(record.starved), text: document.body?.innerText.length ?? 0 };
      },
      { from: dcl, to: end },
    );
    await cdp.detach().catch(() => undefined);
    return { ...measured, windowMs: end - dcl };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * `runs` loads with Backstory and `runs` with the control, alternating; the medians of each. `longest`:
 * a 'user-blocking' task posted every 10 ms could not run; `longestTimer`: a 10 ms setTimeout loop
 * could not (Backstory's slices, or any script's yields, that go before timers show here).
 */
export async function measureCost({ backstory, control }, url, { runs = 2, timeout = 20_000 } = {}) {
  const withIt = [];
  const withControl = [];
  for (let i = 0; i < runs; i++) {
    const b = await loadOnce(backstory.context, url, { backstory: true, windowMs: 2000, timeout });
    withIt.push(b);
    withControl.push(await loadOnce(control.context, url, { backstory: false, windowMs: b.windowMs, timeout }));
  }
  const of = (list, key) => median(list.map((m) => m[key]));
  return {
    text: withIt[0]?.text ?? 0,
    backstory: { longest: of(withIt, 'longest'), longestTimer: of(withIt, 'longestTimer') },
    control: { longest: of(withControl, 'longest'), longestTimer: of(withControl, 'longestTimer') },
  };
}
