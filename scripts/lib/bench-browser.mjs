// What the bench does in the browser: import a pack through the options page, load an article and
// read Backstory's own timings from its content script's isolated world, run mark.js for comparison.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onScreenProgram } from './on-screen.mjs';
import { countStoredRows } from './stored-rows.mjs';

const STARTER_PACK_ID = 'post-soviet-politics';
const IMPORT_INPUT = 'input[type=file][aria-label="Import pack"]';
const CONTENT_SCRIPT_WORLD = 'Backstory';
/** Terms per mark.js call: mark.js recurses once per term, and thousands in one call overflow the stack. */
export const MARKJS_BATCH = 500;

/** An error's first line, short enough for a progress line. */
export const firstLine = (error) => String(error?.message ?? error).split('\n')[0].slice(0, 160);

/** The options page of the extension, with confirm() dialogs accepted (pack removal asks one). */
export async function openOptions(session) {
  const page = await session.context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.waitForSelector(IMPORT_INPUT, { state: 'attached' });
  return page;
}

/** Removes the starter pack imported on install, so the KB holds the bench's entities only. */
export async function removeStarterPack(options, { timeout = 60_000 } = {}) {
  const row = options.locator('table.packs tr', { hasText: STARTER_PACK_ID });
  await row.waitFor({ timeout });
  await row.getByRole('button', { name: 'Remove' }).click();
  await options.waitForFunction(() => /^Removed/.test(document.querySelector('.import-status')?.textContent?.trim() ?? ''), null, { timeout });
  await row.waitFor({ state: 'detached', timeout });
}

/**
 * Imports a pack file through the "Import pack" input and times it in the page, from the input's change
 * event to the status that starts "Imported". Returns { ms, status } or { failed, status } or
 * { unfinished: true, ms } when the status has not come within `timeout`.
 */
export async function importThroughOptions(options, file, { timeout }) {
  await options.evaluate((selector) => {
    const record = { start: 0, end: 0, failed: false, status: '' };
    globalThis.__benchImport = record;
    const input = document.querySelector(selector);
    input.addEventListener('change', () => (record.start = performance.now()), { capture: true });
    const status = document.querySelector('.import-status');
    new MutationObserver(() => {
      const text = status.textContent.trim();
      if (record.end || record.failed) return;
      if (/^Imported/.test(text)) {
        record.end = performance.now();
        record.status = text;
      } else if (/was not imported/.test(text)) {
        record.failed = true;
        record.status = text;
      }
    }).observe(status, { subtree: true, childList: true, characterData: true });
  }, IMPORT_INPUT);
  const started = Date.now();
  await options.setInputFiles(IMPORT_INPUT, file);
  try {
    await options.waitForFunction(() => globalThis.__benchImport.end || globalThis.__benchImport.failed, null, { timeout, polling: 250 });
  } catch {
    // Where the import had got to, as its progress bar says ("Importing… 24,000 of 100,000 entities").
    const progress = await options.evaluate(
      () =>
        document.querySelector('.import-progress progress')?.getAttribute('aria-valuetext') ||
        document.querySelector('.import-status')?.textContent?.trim() ||
        '',
    );
    return { unfinished: true, ms: Date.now() - started, progress };
  }
  const record = await options.evaluate(() => globalThis.__benchImport);
  return record.failed ? { failed: true, status: record.status } : { ms: record.end - record.start, status: record.status };
}

/**
 * Writes an extension whose content script does nothing but note when it ran and ask for one frame once
 * the page has loaded, injected where and when Backstory's is: what the browser itself costs a page for
 * injecting a content script, whatever it does.
 *
 * The frame matters: at the first frame after the load event Chromium reads the whole page's text for
 * its language detection (ChromeRenderFrameObserver::CapturePageText, about 150 ms on the 5 MB page
 * here), inside that frame's lifecycle update. A page nobody touches may never draw that frame; any
 * content script that paints something, a scroll or a hover does. Without it this control would leave
 * out a task every marking extension, and every reader's first scroll, pays.
 */
