// `npm run bench`, first-marks part: how soon after DOMContentLoaded a reader sees the first marks on a
// news page, and where the time before them goes — the content script's start, the service worker's
// wake-up and its database reads, the lookup, matching and painting — with the worker warm (it answered
// a page a moment ago) and cold (stopped before the load, as MV3 stops an idle worker).
//
// The page is the demo article (the seed article, tests/fixtures/demo) with six images the server
// answers only after 700 ms, as a news page's pictures and ads load long after its text: so the page's
// `load` event comes well after DOMContentLoaded, as on real pages. "First visible mark" is measured
// from outside Backstory: a script of the page's own looks at the page's highlight registry every
// frame and notes the first frame in which a registered range lies on screen.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from './browser.mjs';
import { contentScriptReader, emptyExtension, firstLine, recordLongTasks, sleep, startTrace } from './bench-browser.mjs';
import { measureCost } from './corpus-cost.mjs';
import { median, percentile } from './stats.mjs';
import { startStaticServer } from './static-server.mjs';

const IMAGE_DELAY_MS = 700;
const IMAGES = 6;
// A 1×1 transparent PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The page's side: the first animation frame in which a range of the highlight registry is on screen. */
function watchFirstVisibleMark() {
  const record = { firstVisible: null };
  Object.defineProperty(globalThis, '__benchFirstMarks', { value: record });
  const onScreen = () => {
    for (const [, highlight] of globalThis.CSS?.highlights ?? []) {
      for (const range of highlight) {
        const box = range.getBoundingClientRect();
        if (box.width > 0 && box.bottom > 0 && box.top < innerHeight) return true;
      }
    }
    return false;
  };
  const frame = (now) => {
    if (onScreen()) record.firstVisible = now;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The news page: the demo article with late images at its head and between its paragraphs. */
function newsPage(root) {
  const html = readFileSync(join(root, 'tests/fixtures/demo/index.html'), 'utf8');
  const image = (i) => `<img src="/late-${i}.png" width="640" height="1" alt="">`;
  let i = 0;
  return html.replace(/<\/p>/g, (end) => (i < IMAGES ? `${end}${image(i++)}` : end));
}

/** The steps of one load, in ms after the page's DOMContentLoaded. */
function stepsOf({ page, phases, worker }) {
  const dcl = page.domContentLoaded;
  const fromPage = (t) => (Number.isFinite(t) ? t - dcl : null);
  // The worker's clock has its own origin: both are brought to the page's through the epoch.
  const fromWorker = (t) => (worker && Number.isFinite(t) ? worker.timeOrigin + t - page.timeOrigin - dcl : null);
  // This load's status request, and the first lookup after it (the on-screen blocks').
  const requests = worker?.timings.requests ?? [];
  const statusIndex = requests.findLastIndex((r) => r.type === 'site-status');
  const status = requests[statusIndex];
  const lookup = requests.slice(statusIndex + 1).find((r) => r.type === 'lookup');
  return {
    contentScript: fromPage(phases?.loaded),
    statusAsked: fromPage(phases?.statusAsked),
    workerCreated: fromWorker(0),
    workerStarted: fromWorker(worker?.timings.started),
    workerReady: fromWorker(worker?.timings.ready),
    statusReceived: fromWorker(status?.received),
    statusAnswered: fromPage(phases?.statusAnswered),
    markerRun: fromPage(phases?.markerRun),
    markingStart: fromPage(phases?.start),
    lookupAsked: fromPage(phases?.lookupAsked),
    lookupReceived: fromWorker(lookup?.received),
    lookupSent: fromWorker(lookup?.answered),
    lookupAnswered: fromPage(phases?.lookupAnswered),
    firstMark: fromPage(phases?.firstMark),
    firstVisible: fromPage(page.firstVisible),
    load: fromPage(page.load),
    longestTask: Math.max(0, ...page.longTasks.map((t) => t.duration)),
  };
}

/** Reads the running worker's timings (the newest worker of the extension that answers). */
async function workerTimings(context, extensionId) {
  const workers = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  for (const worker of workers.reverse()) {
    const value = await Promise.race([worker.evaluate(() => globalThis.backstoryWorker && JSON.parse(JSON.stringify(globalThis.backstoryWorker))).catch(() => null), sleep(2000).then(() => null)]);
    if (value) return value;
  }
  return null;
}

async function loadOnce(session, url) {
  const page = await session.context.newPage();
  await page.addInitScript(recordLongTasks, 20);
  await page.addInitScript(watchFirstVisibleMark);
  const cdp = await session.context.newCDPSession(page);
  const read = await contentScriptReader(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !(await page.evaluate(() => globalThis.__benchFirstMarks.firstVisible !== null))) await sleep(50);
  await sleep(300);
  const phasesText = await read('JSON.stringify(globalThis.backstory?.phases() ?? null)');
  const pageFigures = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      timeOrigin: performance.timeOrigin,
      domContentLoaded: nav.domContentLoadedEventStart,
      load: nav.loadEventStart,
      firstVisible: globalThis.__benchFirstMarks.firstVisible,
      longTasks: [...globalThis.__benchLongTasks.tasks, ...globalThis.__benchLongTasks.blocks],
    };
  });
  const worker = await workerTimings(session.context, session.extensionId);
  await page.close();
  return stepsOf({ page: pageFigures, phases: phasesText ? JSON.parse(phasesText) : null, worker });
}

