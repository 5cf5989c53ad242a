// The reading mode's part of `npm run bench`: how long `reader.html?tab=ID` takes from its navigation
// start to the article shown with every name a button (the reader page's own `backstoryReader.shownAt`),
// what that time is spent on (its `timings`), and what the page being read pays meanwhile: its content
// script serialises the live page for the reader (lib/page/reader/snapshot.ts), on the page's main thread.
//
// Two cases, in one fresh browser with the starter pack the extension imports on first start: the demo
// article (tests/fixtures/demo, a typical news article) and a generated 1 MB article. The bench's own
// article pages (bench-data.mjs articlePage) name synthetic people of the bench packs, which the starter
// pack does not know, so the 1 MB page here is generated from starter-pack names instead.
import { resolve } from 'node:path';
import { contentScriptReader, sleep, startTrace } from './bench-browser.mjs';
import { launchWithExtension } from './browser.mjs';
import { readerArticle } from './bench-reader-article.mjs';
import { startStaticServer } from './static-server.mjs';
import { median, percentile } from './stats.mjs';

/** What the reading mode aims at (the same figures the report prints beside the results). */
export const READER_TARGETS = { typicalMs: 300, largeMs: 1000, sourceTaskMs: 50 };

/** The extension's service worker; a new one when Chromium has stopped the last (MV3 workers come and go). */
async function serviceWorker(session) {
  const own = (w) => w.url().startsWith(`chrome-extension://${session.extensionId}/`);
  return session.context.serviceWorkers().find(own) ?? session.context.waitForEvent('serviceworker', { predicate: own, timeout: 30_000 });
}

/**
 * The browser's id of the tab showing `url`, as the reading mode is given it. There is no tab id in
 * the DevTools protocol: the extension's service worker asks chrome.tabs.
 */
export async function tabIdOf(session, url) {
  const worker = await serviceWorker(session);
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const matching = tabs.filter((tab) => tab.url === target);
    // A page may have changed its own address since (history.replaceState): then the only web page open.
    const web = tabs.filter((tab) => /^https?:/.test(tab.url ?? ''));
    const tab = matching.length === 1 ? matching[0] : web.length === 1 ? web[0] : null;
    if (!tab?.id) throw new Error(`no single tab at ${target} (${matching.length} at that address, ${web.length} web pages open)`);
    return tab.id;
  }, url);
}

/**
 * Opens `url` in a new tab and waits until Backstory has read it: its first full scan done
 * (`timings.allMarks`) and its mark count unchanged for `quietMs` — or, when its content script never
 * answers, `noScriptGraceMs` after the load; or `timeout` after it began. Returns { page, cdp, marks,
 * answered, settled }; throws (the page closed) when the page does not load.
 */
export async function openSettled(context, url, { timeout = 60_000, quietMs = 400, noScriptGraceMs = 4000 } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const read = await contentScriptReader(cdp);
  const deadline = Date.now() + timeout;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  } catch (error) {
    await page.close();
    throw error;
  }
  // A real page's load event may wait on a resource that never comes: its marks are what is waited for.
  await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
  const loadedAt = Date.now();
  let last = null;
  let stableSince = Date.now();
  for (;;) {
    const text = await read('JSON.stringify(globalThis.backstory ? { allMarks: globalThis.backstory.timings.allMarks ?? null, marks: globalThis.backstory.marks() } : null)');
    const progress = text ? JSON.parse(text) : null;
    if (text !== last) {
      last = text;
      stableSince = Date.now();
    }
    if (progress?.allMarks != null && Date.now() - stableSince >= quietMs) return { page, cdp, marks: progress.marks, answered: true, settled: true };
    if ((!progress && Date.now() - loadedAt > noScriptGraceMs) || Date.now() > deadline) return { page, cdp, marks: progress?.marks ?? null, answered: !!progress, settled: false };
    await sleep(50);
  }
}

/** The name the source page's mark goes by in the trace: it tells which process and thread are that page's. */
const SOURCE_MARK = 'backstory-bench:source-page';

/**
 * Runs in the source page's main world, from the moment the reader is about to open: records what the
 * Long Tasks API reports from now on (`buffered: false`), and leaves a User Timing mark for the trace
 * (see sourceTasksInTrace). Returns the page's clock now and its time origin, to line its times up
 * with the reader page's.
 */
