// The reading mode on the real-page corpus (`npm run corpus -- DIR --reader`): every page, in every
// mode of the run, is opened with Backstory, left until Backstory has read it, then opened in the
// reading mode (reader.html?tab=ID). Records whether an article was extracted (or the message shown
// instead), its length, its marks and the time to shown — and that nothing of the page ran in the
// reader page: the reading mode shows a page's markup inside an extension page, so a script, an event
// handler, a frame or a form that DOMPurify let through, or a request the article made, would be the
// page acting with the extension's rights. All those counts must be 0.
import { openSettled, tabIdOf } from './bench-reader.mjs';
import { within } from './corpus-browser.mjs';
import { MODES } from './corpus-report.mjs';
import { median, percentile } from './stats.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const int = (n) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en'));

/** After the reader says it is done, how long requests are still listened for (a late frame, font or prefetch). */
const LATE_REQUESTS_MS = 500;

/**
 * Runs in the reader page once it is done: what it shows, and whatever of the page could run there.
 * Elements are gathered through open shadow roots too. The reader page's own script is the single
 * module script of reader.html, served from the extension's origin: any other <script> (HTML or SVG)
 * is not its own.
 */
function readerState(extensionOrigin) {
  const all = [];
  const gather = (root) => {
    for (const element of root.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) gather(element.shadowRoot);
    }
  };
  gather(document);
  const describe = (element) => element.outerHTML.slice(0, 120);
  const ownScript = (element) => element instanceof HTMLScriptElement && element.src.startsWith(`${extensionOrigin}/`);
  const foreignScripts = all.filter((element) => element.localName === 'script' && !ownScript(element));
  const handlers = all.filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name)));
  const embedded = [...document.querySelectorAll('article iframe, article object, article embed, article form')];
  const body = document.querySelector('article .article-body');
  return {
    state: document.documentElement.dataset.reader ?? null,
    shownAt: globalThis.backstoryReader?.shownAt ?? null,
    message: document.querySelector('.reader-message [role="alert"]')?.textContent?.trim() ?? null,
    chars: body ? body.textContent.replace(/\s+/g, ' ').trim().length : null,
    marks: document.querySelectorAll('article .bs-mark').length,
    ownScripts: all.filter(ownScript).length,
    foreignScripts: foreignScripts.map(describe),
    handlers: handlers.map((element) => `<${element.localName} ${[...element.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name).join(' ')}>`),
    embedded: embedded.map(describe),
  };
}

/**
 * One page in one mode: opened and read by Backstory, then in the reading mode. Never throws: returns
 * a row { page, mode, outcome: 'ready' | 'failed' | 'timeout' | 'error', message, chars, marks,
 * pageMarks, shownMs, checks: { foreignScripts, handlers, embedded, requests } (lists), scriptRan }.
 */
async function readPage(session, page, mode, url, { timeout }) {
  const row = { page: page.name, mode, outcome: 'error', message: null, chars: null, marks: null, pageMarks: null, shownMs: null, checks: null, scriptRan: false };
  const requests = [];
  let source = null;
  let reader = null;
  try {
    try {
      source = await openSettled(session.context, url, { timeout });
    } catch (error) {
      row.message = `the page did not load: ${String(error?.message ?? error).split('\n')[0]}`;
      return row;
    }
    row.pageMarks = source.marks;
    if (!source.answered) row.note = 'Backstory’s content script did not answer';
    else if (!source.settled) row.note = `marks still changing after ${timeout / 1000} s`;
    const tabId = await tabIdOf(session, source.page.url());
    reader = await session.context.newPage();
    // Every request of the reader page from its first, but the extension's own files and images (an
    // article's images are meant to load: the reader shows them, with no referrer).
    reader.on('request', (request) => {
      if (!request.url().startsWith('chrome-extension://') && request.resourceType() !== 'image') requests.push(`${request.resourceType()} ${request.url().slice(0, 160)}`);
    });
    await reader.goto(`chrome-extension://${session.extensionId}/reader.html?tab=${tabId}`, { timeout });
    try {
      await reader.waitForFunction(() => document.documentElement.dataset.reader !== undefined, null, { timeout, polling: 100 });
    } catch {
      row.outcome = 'timeout';
      row.message = `the reading mode did not finish within ${timeout / 1000} s`;
    }
    await sleep(LATE_REQUESTS_MS);
    const state = await reader.evaluate(readerState, `chrome-extension://${session.extensionId}`);
    if (row.outcome !== 'timeout') row.outcome = state.state === 'ready' ? 'ready' : 'failed';
    row.message ??= state.message;
    row.chars = state.chars;
    row.marks = state.marks;
    row.shownMs = state.shownAt;
    // reader.html holds one module script of its own: another count means the check looks at the wrong page.
    if (state.ownScripts !== 1) row.note = [row.note, `${state.ownScripts} scripts of the extension's own in the reader page`].filter(Boolean).join('; ');
    row.checks = { foreignScripts: state.foreignScripts, handlers: state.handlers, embedded: state.embedded, requests: [...requests] };
    row.scriptRan = Object.values(row.checks).some((list) => list.length > 0);
    return row;
  } catch (error) {
    row.outcome = 'error';
    row.message = `the run itself failed: ${String(error?.message ?? error).split('\n')[0]}`;
    return row;
  } finally {
    await within(reader?.close() ?? Promise.resolve(), 5000).catch(() => undefined);
    await within(source?.page.close() ?? Promise.resolve(), 5000).catch(() => undefined);
  }
}

