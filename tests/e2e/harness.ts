import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { uiElementBox } from './ui-box';
// @ts-expect-error plain JS module shared with the demo and bench scripts
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
// @ts-expect-error plain JS module shared with the demo and bench scripts
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

// The extension API, as the tests reach it inside the service worker.
declare const chrome: any;

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

export interface Session {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface Server {
  origin: string;
  close(): Promise<void>;
}

export const launch = (options: { userDataDir?: string; lang?: string } = {}): Promise<Session> => launchWithExtension(options);

export const serve = (options: {
  routes?: Record<string, () => { body: string; type?: string } | Promise<{ body: string; type?: string }>>;
  headers?: (path: string) => Record<string, string>;
} = {}): Promise<Server> => startStaticServer({ root: FIXTURES, ...options });

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** Every backstory-* highlight with the text of its ranges, as the page itself could read them. */
export function markedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('backstory-')) out[name] = [...highlight].map((range) => (range as Range).toString());
    }
    return out;
  });
}

export function allMarked(marks: Record<string, string[]>): string[] {
  return Object.values(marks).flat();
}

/** Waits until the page's marks stop changing (the marker works in slices). */
export async function settledMarks(page: Page, { min = 1, timeout = 15_000 } = {}): Promise<Record<string, string[]>> {
  const deadline = Date.now() + timeout;
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const marks = await markedTexts(page);
    const key = JSON.stringify(marks);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (allMarked(marks).length >= min && Date.now() - stableSince > 400) {
      return marks;
    }
    if (Date.now() > deadline) return marks;
    await page.waitForTimeout(100);
  }
}

/** The text inside Backstory's closed shadow root, read through the DevTools protocol (page scripts cannot). */
export async function backstoryUiHtml(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = { nodeId: number; nodeName: string; children?: DomNode[]; shadowRoots?: DomNode[] };
    const find = (node: DomNode): DomNode | undefined => {
      if (node.nodeName === 'BACKSTORY-UI') return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const host = find(root as DomNode);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: shadow.nodeId });
    return outerHTML;
  } finally {
    await cdp.detach();
  }
}

/** The boxes Backstory draws itself in its closed marks layer (see lib/page/stealth-layer.ts), read through DevTools. */
export async function drawnBoxes(page: Page, className: string): Promise<{ range: string; x: number; y: number; width: number; height: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = { nodeId: number; nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
    const host = (function find(node: DomNode): DomNode | undefined {
      if (node.nodeName === 'BACKSTORY-MARKS') return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    })(root as DomNode);
    const boxes: DomNode[] = [];
    const collect = (node: DomNode) => {
      const at = node.attributes?.indexOf('class') ?? -1;
      if (at >= 0 && node.attributes![at + 1] === className) boxes.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) collect(child);
    };
    if (host) collect(host);
    const out = [];
    for (const box of boxes) {
      const model = await cdp.send('DOM.getBoxModel', { nodeId: box.nodeId }).catch(() => null);
      if (!model) continue; // display: none (covered), or gone since the document was read
      const [x1, y1, , , x3, y3] = model.model.border;
      const range = box.attributes![box.attributes!.indexOf('data-range') + 1];
      out.push({ range, x: x1, y: y1, width: x3 - x1, height: y3 - y1 });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/**
 * The text under the boxes of each range Backstory draws with this class, as the reader sees it: the
 * page's characters whose middles lie inside the boxes (one string per range, its lines joined).
 */
export async function drawnTexts(page: Page, className: string): Promise<string[]> {
  const boxes = await drawnBoxes(page, className);
  const lines = await page.evaluate((boxes) => {
    const texts = boxes.map(() => '');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const inside = (x: number, y: number, b: (typeof boxes)[number]) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      range.selectNodeContents(node);
      const all = range.getBoundingClientRect();
      const near = boxes.flatMap((b, i) => (all.right >= b.x && all.left <= b.x + b.width && all.bottom >= b.y && all.top <= b.y + b.height ? [i] : []));
      if (!near.length) continue;
      for (let at = 0; at < node.data.length; at++) {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const r = range.getBoundingClientRect();
        for (const i of near) if (inside(r.left + r.width / 2, r.top + r.height / 2, boxes[i])) texts[i] += node.data[at];
      }
    }
    return texts;
  }, boxes);
  // A range's boxes in reading order: joined as they are on one line, with a space across a line break.
  const byRange = new Map<string, { box: (typeof boxes)[number]; text: string }[]>();
  boxes.forEach((box, i) => byRange.set(box.range, [...(byRange.get(box.range) ?? []), { box, text: lines[i] }]));
  return [...byRange.values()].map((parts) => {
    parts.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
    let text = '';
    parts.forEach(({ box, text: part }, i) => {
      const before = parts[i - 1]?.box;
      text += before && Math.abs(box.y - before.y) > before.height / 2 ? ` ${part}` : part;
    });
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** The mean colour [r, g, b] of a part of the page as it is on screen, from a screenshot decoded by the browser itself. */
export async function meanColour(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip });
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += pixels[i + c];
      const count = pixels.length / 4;
      return sum.map((value) => Math.round(value / count)) as [number, number, number];
    }, png.toString('base64'));
  } finally {
    await decoder.close();
  }
}

