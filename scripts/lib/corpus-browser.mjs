// What the corpus run does in the browser: bring the knowledge in through the options page, load one
// page in a tab and read what happened there — its console errors (with the world that raised them),
// a snapshot of its DOM and, with the extension, Backstory's marks, counts and timings from the content
// script's isolated world.

import { onScreenProgram } from './on-screen.mjs';

const CONTENT_SCRIPT_WORLD = 'Backstory';
const OWN_WORLD = 'backstory-corpus';
const STARTER_PACK_ID = 'post-soviet-politics';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves to `fallback` when `promise` has not settled within `ms` (the promise keeps running). */
export function within(promise, ms, fallback) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Opens the options page and waits until the bundled starter pack is in the database. Right after
 * install the page's first query can fail while the background is still writing the starter pack
 * (it then logs "Backstory query failed" and shows no packs), so it is reloaded until the pack shows.
 */
export async function openOptions(session, { timeout = 60_000 } = {}) {
  const page = await session.context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  const deadline = Date.now() + timeout;
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  for (;;) {
    try {
      await page.locator('table.packs tr', { hasText: STARTER_PACK_ID }).waitFor({ timeout: Math.min(10_000, Math.max(1, deadline - Date.now())) });
      return page;
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`The starter pack did not show on the options page within ${timeout / 1000} s.`, { cause: error });
      await page.reload();
    }
  }
}

/**
 * Imports a pack file through the options page's "Import pack" input. Returns { ok: true, status } or
 * { ok: false, status, problems } as the page shows them, or { ok: false, status: 'timed out' }.
 */
export async function importPackThroughOptions(options, file, { timeout = 120_000 } = {}) {
  const labelled = options.locator('input[type=file][aria-label="Import pack"]');
  const input = (await labelled.count()) ? labelled : options.locator('input[type=file]').first();
  await input.setInputFiles(file);
  try {
    await options.waitForFunction(
      () => /^Imported|was not imported/.test(document.querySelector('.import-status')?.textContent?.trim() ?? ''),
      null,
      { timeout, polling: 200 },
    );
  } catch {
    return { ok: false, status: 'timed out', problems: [] };
  }
  const status = (await options.locator('.import-status').innerText()).trim();
  if (/^Imported/.test(status)) return { ok: true, status };
  const problems = await options.locator('.import-status li').allInnerTexts();
  return { ok: false, status: status.split('\n')[0], problems };
}

/** Text of a console call's arguments, as DevTools would print them. */
function consoleText(args) {
  return args
    .map((arg) => (arg.type === 'string' ? arg.value : (arg.description ?? arg.unserializableValue ?? String(arg.value ?? arg.type))))
    .join(' ');
}

/**
 * Runs in a world of its own (never the page's, whose globals a page script may have replaced): the
 * document serialised without Backstory's UI host, and a fingerprint that survives a page whose
 * scripts make it differ from load to load.
 */
const DOM_SNAPSHOT = `(() => {
  const root = document.documentElement;
  if (!root) return JSON.stringify({ fetchedByBrowser: [], html: '', fingerprint: null, misplacedUiHosts: 0, strays: [] });
  const clone = root.cloneNode(true);
  for (const host of clone.querySelectorAll('backstory-ui')) host.remove();
  const tags = {};
  let elements = 0, attributes = 0;
  const strays = [];
  for (const element of root.getElementsByTagName('*')) {
    const tag = element.localName;
    if (tag === 'backstory-ui') continue;
    if (tag.startsWith('backstory')) strays.push(tag);
    if (element.closest('backstory-ui')) continue;
    elements++;
    attributes += element.attributes.length;
    tags[tag] = (tags[tag] ?? 0) + 1;
  }
  const fetchedByBrowser = [...document.querySelectorAll('link[rel~="icon" i], link[rel~="manifest" i]')].map((link) => link.href);
  return JSON.stringify({
    fetchedByBrowser: [...fetchedByBrowser, new URL('/favicon.ico', location.href).href],
    html: clone.outerHTML,
    fingerprint: { elements, attributes, text: (document.body?.textContent ?? '').length, tags },
    misplacedUiHosts: [...root.getElementsByTagName('backstory-ui')].filter((host) => host.parentNode !== root).length,
    strays,
  });
})()`;

