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
 * Opens a blank tab in a browser that has none left. A browser whose every tab was closed (the corpus's
 * scoring tab closes every page of its browser when it is done) starts each load with no window open,
 * and those loads' stretches are longer: two do-nothing controls, one with its launch tab closed, eight
 * small corpus pages, five loads each, differed by 8 ms at the median page and by up to 27. Each browser
 * measured keeps one tab open, as a reader's browser keeps its window, so that no side pays for a window
 * the other does not.
 */
async function keepATabOpen(context) {
  if (context.pages().length === 0) await context.newPage();
}

/**
 * `runs` loads with Backstory and `runs` with the control, alternating which goes first (so neither
 * always meets the page first); the medians of each. `longest`: a 'user-blocking' task posted every
 * 10 ms could not run; `longestTimer`: a 10 ms setTimeout chain could not (work that yields to
 * user-blocking tasks but goes before timers shows only here); `best` holds the shortest of the loads
 * for each (noise on a shared machine only ever adds). With `quiet`, each load waits for the
 * machine to go quiet first (untilQuiet) instead of a fixed pause. With `twin`, a second do-nothing
 * control in a browser of its own is loaded as often, the three in turn: control minus twin is what
 * the same comparison shows when neither side does anything (the noise floor). Null when Backstory
 * never finished.
 */
export async function measureCost({ backstory, control, twin }, url, { runs = 2, timeout = 20_000, quiet = false } = {}) {
  const loads = { backstory: [], control: [], twin: [] };
  const sides = twin ? ['backstory', 'control', 'twin'] : ['backstory', 'control'];
  const sessions = { backstory, control, twin };
  for (const side of sides) await keepATabOpen(sessions[side].context);
  for (let i = 0; i < runs; i++) {
    // Who goes first turns with each run; a control's window is as long as Backstory's (this run's,
    // or the last run's when the control goes before it).
    const order = sides.map((_, k) => sides[(i + k) % sides.length]);
    for (const side of order) {
      const isBackstory = side === 'backstory';
      const windowMs = isBackstory ? undefined : loads.backstory.at(-1).windowMs;
      const load = await loadOnce(sessions[side].context, url, { backstory: isBackstory, windowMs, timeout, quiet });
      if (load.failed) return null;
      loads[side].push(load);
    }
  }
  const of = (list, key) => median(list.map((m) => m[key]));
  const best = (list, key) => Math.min(...list.map((m) => m[key]));
  // The median of the loads, and the best (least disturbed) of them.
  const figures = (list) => ({
    longest: of(list, 'longest'),
    longestTimer: of(list, 'longestTimer'),
    longestWhole: of(list, 'longestWhole'),
    best: { longest: best(list, 'longest'), longestTimer: best(list, 'longestTimer'), longestWhole: best(list, 'longestWhole') },
  });
  return {
    text: loads.backstory[0].text,
    windowMs: of(loads.backstory, 'windowMs'),
    waited: of([...loads.backstory, ...loads.control, ...loads.twin], 'waited'),
    backstory: figures(loads.backstory),
    control: figures(loads.control),
    ...(twin ? { twin: figures(loads.twin) } : {}),
  };
}
