import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickInUi, launch, saveFormFrame, saveFormOpen, serve, settledMarks, type Server, type Session, drawnBoxes, drawnTexts, meanColour } from './harness';

let server: Server;
let session: Session;

beforeAll(async () => {
  server = await serve();
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const QUOTE = 'to take an objective view of where Astana stands';
const TAG = 'zqxj secret';
const COMMENT = 'Private WVKY remark';

/**
 * A hostile page's script, in the page's own world: it records every key and input event at `window`
 * in the capture phase (the first listener any event meets) and what Backstory's highlights hold.
 */
function recordEverything() {
  const seen: { type: string; key?: string; data?: string | null; highlights: string[] }[] = [];
  const highlights = () => [...CSS.highlights].flatMap(([name, h]) => [...h].map((range) => `${name}:${(range as Range).toString()}`));
  for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput']) {
    window.addEventListener(
      type,
      (event) => seen.push({ type, key: (event as KeyboardEvent).key, data: (event as InputEvent).data, highlights: highlights() }),
      true,
    );
  }
  Object.defineProperty(window, 'seenByPage', { value: seen });
}

/** Selects the first occurrence of `text` with the mouse: press before its first letter, drag past its last. */
async function selectWithMouse(page: Page, text: string): Promise<void> {
  const ends = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const box = (from: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        return range.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + wanted.length - 1);
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    }
    throw new Error(`no text "${wanted}"`);
  }, text);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 12 });
  await page.mouse.up();
}

describe('a page that listens to every key', () => {
  it('hears nothing of what the reader types into the save form, and the passage is saved', async () => {
    const page = await session.context.newPage();
    await page.addInitScript(recordEverything);
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });

    await selectWithMouse(page, QUOTE);
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(QUOTE);
    await clickInUi(page, 'save-button');
    const form = await saveFormFrame(page);
    expect(await form.locator('blockquote').textContent()).toBe(QUOTE);
    await form.locator('select:focus').waitFor({ timeout: 5000 });
    await page.keyboard.press('Tab');
    await page.keyboard.type(TAG);
    await page.keyboard.press('Tab');
    await page.keyboard.type(COMMENT);
    // What the reader sees in the form is what they typed.
    expect(await form.locator('input').inputValue()).toBe(TAG);
    expect(await form.locator('textarea').inputValue()).toBe(COMMENT);
    await form.locator('button.primary').click();
    await expect.poll(() => form.locator('[role="status"]').textContent()).toBe('Saved');
    await expect.poll(() => saveFormOpen(page)).toBe(false);

    const seen = await page.evaluate(() => (window as unknown as { seenByPage: { type: string; key?: string; data?: string | null; highlights: string[] }[] }).seenByPage);
    const typed = new Set([...TAG, ...COMMENT, 'Tab']);
    const leaked = seen.filter((event) => typed.has(event.key ?? '') || [...(event.data ?? '')].some((c) => typed.has(c)));
    expect(leaked).toEqual([]);
    // Not a single key or input event reached the page while the reader typed.
    expect(seen).toEqual([]);

    await page.reload();
    // Back on the page, the passage is shown to the reader (drawn in Backstory's closed layer, yellow on
    // screen), and the page's scripts can read no range of it.
    await expect.poll(() => drawnTexts(page, 'backstory-saved'), { timeout: 10_000 }).toEqual([QUOTE]);
    const [box] = await drawnBoxes(page, 'backstory-saved');
    const [, green, blue] = await meanColour(page, box);
    expect(green - blue).toBeGreaterThan(25);
    const readable = await page.evaluate(() => [...CSS.highlights].flatMap(([name, h]) => [...h].map((range) => `${name}: ${(range as Range).toString()}`)));
    expect(readable.length).toBeGreaterThan(10);
    // The names of the starter pack inside the passage ("Astana") stay public marks; the passage itself is not there.
    expect(readable.filter((entry) => entry.startsWith('backstory-saved') || entry.endsWith(QUOTE))).toEqual([]);
    // Saved with what was typed: the library lists the tag and the comment.
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab`);
    const passage = library.locator('.passage', { hasText: QUOTE });
    await expect.poll(() => passage.locator('.comment').textContent()).toBe(COMMENT);
    expect(await passage.locator('.tag').allTextContents()).toEqual(['#zqxj secret']);
    await library.close();
    await page.close();
  });
});
