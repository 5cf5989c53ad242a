import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backstoryUiHtml, launch, markedTexts, openOptions, pointOfMark, selectText, serve, settledMarks, textOf, openPopupFor, setSiteSwitch, uiElementCenter, type Server, type Session } from './harness';

let server: Server;
let session: Session;
let options: Page;

beforeAll(async () => {
  server = await serve();
  session = await launch();
  options = await openOptions(session);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const settings = () => options.getByRole('region', { name: 'Settings' });
const count = (marks: Record<string, string[]>, name: string) => marks[name]?.length ?? 0;

describe('Settings', () => {
  it('change the marks on an open page at once, without a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    const before = await settledMarks(page, { min: 20 });
    expect(count(before, 'backstory-country')).toBeGreaterThan(5);
    const people = count(before, 'backstory-person');
    const lukashenka = before['backstory-person'].filter((t) => t === 'Lukashenka').length;
    expect(lukashenka).toBeGreaterThan(3);
    page.on('framenavigated', () => {
      throw new Error('the page was reloaded');
    });

    // Countries off: their marks go, people stay.
    await options.bringToFront();
    await settings().getByLabel('Country', { exact: true }).uncheck();
    await expect.poll(async () => count(await settledMarks(page, { min: 5 }), 'backstory-country'), { timeout: 10_000 }).toBe(0);
    expect(count(await settledMarks(page, { min: 5 }), 'backstory-person')).toBe(people);

    // The first mention in each paragraph only: fewer marks of Lukashenka, one per paragraph at most.
    await settings().getByLabel('First mention in each paragraph').check();
    // The reader looks at the page again (a tab in the background draws no frames, so paints nothing new).
    await page.bringToFront();
    await expect.poll(async () => count(await settledMarks(page, { min: 5 }), 'backstory-person'), { timeout: 10_000 }).toBeLessThan(people);
    const perParagraph = await page.evaluate(() => {
      const seen = new Map<Element, number>();
      for (const range of CSS.highlights.get('backstory-person') ?? []) {
        const block = (range as Range).startContainer.parentElement!.closest('p, li, h1, h2, h3, figcaption, div')!;
        if ((range as Range).toString() === 'Lukashenka') seen.set(block, (seen.get(block) ?? 0) + 1);
      }
      return Math.max(...seen.values());
    });
    expect(perParagraph).toBe(1);

    // An underline only: the marks move to the -line highlights, which assets/highlights.css underlines without a tint.
    await options.bringToFront();
    await settings().getByLabel('Underline only').check();
    await page.bringToFront();
    await expect.poll(async () => count(await markedTexts(page), 'backstory-person-line'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(count(await markedTexts(page), 'backstory-person')).toBe(0);

    // Back to the defaults.
    await options.bringToFront();
    await settings().getByLabel('Country', { exact: true }).check();
    await settings().getByLabel('Every mention').check();
    await settings().getByLabel('Underline over a light tint').check();
    await page.bringToFront();
    await expect.poll(async () => count(await markedTexts(page), 'backstory-country'), { timeout: 10_000 }).toBe(count(before, 'backstory-country'));
    await page.close();
  });

  it('open cards on a click only, and leave the save button out, when the reader says so', async () => {
    await settings().getByLabel('On a click').check();
    await settings().getByLabel('Show “Save to Backstory” beside a selection').uncheck();
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });

    const { x, y } = await pointOfMark(page, 'Lukashenka');
    await page.mouse.move(x, y);
    await page.waitForTimeout(900);
    expect(textOf((await backstoryUiHtml(page)) ?? '')).not.toContain('Background');
    await page.mouse.click(x, y);
    await expect.poll(async () => textOf((await backstoryUiHtml(page)) ?? ''), { timeout: 5000 }).toContain('Background');
    await page.keyboard.press('Escape');

    await selectText(page, 'The reaction in both capitals came quickly');
    await page.waitForTimeout(500);
    expect(await uiElementCenter(page, 'save-button')).toBeNull();

    await options.bringToFront();
    await settings().getByLabel('When the pointer rests on it', { exact: true }).check();
    await settings().getByLabel('Show “Save to Backstory” beside a selection').check();
    await page.close();
  });

  it('lists the sites where Backstory is off, and switches one back on', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    const popup = await openPopupFor(session, page);
    await setSiteSwitch(popup, false);
    await expect.poll(async () => Object.keys(await markedTexts(page)).length, { timeout: 10_000 }).toBe(0);
    await popup.close();

    await options.reload();
    const host = new URL(server.origin).hostname;
    await settings().getByRole('button', { name: `Switch Backstory on for ${host}` }).click();
    await expect.poll(() => settings().getByRole('status').textContent()).toBe(`Backstory is on again on ${host}.`);
    await expect.poll(async () => count(await markedTexts(page), 'backstory-person'), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await settings().getByText('None. Switch Backstory off').count()).toBe(1);
    await page.close();
  });
});