const JS_EVENTS = new Set(['EvaluateScript', 'v8.evaluateModule', 'v8.compileModule', 'FunctionCall', 'RunMicrotasks', 'V8.Execute', 'v8.run']);

/**
 * One load traced, without the bench's own probes in the page: the page has no script of its own, so
 * all JavaScript on its main thread is Backstory's. For each task, Backstory's part is the time of the
 * outermost script events in it (with the style and layout they force); the rest is the page's own
 * (parsing, style, layout, paint), in which Backstory's content script is evaluated at document_start.
 * Returns the longest part of Backstory's in one task, the longest task and the marker module's
 * evaluation, in ms.
 */
async function tracedLoad(session, url) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const trace = await startTrace(cdp, ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'loading']);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await sleep(1500);
  const events = await trace.stop();
  await page.close();
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) return null;
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.ts >= parse.ts - 200_000);
  const within = (outer, e) => e !== outer && e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + outer.dur;
  let ours = 0;
  let longestTask = 0;
  for (const task of onMain.filter((e) => e.name === 'RunTask')) {
    longestTask = Math.max(longestTask, task.dur / 1000);
    const scripts = onMain.filter((e) => JS_EVENTS.has(e.name) && within(task, e));
    const outermost = scripts.filter((e) => !scripts.some((other) => within(other, e)));
    ours = Math.max(ours, outermost.reduce((sum, e) => sum + e.dur, 0) / 1000);
  }
  // The marker's module (page-marker.js) evaluated in the content script's world: its top level only.
  const moduleEval = onMain.filter((e) => e.name === 'v8.evaluateModule' && e.args?.worldName).reduce((longest, e) => Math.max(longest, e.dur / 1000), 0);
  return { longestScriptTask: ours, longestPageTask: longestTask, moduleEval };
}

/** Stops the extension's service worker, as the browser does after 30 s without events. */
async function stopWorker(session) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await sleep(500);
  await page.close();
}

/** `runs` loads with a warm worker and `runs` with a cold one, alternating. */
export async function benchFirstMarks({ extension, root, runs = 7, log }) {
  const server = await startStaticServer({
    root: join(root, 'tests/fixtures'),
    routes: {
      '/demo/news.html': () => ({ body: newsPage(root) }),
      ...Object.fromEntries(
        Array.from({ length: IMAGES }, (_, i) => [`/late-${i}.png`, async () => (await sleep(IMAGE_DELAY_MS), { body: PIXEL, type: 'image/png' })]),
      ),
    },
  });
  const url = `${server.origin}/demo/news.html`;
  const session = await launchWithExtension({ extension });
  const controlDir = mkdtempSync(join(os.tmpdir(), 'backstory-control-'));
  const result = { runs, imageDelayMs: IMAGE_DELAY_MS, warm: [], fresh: [], cold: [] };
  // Tells the worker, from an extension page, that the knowledge base changed: it drops the names it
  // kept. The page is closed again: an open extension page keeps the extension's process alive, which
  // would make a stopped worker start faster than it does for a reader.
  const forgetNames = async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'knowledge-changed' }));
    await options.close();
    await sleep(300);
  };
  try {
    // The starter pack is imported as the worker first starts; the first loads compile what later ones find cached.
    for (let i = 0; i < 3; i++) await loadOnce(session, url).catch(() => undefined);
    for (let i = 0; i < runs; i++) {
      log(`  first marks: load ${i + 1} of ${runs}, worker warm, warm with the page's names new to it, then cold`);
      await loadOnce(session, url).catch(() => undefined);
      result.warm.push(await loadOnce(session, url));
      await forgetNames();
      result.fresh.push(await loadOnce(session, url));
      await stopWorker(session);
      result.cold.push(await loadOnce(session, url));
    }
    // Backstory's tasks, read from traces: the longest, warm and cold.
    result.traced = { warm: [], cold: [] };
    for (let i = 0; i < Math.min(3, runs); i++) {
      log(`  first marks: traced load ${i + 1}, worker warm, then cold`);
      await loadOnce(session, url).catch(() => undefined);
      result.traced.warm.push(await tracedLoad(session, url));
      await stopWorker(session);
      result.traced.cold.push(await tracedLoad(session, url));
    }
    // What the page's main thread pays, against a control whose content script does nothing (as the
    // corpus run measures it: the longest stretch from DOMContentLoaded until a second after all marks).
    log(`  first marks: main-thread cost against the control (${runs} loads each)`);
    const control = await launchWithExtension({ extension: emptyExtension(controlDir) });
    try {
      await measureCost({ backstory: session, control }, url, { runs: 1 }).catch(() => undefined);
      result.cost = await measureCost({ backstory: session, control }, url, { runs });
    } finally {
      await control.close();
    }
  } catch (error) {
    result.error = firstLine(error);
  } finally {
    rmSync(controlDir, { recursive: true, force: true });
    await session.close();
    await server.close();
  }
  return result;
}