export function emptyExtension(dir) {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Bench control: an empty content script',
    version: '1.0',
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: 'document_idle' }],
    // An empty one: the bench's launcher learns an extension's id from its service worker.
    background: { service_worker: 'background.js' },
  };
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'content.js'),
    [
      "performance.mark('bench-empty-content-script');",
      'const frame = () => requestAnimationFrame(() => undefined);',
      "if (document.readyState === 'complete') frame();",
      "else addEventListener('load', frame, { once: true });",
      '',
    ].join('\n'),
  );
  return dir;
}

/** Rows in the extension's knowledge base, counted with plain IndexedDB from an extension page. */
export function countRows(options) {
  return options.evaluate(countStoredRows);
}

/** What the browser says the extension's origin stores (navigator.storage.estimate), in bytes. */
export function storageEstimate(options) {
  return options.evaluate(async () => {
    const estimate = await navigator.storage.estimate();
    return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
  });
}

function directorySize(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

/** The size on disk of the extension origin's IndexedDB folders in the profile, in bytes. */
export function indexedDbOnDisk(userDataDir, extensionId) {
  const dir = join(userDataDir, 'Default', 'IndexedDB');
  let total = 0;
  try {
    for (const entry of readdirSync(dir)) if (entry.startsWith(`chrome-extension_${extensionId}_`)) total += directorySize(join(dir, entry));
  } catch {
    return null;
  }
  return total;
}

/**
 * Records, from the very start of the document and in the page's main world:
 * - blocks: stretches in which a 'user-blocking' task the page posts every 10 ms could not run, i.e.
 *   the main thread was held without a break (script, garbage collection, style, layout, paint).
 *   Chrome's Long Tasks API, and a long animation frame's blocking duration, leave out a task that
 *   runs only extension code, such as a content script's continuation after a runtime.sendMessage
 *   reply; this probe waits for it all the same. Work that yields with scheduler.yield() does not
 *   block it, as that yields to input and user-blocking tasks.
 * - starved: the same for an ordinary 10 ms interval timer, which scheduler.yield() continuations go
 *   before: how long the page's own timers were held up.
 * - long tasks and long animation frames as Chrome reports them.
 * Stretches shorter than `minBlockMs` are not kept (50 ms, a long task, unless told otherwise).
 */
export function recordLongTasks(minBlockMs = 50) {
  const record = { tasks: [], frames: [], blocks: [], starved: [] };
  Object.defineProperty(globalThis, '__benchLongTasks', { value: record });
  const every = 10;
  const probe = (into, schedule) => {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last - every >= minBlockMs) into.push({ start: last + every, duration: now - last - every });
      last = now;
      schedule(tick);
    };
    schedule(tick);
  };
  const scheduler = globalThis.scheduler;
  if (scheduler?.postTask) probe(record.blocks, (tick) => scheduler.postTask(tick, { priority: 'user-blocking', delay: every }));
  probe(record.starved, (tick) => setTimeout(tick, every));
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) record.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        record.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
}

async function pageTimings(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      responseEnd: nav?.responseEnd ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      load: nav?.loadEventEnd ?? null,
      longTasks: globalThis.__benchLongTasks?.tasks ?? [],
      blocks: globalThis.__benchLongTasks?.blocks ?? [],
      starved: globalThis.__benchLongTasks?.starved ?? [],
      frames: globalThis.__benchLongTasks?.frames ?? [],
      // Set by the bench's empty control extension (see emptyExtension) when its content script ran.
      contentScriptAt: performance.getEntriesByName('bench-empty-content-script')[0]?.startTime ?? null,
    };
  });
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? null };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a trace of the `categories` over `cdp`; `stop()` resolves to its events. Not free: it records
 * every task of every process, and slowed the reader's opening of the demo article by about 90 ms here
 * (250 → 340 ms), so traced loads are never the timed ones.
 */
export async function startTrace(cdp, categories) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}

/**
 * Reads values from Backstory's content script's isolated world in the tab of `cdp`, where
 * `globalThis.backstory` lives: `await read('expression')` gives its value, or undefined while there is
 * no such world (yet).
 */
