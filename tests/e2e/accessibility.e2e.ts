import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backstoryUiHtml, launch, openOptions, pointOfMark, savePassage, serve, settledMarks, tabIdOf, textOf, type Server, type Session } from './harness';

// WCAG 2.2 AA, as axe-core checks it, on every surface Backstory shows: zero violations.

let server: Server;
let session: Session;
let demo: Page;
let tabId: number;

const POPOVER_CSS = readFileSync(fileURLToPath(new URL('../../components/page/popover.css', import.meta.url)), 'utf8');

beforeAll(async () => {
  server = await serve({
    routes: {
      // The popover's card, copied from Backstory's closed shadow root into an open one with the same styles, for axe to read.
      '/card.html': () => ({ body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The popover’s card</title></head><body><main><h1>A page</h1><div id="host"></div></main></body></html>' }),
    },
  });
  session = await launch();
  demo = await session.context.newPage();
  await demo.goto(`${server.origin}/demo/`);
  await settledMarks(demo, { min: 20 });
  await savePassage(demo, 'to take an objective view of where Astana stands', { tags: 'kazakhstan', comment: 'The official answer' });
  tabId = await tabIdOf(session.context, demo.url());
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** What axe finds against WCAG 2.0, 2.1 and 2.2 A and AA, one line per element. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

/** The violations in light and in dark colours, each line marked with its scheme. */
async function inBothSchemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await violations(page, include)).map((line) => `${colorScheme}: ${line}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe('axe finds no WCAG 2.2 AA violation', () => {
  it('in the popup', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.entity').count()).toBeGreaterThan(10);
    expect(await inBothSchemes(popup)).toEqual([]);
    await popup.close();
  });

  it('on the options page', async () => {
    const options = await openOptions(session);
    expect(await inBothSchemes(options)).toEqual([]);
    await options.close();
  });

  it('in the library', async () => {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab`);
    await library.locator('.passage').first().waitFor();
    expect(await inBothSchemes(library)).toEqual([]);
    await library.close();
  });

  it('in the reading mode', async () => {
    const reader = await session.context.newPage();
    await reader.goto(`chrome-extension://${session.extensionId}/reader.html?tab=${tabId}`);
    await reader.waitForFunction(() => document.documentElement.dataset.reader === 'ready', null, { timeout: 20_000 });
    expect(await inBothSchemes(reader)).toEqual([]);
    await reader.close();
  });

  it('in the popover’s card', async () => {
    await demo.mouse.click(...(Object.values(await pointOfMark(demo, 'Lukashenka')) as [number, number]));
    await expect.poll(async () => textOf((await backstoryUiHtml(demo)) ?? ''), { timeout: 5000 }).toContain('Past statements');
    const html = (await backstoryUiHtml(demo))!;
    const card = await session.context.newPage();
    await card.goto(`${server.origin}/card.html`);
    await card.evaluate(
      ([css, markup]) => {
        const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = css as string;
        root.append(style);
        const inner = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body;
        // The shadow root as DevTools serialised it: its children, without the #shadow-root wrapper.
        const template = inner.querySelector('template') as HTMLTemplateElement | null;
        root.append(...(template ? [...template.content.childNodes] : [...inner.childNodes]));
      },
      [POPOVER_CSS, html] as const,
    );
    expect(await card.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelector('.popover [role], .popover h2')?.textContent)).toBeTruthy();
    expect(await inBothSchemes(card)).toEqual([]);
    // A card is one dialog, not a page: no landmarks in it, and its headings read as written.
    const shape = await card.evaluate(() => {
      const root = document.getElementById('host')!.shadowRoot!;
      return {
        landmarks: [...root.querySelectorAll('nav, main, aside, footer, header, section[aria-label], section[aria-labelledby], [role="region"], [role="contentinfo"], [role="navigation"], [role="banner"]')].map((e) => e.tagName),
        transforms: [...root.querySelectorAll('h2, h3, h4, .kind')].map((e) => getComputedStyle(e).textTransform).filter((t) => t !== 'none'),
        dialog: root.querySelector('[role="dialog"]')?.getAttribute('aria-label'),
      };
    });
    expect(shape).toEqual({ landmarks: [], transforms: [], dialog: 'Backstory: Alexander Lukashenka' });
    // Reduced motion: the card appears without moving. Forced colours: pills keep a visible edge.
    const style = (selector: string, property: string) =>
      card.evaluate(([sel, prop]) => getComputedStyle(document.getElementById('host')!.shadowRoot!.querySelector(sel as string)!).getPropertyValue(prop as string), [selector, property] as const);
    await card.emulateMedia({ reducedMotion: 'reduce' });
    expect(await style('.popover', 'animation-name')).toBe('none');
    await card.emulateMedia({ forcedColors: 'active' });
    expect(await style('.kind', 'border-top-style')).toBe('solid');
    expect(await violations(card)).toEqual([]);
    await card.close();
  });
});

describe('a narrow window and a large zoom', () => {
  /** The elements wider than the window, which make the page scroll sideways. */
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // Inside a box that scrolls (or clips) sideways, an element may be wider: that box is what counts.
      const clipped = (e: Element) => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed' && !clipped(e));
      return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
    });

  it('shows the options page, the library and the reading mode in a 400 px window without sideways scrolling', async () => {
    const options = await openOptions(session);
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab`);
    await library.locator('.passage').first().waitFor();
    const reader = await session.context.newPage();
    await reader.goto(`chrome-extension://${session.extensionId}/reader.html?tab=${tabId}`);
    await reader.waitForFunction(() => document.documentElement.dataset.reader === 'ready', null, { timeout: 20_000 });
    for (const page of [options, library, reader]) {
      await page.setViewportSize({ width: 400, height: 800 });
      await page.waitForTimeout(200);
      expect(await overflowing(page), page.url()).toEqual({ scroll: 0, wide: [] });
      await page.close();
    }
  });
});