const STEPS = [
  ['contentScript', 'content script runs (loader)'],
  ['statusAsked', 'site status asked'],
  ['workerCreated', 'service worker created (its clock’s origin)'],
  ['workerStarted', 'service worker’s script evaluated'],
  ['workerReady', 'service worker ready (database open, starter pack checked)'],
  ['statusReceived', 'site status received by the worker'],
  ['statusAnswered', 'site status answered in the page'],
  ['markerRun', 'marker runs (module evaluated, page parsed and drawn)'],
  ['markingStart', 'marking starts'],
  ['lookupAsked', 'first lookup asked'],
  ['lookupReceived', 'lookup received by the worker'],
  ['lookupSent', 'lookup answered by the worker'],
  ['lookupAnswered', 'lookup answer in the page'],
  ['firstMark', 'first mark matched and handed to the painter'],
  ['firstVisible', '**first visible mark** (page’s registry, on screen, in a frame)'],
  ['load', 'page’s load event'],
];

/** The loads' figures for `key`, in ms, as "a, b, c". */
const tracedFigure = (loads, key) => loads.map((load) => (load ? Math.round(load[key]) : '–')).join(', ');

/** The Markdown section. */
export function firstMarksReport(result) {
  if (!result?.warm?.length) return `## First marks\n\nNot measured${result?.error ? `: ${result.error}` : ''}.`;
  const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)}`);
  const column = (runs, key, p) => {
    const values = runs.map((r) => r[key]).filter(Number.isFinite);
    return values.length ? (p === 50 ? median(values) : percentile(values, p)) : null;
  };
  const rows = STEPS.map(
    ([key, label]) => `| ${label} | ${[result.warm, result.fresh, result.cold].map((runs) => `${ms(column(runs, key, 50))} | ${ms(column(runs, key, 95))}`).join(' | ')} |`,
  );
  const longest = (runs) => Math.max(...runs.map((r) => r.longestTask));
  return [
    '## First marks',
    '',
    `The demo article as a news page (its images answered after ${result.imageDelayMs} ms, so \`load\` comes late); ${result.warm.length} loads with the service worker warm (it answered this page a moment before, and keeps the names it looked up), ${result.fresh.length} with it warm but told the knowledge base changed (so the page's names are new to it, as on an article it has not seen) and ${result.cold.length} with it stopped just before (cold), in turn. Milliseconds after the page's DOMContentLoaded; the worker's steps brought to the page's clock through the epoch.`,
    '',
    '| step | warm median | warm p95 | names new, median | names new, p95 | cold median | cold p95 |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    `| longest main-thread stretch during the load (ms) | ${[result.warm, result.fresh, result.cold].map((runs) => `${ms(median(runs.map((r) => r.longestTask)))} | ${ms(longest(runs))} (max)`).join(' | ')} |`,
    '',
    result.traced
      ? `Traced loads (${result.traced.warm.length} warm, ${result.traced.cold.length} cold; the page runs no script of its own, so all JavaScript in it is Backstory's): Backstory's longest part of one task ${tracedFigure(result.traced.warm, 'longestScriptTask')} ms warm, ${tracedFigure(result.traced.cold, 'longestScriptTask')} ms cold; the longest task, whoever's, ${tracedFigure(result.traced.warm, 'longestPageTask')} / ${tracedFigure(result.traced.cold, 'longestPageTask')} ms; the marker's module evaluated (its top level, \`v8.evaluateModule\`) in ${tracedFigure([...result.traced.warm, ...result.traced.cold], 'moduleEval')} ms. Tracing slows all three.`
      : '',
    '',
    result.cost
      ? `Main-thread cost on this page (medians of ${result.runs} loads each, worker warm, from DOMContentLoaded to a second after all marks): longest stretch ${ms(result.cost.backstory.longest)} ms with Backstory, ${ms(result.cost.control.longest)} ms with the do-nothing control (Δ ${ms(result.cost.backstory.longest - result.cost.control.longest)} ms); a 10 ms timer held up at most ${ms(result.cost.backstory.longestTimer)} ms vs ${ms(result.cost.control.longestTimer)} ms.`
      : 'Main-thread cost against the control: not measured.',
  ].join('\n');
}