export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first rectangle of the first marked range whose text is `text`, brought to the middle of the
 * screen; `highlight` names the one highlight to look in (any of Backstory's otherwise).
 */
export async function boxOfMark(page: Page, text: string, highlight?: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(
    ([wanted, only]) => {
      for (const [name, ranges] of CSS.highlights) {
        if (only ? name !== only : !name.startsWith('backstory-')) continue;
        for (const range of ranges) {
          if ((range as Range).toString() !== wanted) continue;
          (range as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = (range as Range).getClientRects()[0];
          return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
        }
      }
      return null;
    },
    [text, highlight ?? null] as const,
  );
  if (!box) throw new Error(`no ${highlight ?? 'Backstory'} mark reads "${text}"`);
  return box;
}

/** The centre of the first rectangle of the first marked range whose text is `text`. */
export async function pointOfMark(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = await boxOfMark(page, text);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The toolbar button's popup for the tab showing `page`, as the reader opens it. */
export async function openPopupFor(session: Session, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session.context, page.url());
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Turns the popup's "On this site" switch (its checkbox is styled as a switch: clicked through its label). */
export async function setSiteSwitch(popup: Page, on: boolean): Promise<void> {
  const siteSwitch = popup.getByRole('switch', { name: 'On this site' });
  await expect.poll(() => siteSwitch.isEnabled()).toBe(true);
  await siteSwitch.setChecked(on, { force: true });
}

export async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t: { url?: string }) => t.url === target);
    if (!tab?.id) throw new Error(`no tab at ${target}`);
    return tab.id;
  }, url);
}

export async function badgeText(context: BrowserContext, tabId: number): Promise<string> {
  const worker = await serviceWorker(context);
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Collects what a page throws or logs as an error. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The centre of the first element with this class inside Backstory's closed shadow root (DevTools protocol). */
export async function uiElementCenter(page: Page, className: string): Promise<{ x: number; y: number } | null> {
  // The UI may have closed since the document was read: then there is no box.
  const box = await uiElementBox(page, className);
  return box && { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/**
 * Selects `length` characters from the first occurrence of `text` in the page, and ends the gesture as
 * a reader selecting with the keyboard does, by letting go of Shift: a real key, so the browser marks
 * the event trusted (Backstory ignores the events a page's script dispatches).
 */
export async function selectText(page: Page, text: string, length = text.length): Promise<void> {
  await page.evaluate(
    ([wanted, size]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted as string);
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        document.getSelection()!.setBaseAndExtent(node, at, node, at + (size as number));
        return;
      }
      throw new Error(`no text "${wanted}"`);
    },
    [text, length] as const,
  );
  await page.keyboard.press('Shift');
}

/** The text of every range painted as one highlight. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((wanted) => [...(CSS.highlights.get(wanted) ?? [])].map((range) => (range as Range).toString()), name);
}

/** Clicks the first element with this class inside Backstory's closed shadow root, once it is there. */
export async function clickInUi(page: Page, className: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let point = await uiElementCenter(page, className);
  while (!point && Date.now() < deadline) {
    await page.waitForTimeout(100);
    point = await uiElementCenter(page, className);
  }
  if (!point) throw new Error(`Backstory's UI shows no .${className}`);
  await page.mouse.click(point.x, point.y);
}

/**
 * The save form: an extension page framed inside Backstory's closed shadow root (playwright's locators
 * do not pierce a closed root, but the frame is listed among the page's frames).
 */
export async function saveFormFrame(page: Page, { timeout = 5000 } = {}): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => /^(chrome|moz)-extension:\/\//.test(f.url()) && f.url().includes('save-form.html'));
    if (frame && (await frame.locator('form.save-form').count().catch(() => 0)) > 0) return frame;
    if (Date.now() > deadline) throw new Error('Backstory shows no save form');
    await page.waitForTimeout(100);
  }
}

/** Whether the save form's frame is still in the page. */
export function saveFormOpen(page: Page): boolean {
  return page.frames().some((f) => f.url().includes('save-form.html'));
}

/** Saves a passage as a reader would: select, "Save to Backstory", fill tags and comment, Save. */
export async function savePassage(page: Page, text: string, { tags = '', comment = '' } = {}): Promise<void> {
  await selectText(page, text);
  await clickInUi(page, 'save-button');
  const form = await saveFormFrame(page);
  // The speaker's field has focus: Tab to the tags, Tab to the comment, typed on the keyboard.
  await form.locator('select:focus').waitFor({ timeout: 5000 });
  // Each field is typed into once it has the focus: a Tab sent while the frame is still taking the
  // page's focus goes astray (CI saw it), so it is sent again from the speaker's field, at most thrice.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Tab');
    const moved = await form.locator('input[type=text]:focus').waitFor({ timeout: 1500 }).then(() => true, () => false);
    if (moved) break;
    if (attempt === 3) throw new Error('Tab did not reach the tags field of the save form');
    await form.locator('select').focus();
  }
  await page.keyboard.type(tags);
  await page.keyboard.press('Tab');
  await form.locator('textarea:focus').waitFor({ timeout: 5000 });
  await page.keyboard.type(comment);
  const typedTags = await form.locator('input[type=text]').inputValue();
  if (typedTags !== tags) throw new Error(`The tags field holds "${typedTags}", not "${tags}"`);
  await form.locator('button.primary').click();
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    // Saved, and the form has closed itself.
    if ((await drawnTexts(page, 'backstory-saved')).includes(text) && !saveFormOpen(page)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`"${text}" was not saved`);
}

/** The options page of `target`, once the background has imported the starter pack (it does on install). */
export async function openOptions(target: Session): Promise<Page> {
  const page = await target.context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`chrome-extension://${target.extensionId}/options.html`);
  // The background imports the starter pack on install.
  await page.locator('table.packs', { hasText: 'post-soviet-politics' }).waitFor({ timeout: 30_000 });
  return page;
}

/** A pack as a file for an `<input type=file>`. */
export function packFile(name: string, pack: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(typeof pack === 'string' ? pack : JSON.stringify(pack)) };
}