function installWatch(markName) {
  const record = { tasks: [] };
  Object.defineProperty(globalThis, '__benchReaderWatch', { value: record, configurable: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  return { from: performance.mark(markName).startTime, timeOrigin: performance.timeOrigin };
}

/** Top-level tasks of a thread in a Chromium trace (the name changed over Chromium's versions). */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The source page's tasks in a trace after its mark (made at `markedAt` on its clock), as { start (on
 * the page's clock), duration, cpu (thread time) } in ms. The Long Tasks API does not report a task
 * that runs only extension code, and the snapshot is exactly that — the content script answering a
 * runtime message, on the page's main thread (a 4 MB page here: tasks of 180–290 ms in the trace, not
 * one long-task entry) — so the trace is what says how long the page was held. Its thread is the one
 * that recorded the page's mark.
 */
function sourceTasksInTrace(events, markedAt) {
  const mark = events.find((e) => e.name === SOURCE_MARK);
  if (!mark) return null;
  return events
    .filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && e.pid === mark.pid && e.tid === mark.tid && e.ts >= mark.ts)
    .map((e) => ({ start: markedAt + (e.ts - mark.ts) / 1000, duration: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}

/**
 * Runs in the reader page before its own scripts: notes (on its clock) when it asks the background
 * for the page's snapshot and when the answer arrives, which splits the time its own timings leave
 * out into the page's start (bundle, database, settings, first render), the snapshot's round trip
 * (the background, the content script serialising the page, the message) and what follows the
 * phases it times (build, layout, paint).
 */
function watchSnapshot() {
  const seen = {};
  Object.defineProperty(globalThis, '__benchReaderSnapshot', { value: seen });
  const wrap = (runtime) => {
    const send = runtime?.sendMessage;
    if (typeof send !== 'function') return;
    try {
      runtime.sendMessage = function (...args) {
        if (args[0]?.type !== 'reader-snapshot') return send.apply(this, args);
        seen.asked = performance.now();
        const received = () => (seen.received ??= performance.now());
        // The callback form (webextension-polyfill over `chrome`) or the promise form (`browser`).
        const last = args.length - 1;
        if (typeof args[last] === 'function') {
          const callback = args[last];
          args[last] = (...reply) => {
            received();
            return callback(...reply);
          };
        }
        const result = send.apply(this, args);
        if (result && typeof result.then === 'function') result.then(received, received);
        return result;
      };
    } catch {}
  };
  wrap(globalThis.browser?.runtime);
  if (globalThis.chrome?.runtime && globalThis.chrome.runtime !== globalThis.browser?.runtime) wrap(globalThis.chrome.runtime);
}

/** What the reader page shows once it says it is done (`dataset.reader`), read in that page. */
function readerOutcome() {
  const body = document.querySelector('article .article-body');
  return {
    state: document.documentElement.dataset.reader,
    figures: globalThis.backstoryReader ? { ...globalThis.backstoryReader, timings: { ...globalThis.backstoryReader.timings } } : null,
    timeOrigin: performance.timeOrigin,
    snapshot: { ...globalThis.__benchReaderSnapshot },
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    marks: document.querySelectorAll('article .bs-mark').length,
    chars: body ? body.textContent.replace(/\s+/g, ' ').trim().length : 0,
    message: document.querySelector('.reader-message [role="alert"]')?.textContent?.trim() ?? null,
  };
}

/**
 * One opening: the source page open and settled, the Long Tasks API (and with `trace`, a trace)
 * watching it, then reader.html?tab=ID in a new tab until it sets `dataset.reader`. Returns the run's
 * raw figures.
 */
async function readOnce(session, url, { timeout = 60_000, trace: traced = false } = {}) {
  const source = await openSettled(session.context, url, { timeout });
  let reader = null;
  let trace = null;
  try {
    if (!source.answered) throw new Error(`Backstory did not read ${url}`);
    const tabId = await tabIdOf(session, source.page.url());
    // A moment for the page's own work after its marks (painting near the screen) to be over.
    await sleep(300);
    if (traced) trace = await startTrace(source.cdp, ['toplevel', 'blink.user_timing']);
    const watch = await source.page.evaluate(installWatch, SOURCE_MARK);
    reader = await session.context.newPage();
    await reader.addInitScript(watchSnapshot);
    await reader.goto(`chrome-extension://${session.extensionId}/reader.html?tab=${tabId}`, { timeout });
    // Polled every 50 ms rather than every frame: the poll runs in the reader page being timed.
    await reader.waitForFunction(() => document.documentElement.dataset.reader !== undefined, null, { timeout, polling: 50 });
    const shown = await reader.evaluate(readerOutcome);
    // Long-task entries reach observers a little after the task ended.
    await sleep(150);
    const observed = await source.page.evaluate(() => globalThis.__benchReaderWatch.tasks);
    const inTrace = trace && sourceTasksInTrace(await trace.stop(), watch.from);
    trace = null;
    if (!shown.figures) throw new Error(`the reader page set dataset.reader = ${shown.state} but no backstoryReader`);
    // The reader's shownAt on the source page's clock: what the page did while the reader extracted.
    const until = shown.timeOrigin + shown.figures.shownAt - watch.timeOrigin;
    const between = (entries) => entries.filter((e) => e.start >= watch.from && e.start <= until);
    const tasks = between(observed);
    const tracedTasks = inTrace && between(inTrace);
    const longestTraced = tracedTasks?.reduce((longest, t) => (t.duration > (longest?.duration ?? -1) ? t : longest), null);
    return {
      ok: shown.figures.ok,
      message: shown.message,
      shownAt: shown.figures.shownAt,
      timings: shown.figures.timings ?? null,
      domContentLoaded: shown.domContentLoaded,
      snapshotAsked: shown.snapshot.asked ?? null,
      snapshotReceived: shown.snapshot.received ?? null,
      marks: shown.marks,
      chars: shown.chars,
      pageMarks: source.marks,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      tasksOver50: tasks.filter((t) => t.duration >= READER_TARGETS.sourceTaskMs).length,
      traced,
      // null when not traced, or when the trace lost the page's mark: no figure rather than a wrong 0.
      longestTraced: longestTraced ? longestTraced.duration : tracedTasks ? 0 : null,
      longestTracedCpu: longestTraced ? longestTraced.cpu : tracedTasks ? 0 : null,
      tracedOver50: tracedTasks ? tracedTasks.filter((t) => t.duration >= READER_TARGETS.sourceTaskMs).length : null,
    };
  } finally {
    await trace?.stop().catch(() => undefined);
    await reader?.close();
    await source.cdp.detach().catch(() => undefined);
    await source.page.close();
  }
}

/**
 * The phases of one run, in ms: those the reader page times itself, and "rest", what its timings do
 * not name — split, when the snapshot was seen asked and answered, into the reader page's start (up to
 * asking), the snapshot's round trip, and what follows (building the body — `timings.build` — layout, paint).
 */
export function phasesOf(run) {
  const t = run.timings ?? {};
  const phases = {
    extract: (t.parse ?? 0) + (t.readability ?? 0),
    sanitize: t.sanitize ?? 0,
    matching: (t.lookup ?? 0) + (t.match ?? 0) + (t.wrap ?? 0),
    lookup: t.lookup ?? null,
    match: t.match ?? null,
    wrap: t.wrap ?? null,
    build: t.build ?? null,
  };
  phases.rest = Math.max(0, run.shownAt - phases.extract - phases.sanitize - phases.matching);
  if (run.snapshotAsked !== null && run.snapshotAsked !== undefined && run.snapshotReceived !== null && run.snapshotReceived !== undefined) {
    phases.start = run.snapshotAsked;
    phases.snapshot = run.snapshotReceived - run.snapshotAsked;
    phases.after = Math.max(0, phases.rest - phases.start - phases.snapshot);
  }
  return phases;
}

/** The trace's figures over the runs that have one: the worst task, its thread time, and how many reached 50 ms. */
function tracedSummary(runs) {
  const traced = runs.filter((r) => r.longestTraced !== null && r.longestTraced !== undefined);
  if (!traced.length) return { longestTraced: null, longestTracedCpu: null, tracedOver50: null, tracedRuns: 0 };
  const worst = traced.reduce((a, b) => (b.longestTraced > a.longestTraced ? b : a));
  return { longestTraced: worst.longestTraced, longestTracedCpu: worst.longestTracedCpu, tracedOver50: traced.reduce((n, r) => n + r.tracedOver50, 0), tracedRuns: traced.length };
}

/** A case's summary over its runs: median and p95 time to shown, the median run's phases, the source page's worst. */
function summarise(runs) {
  const shown = runs.filter((r) => r.ok).map((r) => r.shownAt);
  // The run whose time to shown is the median (the lower middle one for an even count): its phases add up.
  const byTime = runs.filter((r) => r.ok).sort((a, b) => a.shownAt - b.shownAt);
  const middle = byTime[Math.floor((byTime.length - 1) / 2)] ?? null;
  return {
    runs: runs.length,
    ok: shown.length,
    medianMs: median(shown),
    p95Ms: shown.length >= 5 ? percentile(shown, 95) : null,
    minMs: shown.length ? Math.min(...shown) : null,
    maxMs: shown.length ? Math.max(...shown) : null,
    medianRun: middle && { ...middle, phases: phasesOf(middle) },
    marks: middle?.marks ?? null,
    longestTask: Math.max(0, ...runs.map((r) => r.longestTask)),
    tasksOver50: runs.reduce((n, r) => n + r.tasksOver50, 0),
    failures: runs.filter((r) => !r.ok).map((r) => r.message ?? r.error ?? 'failed'),
  };
}

/**
 * Waits until the starter pack, imported on first start, answers the service worker's lookup: until
 * the demo page gets marks. A page read before the import was done stays unmarked, so it is reloaded.
 */
async function waitForStarterPack(session, url, { timeout = 90_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const opened = await openSettled(session.context, url, { timeout: 20_000 });
    await opened.cdp.detach().catch(() => undefined);
    await opened.page.close();
    if (opened.marks > 0) return opened.marks;
    await sleep(1000);
  }
  throw new Error(`the demo page got no marks within ${timeout / 1000} s: the starter pack was not imported`);
}

/**
 * The reading-mode bench: `runs` openings per case in one fresh browser. Returns the cases, each with
 * its raw runs and their summary, the pages' sizes, and the first opening of the session (not counted).
 */
export async function benchReader({ extension, log, runs = 5 }) {
  const large = readerArticle(2 ** 20);
  const server = await startStaticServer({
    root: resolve(import.meta.dirname, '../../tests/fixtures'),
    routes: { '/reader-1m.html': () => ({ body: large.html }) },
  });
  const cases = [
    { key: 'demo article', path: '/demo/', target: READER_TARGETS.typicalMs },
    { key: '1 MB article', path: '/reader-1m.html', target: READER_TARGETS.largeMs, bytes: Buffer.byteLength(large.html), mentionsWritten: large.mentions },
  ];
  const session = await launchWithExtension({ extension });
  try {
    log('reading mode: waiting for the starter pack to answer lookups');
    await waitForStarterPack(session, `${server.origin}/demo/`);
    // Not counted, as the bench's first loads are not: the first reader page of a session also compiles
    // the reader's bundle and opens its database. Kept in the raw figures.
    const first = await readOnce(session, `${server.origin}/demo/`).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }));
    const attempt = async (c, i, trace) => {
      try {
        return await readOnce(session, `${server.origin}${c.path}`, { trace });
      } catch (error) {
        const message = String(error?.message ?? error).split('\n')[0].slice(0, 200);
        log(`  ${trace ? 'traced ' : ''}run ${i + 1} failed: ${message}`);
        return { ok: false, traced: trace, error: message, longestTask: 0, tasksOver50: 0, longestTraced: null };
      }
    };
    for (const c of cases) {
      log(`reading mode: ${c.key}, ${runs} timed opening${runs === 1 ? '' : 's'}, then ${runs} traced`);
      c.runs = [];
      for (let i = 0; i < runs; i++) c.runs.push(await attempt(c, i, false));
      // As many again under a trace, for the source page's tasks only: their times are not counted.
      c.tracedRuns = [];
      for (let i = 0; i < runs; i++) c.tracedRuns.push(await attempt(c, i, true));
      c.summary = { ...summarise(c.runs), ...tracedSummary(c.tracedRuns) };
      const s = c.summary;
      const inTrace = s.longestTraced === null ? 'n/a' : `${Math.round(s.longestTraced)} ms`;
      log(`  shown ${s.medianMs === null ? 'n/a' : Math.round(s.medianMs)} ms (median), ${s.marks ?? 'n/a'} marks; longest source-page task ${Math.round(s.longestTask)} ms (Long Tasks API), ${inTrace} (trace)`);
    }
    return { runs, targets: READER_TARGETS, firstOpening: first, cases };
  } finally {
    await session.close();
    await server.close();
  }
}