/**
 * Every page in every mode, one at a time, in `session` (Backstory's browser; nothing else open in it).
 * `servers[mode].origin` serves the corpus folder in that mode. `onRow` is called with each row.
 */
export async function readCorpus(session, pages, { modes, servers, timeout, onRow = () => undefined }) {
  const rows = [];
  for (const page of pages) {
    for (const mode of modes) {
      const url = `${servers[mode].origin}${page.path}`;
      const hung = { page: page.name, mode, outcome: 'error', message: 'the run hung', checks: null, scriptRan: false };
      // readPage waits at most three timeouts (the page, the reader page's load, its article) and a little more.
      const row = await within(readPage(session, page, mode, url, { timeout }), 3 * timeout + 30_000, hung);
      if (row === hung) {
        // Nothing of a hung page may go on into the next: every tab is closed.
        for (const open of session.context.pages()) await within(open.close(), 5000).catch(() => undefined);
      }
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}

const checkCounts = (row) =>
  row.checks
    ? { scripts: row.checks.foreignScripts.length, handlers: row.checks.handlers.length, embedded: row.checks.embedded.length, requests: row.checks.requests.length }
    : null;

/** One progress line for a page read in the reading mode. */
export function readerProgressLine(row) {
  const parts = [`${row.page} · ${MODES[row.mode].label} · reading mode`];
  if (row.outcome === 'ready') parts.push(`${int(row.chars)} characters, ${int(row.marks)} marks (page: ${int(row.pageMarks)}), shown ${int(row.shownMs)} ms`);
  else parts.push(`${row.outcome.toUpperCase()}: ${row.message ?? '–'}`);
  const c = checkCounts(row);
  if (c) parts.push(`page scripts ${c.scripts}, on* ${c.handlers}, frames/objects/forms ${c.embedded}, requests ${c.requests}`);
  if (row.scriptRan) parts.push(`PAGE CONTENT ACTIVE IN THE READER: ${[...row.checks.foreignScripts, ...row.checks.handlers, ...row.checks.embedded, ...row.checks.requests].slice(0, 3).join('; ')}`);
  if (row.note) parts.push(row.note);
  return parts.join(' · ');
}

/** The reading-mode section of the corpus report: a summary, the pages with nothing, every page. */
export function readerSection(rows) {
  const lines = ['## Reading mode', ''];
  const ready = rows.filter((r) => r.outcome === 'ready');
  const nothing = rows.filter((r) => r.outcome !== 'ready');
  const checked = rows.filter((r) => r.checks);
  const sum = (key) => checked.reduce((n, r) => n + checkCounts(r)[key], 0);
  const shown = ready.map((r) => r.shownMs).filter((x) => x !== null);
  const perMode = Object.keys(MODES)
    .filter((mode) => rows.some((r) => r.mode === mode))
    .map((mode) => `${MODES[mode].short} ${rows.filter((r) => r.mode === mode && r.outcome === 'ready').length} of ${rows.filter((r) => r.mode === mode).length}`)
    .join(', ');
  lines.push(
    `**Extracted on ${ready.length} of ${rows.length} page runs** (${perMode}); nothing on ${nothing.length}. ` +
      `Time to shown (from the reader page's navigation start): median ${int(median(shown))} ms, p90 ${int(percentile(shown, 90))} ms, max ${int(shown.length ? Math.max(...shown) : null)} ms.`,
    '',
    `**No page script ran in the reader page**: ${sum('scripts')} page scripts, ${sum('handlers')} elements with \`on*\` attributes, ${sum('embedded')} frames, objects, embeds or forms in the article, ${sum('requests')} requests to other than the extension (images aside), over the ${checked.length} runs checked${checked.length < rows.length ? ` (${rows.length - checked.length} could not be: see the table)` : ''} — all must be 0.`,
    '',
  );
  const active = rows.filter((r) => r.scriptRan);
  if (active.length) {
    lines.push('### Page content active in the reader page', '');
    for (const r of active) {
      lines.push(`- **${r.page}** (${MODES[r.mode].short}):`);
      for (const [label, list] of Object.entries(r.checks)) for (const item of list) lines.push(`  - ${label}: \`${cell(item)}\``);
    }
    lines.push('');
  }
  if (nothing.length) {
    lines.push('### Nothing extracted', '');
    const byMessage = new Map();
    for (const r of nothing) {
      const key = `${r.outcome === 'failed' ? '' : `${r.outcome}: `}${r.message ?? 'no message'}`;
      byMessage.set(key, [...(byMessage.get(key) ?? []), `${r.page} (${MODES[r.mode].short})`]);
    }
    for (const [message, which] of byMessage) lines.push(`- “${cell(message)}” — ${which.length}: ${which.join(', ')}`);
    lines.push('');
  }
  lines.push(
    '| Page | Mode | Reader | Article chars | Marks in the article | Marks on the page | Shown ms | Page scripts | on* | Frames, forms | Requests | Message |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of rows) {
    const c = checkCounts(r);
    lines.push(
      `| ${cell(r.page)} | ${MODES[r.mode].short} | ${r.outcome} | ${int(r.chars)} | ${r.outcome === 'ready' ? int(r.marks) : '–'} | ${int(r.pageMarks)} | ${int(r.shownMs)} | ${c ? c.scripts : '–'} | ${c ? c.handlers : '–'} | ${c ? c.embedded : '–'} | ${c ? c.requests : '–'} | ${cell([r.outcome === 'ready' ? '' : (r.message ?? ''), r.note ?? ''].filter(Boolean).join('; '))} |`,
    );
  }
  lines.push(
    '',
    'How: after the pages\' looks, each page is loaded alone in a new tab of the browser with Backstory, in each mode of the run, and left until Backstory has read it (its first full scan done and the mark count unchanged for 400 ms; 4 s after the load when its content script never answers); its tab id comes from the extension\'s service worker (`chrome.tabs.query`) and `reader.html?tab=ID` opens in another new tab until it sets `document.documentElement.dataset.reader` (`ready`, or `failed` with the message it shows). *Reader*: ready, failed, timeout (not done within the per-page timeout) or error (the run itself failed). *Article chars*: the text of the article\'s body, white space collapsed. *Marks in the article*: `article .bs-mark`; *on the page*: Backstory\'s marks on the live page (the whole page, navigation and footers included). *Shown*: the reader page\'s `backstoryReader.shownAt`. Then, ' +
      `${LATE_REQUESTS_MS} ms later, in the reader page (through open shadow roots too): *page scripts* — \`<script>\` elements, HTML or SVG, other than the reader's own module script from the extension's origin; *on\\**: elements with an event-handler attribute; *frames, forms*: \`iframe\`, \`object\`, \`embed\` and \`form\` elements in the article; *requests*: every request the reader page made, from its navigation until then, to other than the extension, images aside (\`request.resourceType()\`). Any of these makes the run fail (exit code 1). Both tabs are closed after each page.`,
    '',
  );
  return lines.join('\n');
}