/** Backstory's marks as the page shows them, its counts and timings (in the content script's world). */
const BACKSTORY_STATE = `(() => {
  const b = globalThis.backstory;
  if (!b) return null;
  // Every mark, painted or not yet: marks far from the screen are registered with CSS.highlights only
  // when the reader scrolls near them.
  const marks = b.markList().map(({ kind, range }) => {
    const element = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    const visible = range.getClientRects().length > 0 && (!element || element.checkVisibility({ visibilityProperty: true }));
    return { kind, text: range.toString(), visible };
  });
  return JSON.stringify({ timings: { ...b.timings }, counts: b.counts(), marks });
})()`;

const PROGRESS = `JSON.stringify(globalThis.backstory ? { allMarks: globalThis.backstory.timings.allMarks ?? null, marks: globalThis.backstory.marks() } : null)`;

/**
 * One tab of a browser, reused from page to page (opening a tab costs more than loading most pages),
 * with a DevTools session that follows its execution contexts and collects its errors with the world
 * that raised them: the page's, or Backstory's content script's isolated world.
 */
export class Tab {
  /** `extensionId`: Backstory's, in a browser that has it (other extensions' URLs are not its own). */
  static async open(context, { extensionId = null } = {}) {
    const tab = new Tab(context, extensionId);
    await tab.#attach();
    return tab;
  }

  #context;
  #extensionOrigin;
  #page = null;
  #cdp = null;
  #contexts = new Map();
  #errors = [];

  constructor(context, extensionId) {
    this.#context = context;
    this.#extensionOrigin = extensionId ? `chrome-extension://${extensionId}` : null;
  }

  #isBackstoryUrl(url) {
    return Boolean(this.#extensionOrigin && url && (url === this.#extensionOrigin || url.startsWith(`${this.#extensionOrigin}/`)));
  }

