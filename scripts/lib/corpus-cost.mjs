// What Backstory costs a page's main thread, against a control extension whose content script does
// nothing (bench-browser.mjs's emptyExtension): the page's longest stretch without a break, from
// DOMContentLoaded on, until Backstory's first scan is done and a second more. Loads are made one
// at a time (never beside another load: the machine has two cores), alternating Backstory and the
// control.
import { readFileSync } from 'node:fs';
import { contentScriptReader, recordLongTasks, sleep } from './bench-browser.mjs';
import { median } from './stats.mjs';

/** Stretches shorter than this are not kept: short enough that a page's longest is always among them. */
const MIN_STRETCH_MS = 5;
/** How long after Backstory's first full scan the window goes on: the painting it sets off comes after. */
const AFTER_ALL_MARKS_MS = 1000;
/** The pause before each load, so that none starts while the last one's tab is being torn down. */
const SETTLE_MS = 300;

/** With `quiet`: the share of the processors' time that must be idle before a load starts, and over how long. */
const QUIET_IDLE = 0.9;
const QUIET_WINDOW_MS = 250;
/** …and how long to wait for that at most (a machine that never goes quiet still gets measured). */
const QUIET_MAX_MS = 10_000;

/** Idle and total time of all processors so far (Linux /proc/stat, in clock ticks), or null elsewhere. */
function processorTimes() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are idle time.
    return { idle: fields[3] + (fields[4] ?? 0), total: fields.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Waits until the machine is quiet: QUIET_WINDOW_MS in which the processors were at least QUIET_IDLE
 * idle, twice in a row (the last tab's renderer exiting, the browsers' and the workers' own work, other
 * programs). Returns how long it waited. Without /proc/stat, waits a second.
 */
export async function untilQuiet() {
  const began = performance.now();
  if (!processorTimes()) {
    await sleep(1000);
    return performance.now() - began;
  }
  let quietWindows = 0;
  while (quietWindows < 2 && performance.now() - began < QUIET_MAX_MS) {
    const before = processorTimes();
    await sleep(QUIET_WINDOW_MS);
    const after = processorTimes();
    const total = after.total - before.total;
    quietWindows = total > 0 && (after.idle - before.idle) / total >= QUIET_IDLE ? quietWindows + 1 : 0;
  }
  return performance.now() - began;
}

/**
 * One load in a tab of its own, recording from the start of the document. With `backstory`, the window
 * runs from DOMContentLoaded to its allMarks + 1 s; for the control, `windowMs` from DOMContentLoaded.
 * Returns { longest, longestTimer, longestWhole, windowMs, waited, text } (ms; waited: before the load
 * started; text: characters of the body's innerText), or
 * { failed } when Backstory's scan did not finish within `timeout`.
 */
async function loadOnce(context, url, { backstory, windowMs, timeout, quiet }) {
  // The last tab's renderer is still exiting, on one of the two cores this load needs.
  let waited = SETTLE_MS;
  if (quiet) waited = await untilQuiet();
  else await sleep(SETTLE_MS);
  const page = await context.newPage();
  try {
    await page.addInitScript(recordLongTasks, MIN_STRETCH_MS);
    const cdp = await context.newCDPSession(page);
    const read = await contentScriptReader(cdp);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    const dcl = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? 0);
    let end = dcl + windowMs;
    if (backstory) {
      const deadline = Date.now() + timeout;
      let allMarks;
      while ((allMarks = await read('globalThis.backstory?.timings.allMarks')) === undefined && Date.now() < deadline) await sleep(50);
      if (allMarks === undefined) return { failed: `no allMarks within ${timeout / 1000} s` };
      end = allMarks + AFTER_ALL_MARKS_MS;
    }
    await sleep(Math.max(0, end - (await page.evaluate(() => performance.now()))));
    const measured = await page.evaluate(
      async ({ from, to }) => {
        // A stretch is recorded by the probe's first tick after it: let the ticks run once more.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const record = globalThis.__benchLongTasks;
        // The part of each stretch inside the window: a stretch that began before DOMContentLoaded (the
        // page's first layout often does) counts from DOMContentLoaded on, for both browsers alike,
        // rather than wholly or not at all as its start falls a millisecond either side.
        const longestOf = (list) =>
          Math.max(0, ...list.filter((s) => s.start + s.duration > from && s.start <= to).map((s) => s.start + s.duration - Math.max(s.start, from)));
        // The same from the document's start, each stretch whole: the page's first layout counts for both
        // browsers, wherever DOMContentLoaded falls beside it (a few ms either side of it moves a 50 ms
        // layout wholly in or out of the window above).
        const wholeOf = (list) => Math.max(0, ...list.filter((s) => s.start <= to).map((s) => s.duration));
        return {
          longest: longestOf(record.blocks),
          longestTimer: longestOf(record.starved),
          longestWhole: wholeOf(record.blocks),
          text: document.body?.innerText.length ?? 0,
        };
      },
      { from: dcl, to: end },
    );
    await cdp.detach().catch(() => undefined);
    return { ...measured, windowMs: end - dcl, waited };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * `runs` loads with Backstory and `runs` with the control, alternating which goes first (so neither
 * always meets the page first); the medians of each. `longest`: a 'user-blocking' task posted every
 * 10 ms could not run; `longestTimer`: a 10 ms setTimeout chain could not (work that yields to
 * user-blocking tasks but goes before timers shows only here). With `quiet`, each load waits for the
 * machine to go quiet first (untilQuiet) instead of a fixed pause. Null when Backstory never finished.
 */
export async function measureCost({ backstory, control }, url, { runs = 2, timeout = 20_000, quiet = false } = {}) {
  const withIt = [];
  const withControl = [];
  for (let i = 0; i < runs; i++) {
    // The control's window is as long as Backstory's: when it goes first, as long as the last one's.
    const controlFirst = i % 2 === 1;
    if (controlFirst) withControl.push(await loadOnce(control.context, url, { backstory: false, windowMs: withIt.at(-1).windowMs, timeout, quiet }));
    const b = await loadOnce(backstory.context, url, { backstory: true, timeout, quiet });
    if (b.failed) return null;
    withIt.push(b);
    if (!controlFirst) withControl.push(await loadOnce(control.context, url, { backstory: false, windowMs: b.windowMs, timeout, quiet }));
  }
  const of = (list, key) => median(list.map((m) => m[key]));
  return {
    text: withIt[0].text,
    windowMs: of(withIt, 'windowMs'),
    waited: of([...withIt, ...withControl], 'waited'),
    backstory: { longest: of(withIt, 'longest'), longestTimer: of(withIt, 'longestTimer'), longestWhole: of(withIt, 'longestWhole') },
    control: { longest: of(withControl, 'longest'), longestTimer: of(withControl, 'longestTimer'), longestWhole: of(withControl, 'longestWhole') },
  };
}
