import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backstoryUiHtml,
  launch,
  pointOfMark,
  selectText,
  serve,
  settledMarks,
  tabIdOf,
  textOf,
  uiElementCenter,
  clickInUi as click,
  saveFormFrame,
  saveFormOpen,
  type Server,
  type Session,
  drawnTexts,
} from './harness';

let server: Server;
let session: Session;
let edition = 1;

const QUOTE = 'to take an objective view of where Astana stands';

beforeAll(async () => {
  // A page whose text changes between visits, for passages that can no longer be found.
  server = await serve({
    routes: {
      '/changing.html': () => ({
        body: `<!doctype html><title>Changing</title><main><p>Nikol Pashinyan said ${
          edition === 1 ? 'the alliance had failed Armenia when it was needed most' : 'something else entirely this time around, about trade'
        }.</p></main>`,
      }),
    },
  });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/**
 * The extension's modules the page's content script fetched (file names, in order, each once: a module
 * asked for at its dynamic URL is also seen at the extension's own).
 */
function extensionModules(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const file = url.pathname.slice(1);
    if (url.protocol === 'chrome-extension:' && file.endsWith('.js') && !files.includes(file)) files.push(file);
  });
  return files;
}

describe('saving what was said', () => {
  it('offers no save for a blank selection or one inside a form field', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pages/forms.html`);
    await settledMarks(page);
    await page.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.focus();
      area.setSelectionRange(0, 5);
    });
    // The reader's own gesture (a real key), so that only the form field keeps the button away.
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(await uiElementCenter(page, 'save-button')).toBeNull();
    await page.close();
  });

  it('saves a selected quote as a statement of the person who said it, and shows it again on return', async () => {
    const page = await session.context.newPage();
    const modules = extensionModules(page);
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    // Nothing is saved on this page yet: the code that finds saved passages (page-saved.js) stays unloaded.
    await page.waitForTimeout(1000);
    expect(modules).toEqual(['page-marker.js']);
    await selectText(page, QUOTE);
    // A selection may become a save: it loads now.
    await expect.poll(() => modules).toContain('page-saved.js');
    await click(page, 'save-button');
    const form = await saveFormFrame(page);
    expect(await form.locator('form').textContent()).toContain('Statement by');
    expect(await form.locator('blockquote').textContent()).toBe(QUOTE);
    // The form has the keyboard (its frame is inside Backstory's UI), on its first field.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BACKSTORY-UI');
    await form.locator('select:focus').waitFor({ timeout: 5000 });
    // The form proposes the person named just before the quote.
    expect(await form.locator('select').inputValue()).toBe('murat-nurtleu');
    expect(await form.locator('option[value="murat-nurtleu"]').textContent()).toBe('Murat Nurtleu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('allies, kazakhstan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nurtleu answers Minsk');
    await form.locator('button.primary').click();
    await expect.poll(() => form.locator('[role="status"]').textContent()).toBe('Saved');
    await expect.poll(() => drawnTexts(page, 'backstory-saved')).toEqual([QUOTE]);
    // The form closes itself after saying so.
    await expect.poll(() => saveFormOpen(page)).toBe(false);

    const { x, y } = await pointOfMark(page, 'Murat Nurtleu');
    await page.mouse.move(x, y);
    await expect.poll(async () => textOf((await backstoryUiHtml(page)) ?? ''), { timeout: 5000 }).toContain(QUOTE);

    modules.length = 0;
    await page.reload();
    await expect.poll(() => drawnTexts(page, 'backstory-saved'), { timeout: 10_000 }).toEqual([QUOTE]);
    // On return, the page has a saved passage: the marker, then the finder; the popover's code is not needed.
    expect(modules).toEqual(['page-marker.js', 'page-saved.js']);
    await page.close();
  });

  it('closes the form on Escape, saving nothing, and gives the keyboard back to the page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    await selectText(page, 'The reaction in both capitals came quickly');
    await click(page, 'save-button');
    const form = await saveFormFrame(page);
    await form.locator('select:focus').waitFor({ timeout: 5000 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('never kept');
    await page.keyboard.press('Escape');
    await expect.poll(() => saveFormOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BACKSTORY-UI');
    // The page has the keyboard again: its own listener hears the next key.
    await page.evaluate(() => window.addEventListener('keydown', (e) => ((window as unknown as { heard: string }).heard = e.key), { once: true }));
    await page.keyboard.press('q');
    expect(await page.evaluate(() => (window as unknown as { heard?: string }).heard)).toBe('q');
    expect(await drawnTexts(page, 'backstory-saved')).not.toContain('The reaction in both capitals came quickly');
    await page.close();
  });

  it('lists a passage that can no longer be found as orphaned in the popup', async () => {
    edition = 1;
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/changing.html`);
    await settledMarks(page);
    await selectText(page, 'the alliance had failed Armenia');
    await click(page, 'save-button');
    await (await saveFormFrame(page)).locator('button.primary').click();
    await expect.poll(() => drawnTexts(page, 'backstory-saved')).toEqual(['the alliance had failed Armenia']);

    edition = 2;
    await page.reload();
    await settledMarks(page);
    const tabId = await tabIdOf(session.context, page.url());
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.orphan').allTextContents()).toEqual(['“the alliance had failed Armenia”']);
    expect(await drawnTexts(page, 'backstory-saved')).toEqual([]);
    await popup.close();
    await page.close();
  });
});
