// The Firefox build in a real Firefox (Debian's firefox-esr), driven over WebDriver BiDi: the demo
// article's names are marked, the page is left as it was, and hovering a name opens the popover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
// @ts-expect-error plain JS module shared with scripts/test.mjs
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
// @ts-expect-error plain JS module shared with the demo and bench scripts
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
// Where the popover screenshot goes (next to the test reports of `npm test`).
const SCREENSHOTS = fileURLToPath(new URL('../../node_modules/.cache/backstory-tests/', import.meta.url));

let server: { origin: string; close(): Promise<void> };
let firefox: { browser: Browser; extensionId: string; close(): Promise<void> };
let page: Page;
// Everything the page's console reports as an error or an uncaught exception, the content script's included.
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startStaticServer({ root: FIXTURES });
  firefox = await launchFirefoxWithExtension();
  page = await firefox.browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  await page.goto(`${server.origin}/demo/`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Every backstory-* highlight with the text of its ranges, as the page itself could read them. */
function markedTexts(): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('backstory-')) out[name] = [...highlight].map((range) => (range as Range).toString());
    }
    return out;
  });
}

/** Waits until the marks stop changing (the marker works in slices). */
async function settledMarks({ min = 20, timeout = 30_000 } = {}): Promise<Record<string, string[]>> {
  const deadline = Date.now() + timeout;
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const marks = await markedTexts();
    const key = JSON.stringify(marks);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (Object.values(marks).flat().length >= min && Date.now() - stableSince > 400) {
      return marks;
    }
    if (Date.now() > deadline) return marks;
    await pause(100);
  }
}

/** Scrolls the first mark reading `text` into view and returns the centre of its first rectangle. */
async function pointOfMark(text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const range of highlight) {
        if ((range as Range).toString() !== wanted) continue;
        (range as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = (range as Range).getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`no mark reads "${text}"`);
  return point;
}

type BidiNode = { type: string; value?: { nodeType: number; localName?: string; nodeValue?: string; children?: BidiNode[]; shadowRoot?: BidiNode | null } };

/**
 * The text inside Backstory's closed shadow root. Page scripts cannot reach it; WebDriver BiDi can,
 * by serialising the host with `includeShadowTree: 'all'` (as the Chromium tests use the DevTools
 * protocol). puppeteer has no public call for this, so it is sent on puppeteer's own BiDi connection.
 */
async function backstoryUiText(): Promise<string | null> {
  type Response = { result: { type: string; result?: BidiNode; exceptionDetails?: { text: string } } };
  const connection = (firefox.browser as unknown as { connection: { send(method: string, params: object): Promise<Response> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const response = await connection.send('script.evaluate', {
    expression: 'document.querySelector("backstory-ui")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 100, includeShadowTree: 'all' },
  });
  const { result, exceptionDetails } = response.result;
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  if (result?.type !== 'node' || !result.value?.shadowRoot) return null;
  const parts: string[] = [];
  const walk = (node: BidiNode) => {
    if (!node.value || node.value.localName === 'style') return;
    if (node.value.nodeType === 3) parts.push(node.value.nodeValue ?? '');
    for (const child of node.value.children ?? []) walk(child);
  };
  walk(result.value.shadowRoot);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('Backstory in Firefox, on the demo article', () => {
  it('marks the seed article’s people and structures, each with the colour of its kind', async () => {
    const marks = await settledMarks();
    const people = marks['backstory-person'] ?? [];
    expect(people).toContain('Lukashenka');
    expect(people).toContain('Александр Лукашенко');
    for (const name of ['Tokayev', 'Murat Nurtleu', 'Pavel Utyupin', 'Maksim Ryzhankou', 'Arman Babajanyan']) {
      expect(people.some((text) => text.includes(name)), `${name} marked as a person`).toBe(true);
    }
    const organizations = marks['backstory-organization'] ?? [];
    for (const acronym of ['CSTO', 'EEU', 'CIS']) expect(organizations).toContain(acronym);
    expect(marks['backstory-country'] ?? []).toEqual(expect.arrayContaining(['Belarus', 'Kazakhstan', 'Armenia']));
    expect(Object.values(marks).flat()).not.toContain('us');
  });

  it('marks the headline’s “Lukashenkа” although its last letter is Cyrillic', async () => {
    await settledMarks();
    const headlineMark = await page.evaluate(() => {
      const headline = document.querySelector('h1')!;
      for (const range of CSS.highlights.get('backstory-person') ?? []) {
        if (headline.contains((range as Range).commonAncestorContainer)) return (range as Range).toString();
      }
      return null;
    });
    expect(headlineMark).toBe('Lukashenk\u0430');
  });

  it('opens the popover when a name is hovered, and closes it on Esc', async () => {
    await settledMarks();
    expect(await page.evaluate(() => document.querySelector('backstory-ui'))).toBeNull();
    const { x, y } = await pointOfMark('Lukashenka');
    await page.mouse.move(x, y);
    await expect.poll(backstoryUiText, { timeout: 10_000 }).toContain('Past statements');
    const text = (await backstoryUiText())!;
    expect(text).toContain('Alexander Lukashenka');
    expect(text).toMatch(/President of Belarus/);
    expect(text).toMatch(/Background .*As of/);
    expect(text).toMatch(/Allied structures .*Collective Security Treaty Organization/);
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.tagName)).toBe('BACKSTORY-UI');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}firefox-popover.png` });

    await page.keyboard.press('Escape');
    await expect.poll(async () => (await backstoryUiText()) ?? '', { timeout: 5000 }).not.toContain('Past statements');
  });

  it('leaves the page’s DOM as it was: body unchanged, one closed host element outside it', async () => {
    await settledMarks();
    const { x, y } = await pointOfMark('CSTO');
    await page.mouse.click(x, y);
    await expect.poll(async () => (await backstoryUiText()) ?? '', { timeout: 10_000 }).toContain('Allied structures');
    const dom = await page.evaluate(async () => {
      const pristine = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const added = [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);
      return {
        bodyUnchanged: pristine.body.innerHTML === document.body.innerHTML,
        added: added.map((el) => el.tagName),
        shadowVisibleToPage: added.map((el) => el.shadowRoot),
      };
    });
    expect(dom.bodyUnchanged).toBe(true);
    expect(dom.added).toEqual(['BACKSTORY-UI']);
    expect(dom.shadowVisibleToPage).toEqual([null]);
  });

  it('throws nothing into the page’s console', async () => {
    await pause(300);
    expect(pageErrors).toEqual([]);
  });
});
