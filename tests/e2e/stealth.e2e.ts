import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backstoryUiHtml,
  drawnBoxes,
  drawnTexts,
  launch,
  markedTexts,
  meanColour,
  openOptions,
  serve,
  settledMarks,
  textOf,
  type Server,
  type Session,
} from './harness';

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

/** A page's own script that would hide Backstory's marks if it could: transparent, unstyled `::highlight(backstory-*)`. */
function restyleBackstory() {
  const style = document.createElement('style');
  style.textContent = ['person', 'organization', 'country', 'place', 'party', 'event', 'saved']
    .map((kind) => `::highlight(backstory-${kind}) { text-decoration: none !important; background: transparent !important; color: inherit !important; }`)
    .join('\n');
  document.addEventListener('DOMContentLoaded', () => document.head.append(style));
}

describe('with “Hide Backstory from pages” on', () => {
  it('leaves nothing in the page’s highlight registry, yet the reader sees, hovers and keeps every mark', async () => {
    const options = await openOptions(session);
    const hide = options.getByLabel('Hide Backstory from pages');
    expect(await hide.isChecked()).toBe(false);
    await hide.check();

    const page = await session.context.newPage();
    await page.addInitScript(restyleBackstory);
    await page.goto(`${server.origin}/demo/`);
    await expect.poll(async () => (await drawnTexts(page, 'backstory-person')).length, { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await drawnTexts(page, 'backstory-person')).toContain('Lukashenka');
    // The page's own scripts read nothing of Backstory's.
    expect(await markedTexts(page)).toEqual({});
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);

    // On screen, the page's ::highlight rules change nothing: the first person's underline is there, in the person colour.
    const [box] = (await drawnBoxes(page, 'backstory-person')).filter((b) => b.y > 0 && b.y + b.height < page.viewportSize()!.height);
    const [red, , blue] = await meanColour(page, { x: box.x, y: box.y + box.height - 2, width: box.width, height: 2 });
    expect(red - blue).toBeGreaterThan(40);

    // Hovering a drawn name opens its card.
    const lukashenka = (await drawnBoxes(page, 'backstory-person'))[0];
    await page.mouse.move(lukashenka.x + lukashenka.width / 2, lukashenka.y + lukashenka.height / 2);
    await expect.poll(async () => textOf((await backstoryUiHtml(page)) ?? ''), { timeout: 5000 }).toContain('Background');
    await page.keyboard.press('Escape');

    // A page that takes the layer out gets it back within a second.
    const before = await drawnTexts(page, 'backstory-person');
    await page.evaluate(() => document.querySelector('backstory-marks')?.remove());
    await expect.poll(() => drawnTexts(page, 'backstory-person'), { timeout: 1000, interval: 100 }).toEqual(before);

    // Off again: the marks of the packs go back to the page's registry, without a reload.
    await options.bringToFront();
    await hide.uncheck();
    await expect.poll(async () => (await markedTexts(page))['backstory-person']?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await drawnTexts(page, 'backstory-person')).toEqual([]);
    await page.close();
    await options.close();
  });
});

describe('a page with a dark background', () => {
  it('gets its marks in the lighter colours, bright against the page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pages/dark.html`);
    const marks = await settledMarks(page, { min: 3 });
    expect(marks['backstory-person-on-dark']).toContain('Alexander Lukashenka');
    expect(marks['backstory-person']).toBeUndefined();
    // The underline of "Alexander Lukashenka" shows on the dark page: the band below the name is brighter than the page there.
    const line = await page.evaluate(() => {
      const range = [...CSS.highlights.get('backstory-person-on-dark')!].find((r) => (r as Range).toString() === 'Alexander Lukashenka') as Range;
      const rect = range.getBoundingClientRect();
      return { x: rect.left, y: rect.bottom - 2, width: rect.width, height: 8 };
    });
    const background = await meanColour(page, { x: 10, y: line.y, width: 100, height: line.height });
    const [red, green, blue] = await meanColour(page, line);
    expect(red + green + blue).toBeGreaterThan(background[0] + background[1] + background[2] + 15);
    await page.close();
  });

  it('marks before a late dark stylesheet applies, then takes the lighter colours', async () => {
    const page = await session.context.newPage();
    // The page's stylesheet, loaded without blocking the first frame (the print-media trick news sites
    // use), comes 4 s late: Backstory marks the text before it applies.
    await page.route('**/late-dark.css', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await route.fulfill({ contentType: 'text/css', body: 'body { background: #111418; color: #e8e8e8; }' });
    });
    await page.route('**/late-dark.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>Late dark</title><link rel="stylesheet" href="late-dark.css" media="print" onload="this.media=\'all\'"></head><body><main><p>Alexander Lukashenka met Nikol Pashinyan of Armenia in Minsk.</p><p>Kassym-Jomart Tokayev did not attend.</p></main></body></html>',
      }),
    );
    void page.goto(`${server.origin}/pages/late-dark.html`).catch(() => undefined);
    await expect.poll(async () => (await markedTexts(page))['backstory-person'] ?? [], { timeout: 3500, interval: 100 }).toContain('Alexander Lukashenka');
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    await expect.poll(async () => (await markedTexts(page))['backstory-person-on-dark'] ?? [], { timeout: 10_000 }).toContain('Alexander Lukashenka');
    expect((await markedTexts(page))['backstory-person']).toBeUndefined();
    await page.close();
  });
});

/** A page's own script that keeps every message posted to its window (as any page may). */
function keepWindowMessages() {
  const kept: string[] = [];
  Object.defineProperty(window, '__keptMessages', { value: kept });
  window.addEventListener('message', (event) => kept.push(JSON.stringify(event.data)));
}

describe('a page’s own scripts', () => {
  it('receive no message from Backstory: nothing tells them it is there, or its extension id', async () => {
    const page = await session.context.newPage();
    await page.addInitScript(keepWindowMessages);
    await page.goto(`${server.origin}/demo/`);
    expect((await settledMarks(page))['backstory-person']).toContain('Lukashenka');
    // A message posted as Backstory started would have arrived by now: marking comes well after it.
    expect(await page.evaluate(() => (window as unknown as { __keptMessages: string[] }).__keptMessages)).toEqual([]);
    await page.close();
  });
});
