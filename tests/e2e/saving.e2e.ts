import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backstoryUiHtml,
  highlightTexts,
  launch,
  pointOfMark,
  selectText,
  serve,
  settledMarks,
  tabIdOf,
  textOf,
  uiElementCenter,
  clickInUi as click,
  type Server,
  type Session,
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
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    await selectText(page, QUOTE);
    await click(page, 'save-button');
    await expect.poll(async () => textOf((await backstoryUiHtml(page)) ?? '')).toContain('Statement by');
    // The form proposes the person named just before the quote.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BACKSTORY-UI');
    const form = (await backstoryUiHtml(page))!;
    expect(form).toMatch(/<option value="murat-nurtleu"[^>]*>Murat Nurtleu<\/option>/);
    await page.keyboard.press('Tab');
    await page.keyboard.type('allies, kazakhstan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nurtleu answers Minsk');
    await click(page, 'primary');
    await expect.poll(async () => textOf((await backstoryUiHtml(page)) ?? '')).toContain('Saved');
    await expect.poll(() => highlightTexts(page, 'backstory-saved')).toEqual([QUOTE]);

    const { x, y } = await pointOfMark(page, 'Murat Nurtleu');
    await page.mouse.move(x, y);
    await expect.poll(async () => textOf((await backstoryUiHtml(page)) ?? ''), { timeout: 5000 }).toContain(QUOTE);

    await page.reload();
    await expect.poll(() => highlightTexts(page, 'backstory-saved'), { timeout: 10_000 }).toEqual([QUOTE]);
    await page.close();
  });

  it('lists a passage that can no longer be found as orphaned in the popup', async () => {
    edition = 1;
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/changing.html`);
    await settledMarks(page);
    await selectText(page, 'the alliance had failed Armenia');
    await click(page, 'save-button');
    await click(page, 'primary');
    await expect.poll(() => highlightTexts(page, 'backstory-saved')).toEqual(['the alliance had failed Armenia']);

    edition = 2;
    await page.reload();
    await settledMarks(page);
    const tabId = await tabIdOf(session.context, page.url());
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.orphan').allTextContents()).toEqual(['“the alliance had failed Armenia”']);
    expect(await highlightTexts(page, 'backstory-saved')).toEqual([]);
    await popup.close();
    await page.close();
  });
});