export async function contentScriptReader(cdp) {
  const worlds = new Set();
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.name === CONTENT_SCRIPT_WORLD && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')) worlds.add(c.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => worlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => worlds.clear());
  await cdp.send('Runtime.enable');
  return async (expression) => {
    for (const id of worlds) {
      try {
        const { result } = await cdp.send('Runtime.evaluate', { contextId: id, expression, returnByValue: true, awaitPromise: true });
        if (result.value !== undefined) return result.value;
      } catch {}
    }
    return undefined;
  };
}

/**
 * Loads `url` in a new tab and measures it. With `backstory: true`, waits for the content script's
 * timings.allMarks (read over CDP in its isolated world) and reads its marks; otherwise measures the
 * page alone. `profile: true` records a CPU profile of the whole load. `onScreen` ({ places,
 * scrollSteps, limitMs }): last, walks the page as a reader would (see on-screen.mjs).
 */
export async function measurePage(context, url, { backstory, timeout = 180_000, profile = false, settleMs = 600, onScreen = null }) {
  const page = await context.newPage();
  await page.addInitScript(recordLongTasks);
  const cdp = await context.newCDPSession(page);
  const read = await contentScriptReader(cdp);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  const result = {};
  const deadline = Date.now() + timeout;
  await page.goto(url, { waitUntil: 'commit', timeout });

  if (backstory) {
    let timings;
    for (;;) {
      const text = await read('JSON.stringify(globalThis.backstory?.timings ?? null)');
      timings = text ? JSON.parse(text) : null;
      if (timings?.allMarks !== undefined) break;
      if (Date.now() > deadline) {
        result.timedOut = true;
        break;
      }
      await sleep(50);
    }
    result.timings = timings;
    result.marks = await read('globalThis.backstory?.marks()');
    result.entities = await read('globalThis.backstory?.counts().length');
  }
  await page.waitForLoadState('load', { timeout: Math.max(1000, deadline - Date.now()) }).catch(() => undefined);
  // Long-task entries reach observers a little after the task ended.
  await sleep(settleMs);
  if (profile) {
    // Ties the profile's clock to the page's: a function of a known name, run at a known performance.now().
    result.clockSyncAt = await page.evaluate(() => {
      const at = performance.now();
      const spin = function __benchClockSync() {
        while (performance.now() - at < 15);
      };
      spin();
      return at;
    });
    const { profile: cpu } = await cdp.send('Profiler.stop');
    result.cpuProfile = cpu;
  }
  Object.assign(result, await pageTimings(page));
  result.heap = await heapAfterGc(cdp);
  // After the figures of the load: the walk scrolls the page and paints what it comes near.
  if (backstory && onScreen) result.onScreen = JSON.parse((await read(onScreenProgram(onScreen))) ?? 'null');
  await cdp.detach().catch(() => undefined);
  await page.close();
  return result;
}

/** Marking mark.js's way: wraps every occurrence of `names` in <mark>, timed inside the page. */
export async function timeMarkJs(context, url, names, markJsPath, { timeout }) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ path: markJsPath });
  const run = page.evaluate(
    ({ terms, batch }) =>
      new Promise((resolve, reject) => {
        const marker = new globalThis.Mark(document.body);
        const options = {
          // mark.js's "exactly" ends a word at whitespace only unless told the punctuation that may follow it.
          accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '(', ')', '“', '”', '"', '’', "'"] },
          separateWordSearch: false,
          // Terms come longest first; without this, "Surname" would be marked again inside "Given Surname".
          exclude: ['mark'],
        };
        let count = 0;
        const start = performance.now();
        try {
          // The batches run one after the other in the same task: each call is synchronous.
          for (let i = 0; i < terms.length; i += batch) {
            marker.mark(terms.slice(i, i + batch), { ...options, done: (n) => (count += n) });
          }
        } catch (error) {
          reject(error);
          return;
        }
        resolve({ ms: performance.now() - start, count });
      }),
    { terms: names, batch: MARKJS_BATCH },
  );
  let timer;
  const outcome = await Promise.race([run, new Promise((resolve) => (timer = setTimeout(() => resolve({ timedOut: true }), timeout)))]);
  clearTimeout(timer);
  if (outcome.timedOut) {
    run.catch(() => undefined);
    return outcome; // The caller closes the browser: the page's main thread is still busy marking.
  }
  await page.close();
  return outcome;
}