  async #attach() {
    this.#page = await this.#context.newPage();
    this.#cdp = await this.#context.newCDPSession(this.#page);
    const cdp = this.#cdp;
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => this.#contexts.set(c.id, c));
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.#contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => this.#contexts.clear());
    cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
      if (type === 'error' || type === 'assert') this.#errors.push({ kind: 'console', world: this.#worldOf(executionContextId), text: consoleText(args) });
    });
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
      const text = d.exception?.description?.split('\n')[0] ?? d.text;
      const world = this.#isBackstoryUrl(d.url) ? 'backstory' : this.#worldOf(d.executionContextId);
      this.#errors.push({ kind: 'pageerror', world, text, url: d.url });
    });
    cdp.on('Log.entryAdded', ({ entry }) => {
      if (entry.level !== 'error') return;
      const world = this.#isBackstoryUrl(entry.url) ? 'backstory' : 'page';
      this.#errors.push({ kind: `console/${entry.source}`, world, text: entry.text, url: entry.url });
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
  }

  /**
   * Walks the page the last load left open as a reader would, jumping and scrolling (on-screen.mjs),
   * within `budgetMs`. Returns { walk, errors }: the walk's figures (null when Backstory did not answer)
   * and the errors raised in Backstory's world or by its files meanwhile. What the page itself logs
   * meanwhile (lazy images whose requests are refused, say) is not counted: the run without Backstory
   * does not scroll.
   */
  async walk(onScreen, budgetMs) {
    const during = [];
    this.#errors = during;
    try {
      return { walk: await this.#readBackstory(onScreenProgram(onScreen), budgetMs), errors: during.filter((e) => e.world === 'backstory') };
    } finally {
      this.#errors = [];
    }
  }

  /** Closes this tab and any window a page opened: nothing of the last page goes on running. */
  async close() {
    for (const page of this.#context.pages()) await within(page.close(), 5000).catch(() => undefined);
    this.#contexts.clear();
  }

  /** Closes this tab (and any window a page opened) and opens a fresh one: after a hung or crashed run. */
  async reset() {
    await this.close();
    await this.#attach();
  }

  #worldOf(id) {
    const c = this.#contexts.get(id);
    if (!c) return 'page';
    if (c.auxData?.type === 'isolated' && this.#isBackstoryUrl(c.origin)) return 'backstory';
    if (c.name === OWN_WORLD) return 'corpus';
    return 'page';
  }

  async #evaluateIn(contextId, expression, timeoutMs = 5000) {
    const evaluation = this.#cdp.send('Runtime.evaluate', { contextId, expression, returnByValue: true, awaitPromise: true });
    const reply = await within(evaluation, timeoutMs, null).catch(() => null);
    return reply?.result?.value ?? null;
  }

  async #readBackstory(expression, timeoutMs) {
    let id = null;
    for (const c of this.#contexts.values()) if (c.name === CONTENT_SCRIPT_WORLD && this.#worldOf(c.id) === 'backstory') id = c.id;
    const text = id === null ? null : await this.#evaluateIn(id, expression, timeoutMs);
    return text ? JSON.parse(text) : null;
  }

  /**
   * Loads `url` and reads it. With `backstory`, waits until the content script reports its first scan
   * done and its marks have not changed for `quietMs`; without, waits `holdMs` after the load event (the
   * time the run with Backstory took to settle, so both snapshots are taken at about the same moment of
   * the page's life). The page stays open after it. Never throws: returns
   * { outcome: 'ok' | 'failed' | 'timeout', reason?, errors, dom, backstory, settleMs }.
   */
  async load(url, { backstory, timeout, holdMs = 0, quietMs = 300, noScriptGraceMs = 4000 }) {
    const result = { outcome: 'ok', errors: [], dom: null, backstory: null, settleMs: 0 };
    try {
      // A blank page between two pages: what the last one logs while it unloads is not this one's.
      await this.#page.goto('about:blank', { timeout: 10_000 });
      this.#errors = result.errors;
      const deadline = Date.now() + timeout;
      let response;
      try {
        response = await this.#page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      } catch (error) {
        const timedOut = /Timeout/i.test(error.message);
        result.outcome = timedOut ? 'timeout' : 'failed';
        result.reason = timedOut ? `no DOMContentLoaded within ${timeout / 1000} s` : error.message.split('\n')[0];
        return result;
      }
      if (!response || response.status() >= 400) {
        result.outcome = 'failed';
        result.reason = response ? `HTTP ${response.status()}` : 'no response';
        return result;
      }
      await this.#page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
      const loadedAt = Date.now();

      if (backstory) {
        let last = null;
        let stableSince = Date.now();
        for (;;) {
          const progress = await this.#readBackstory(PROGRESS);
          const key = JSON.stringify(progress);
          if (key !== last) {
            last = key;
            stableSince = Date.now();
          }
          if (progress?.allMarks != null && Date.now() - stableSince >= quietMs) break;
          if (!progress && Date.now() - loadedAt > noScriptGraceMs) {
            result.reason = 'Backstory’s content script did not answer';
            break;
          }
          if (Date.now() > deadline) {
            result.outcome = 'timeout';
            result.reason = progress?.allMarks == null ? `marks not done within ${timeout / 1000} s` : `marks still changing after ${timeout / 1000} s`;
            break;
          }
          await sleep(100);
        }
      } else {
        await sleep(Math.max(0, Math.min(holdMs, deadline - Date.now())));
      }
      result.settleMs = Date.now() - loadedAt;

      const { frameTree } = await this.#cdp.send('Page.getFrameTree');
      const { executionContextId } = await this.#cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: OWN_WORLD });
      const snapshot = await this.#evaluateIn(executionContextId, DOM_SNAPSHOT);
      result.dom = snapshot ? JSON.parse(snapshot) : null;
      // The browser fetches a page's icons and web app manifest on its own, some time after the load:
      // whether such a failure falls inside a run depends on timing, not on Backstory.
      const fetchedByBrowser = new Set(result.dom?.fetchedByBrowser ?? []);
      for (const error of result.errors) {
        if ((error.kind === 'console/network' && fetchedByBrowser.has(error.url)) || /^Manifest fetch from /.test(error.text)) error.world = 'browser';
      }
      if (backstory) result.backstory = await this.#readBackstory(BACKSTORY_STATE);
      return result;
    } catch (error) {
      result.outcome = 'failed';
      result.reason = `the run itself failed: ${error.message.split('\n')[0]}`;
      return result;
    } finally {
      this.#errors = [];
      result.errors = result.errors.filter((e) => e.world !== 'corpus');
      // Windows a page opened are closed; the tab itself stays for the next page.
      for (const page of this.#context.pages()) if (page !== this.#page) await within(page.close(), 5000).catch(() => undefined);
    }
  }
}
