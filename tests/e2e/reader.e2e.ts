import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, serve, settledMarks, tabIdOf, type Server, type Session, drawnTexts } from './harness';

let server: Server;
let session: Session;

const HOSTILE = (origin: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Hostile article</title>
<meta http-equiv="refresh" content="30;url=${origin}/beacon/refresh">
<style>p { background: url(${origin}/beacon/style-element); }</style>
</head><body><article><h1>Talks in Minsk end without a deal</h1>
<p>Alexander Lukashenka met the delegation in Minsk on Tuesday, officials said, and the talks ran late into the evening without any agreement on the terms of the new transit arrangement.</p>
<script>fetch('${origin}/beacon/script')</script>
<p onclick="fetch('${origin}/beacon/onclick')" style="background-image: url(${origin}/beacon/style-attribute)">The delegation from Astana said it would return next month. <img src="${origin}/missing.png" onerror="fetch('${origin}/beacon/onerror')" alt="">Kassym-Jomart Tokayev was not present at the meeting, his office confirmed later in a statement.</p>
<p>Read <a href="javascript:fetch('${origin}/beacon/javascript-link')">the full statement</a> or the <a href="/statement.html">statement page</a>.</p>
<iframe src="${origin}/beacon/iframe"></iframe>
<form action="${origin}/beacon/form"><input name="q" value="Belarus"><button>Send</button></form>
<svg><script>fetch('${origin}/beacon/svg-script')</script><circle r="4"/></svg>
<object data="${origin}/beacon/object"></object>
<p>Both sides said the Collective Security Treaty Organization was not discussed, though Armenia and Kazakhstan were mentioned several times by reporters who attended the briefing afterwards.</p>
</article></body></html>`;

beforeAll(async () => {
  server = await serve({
    routes: {
      '/hostile.html': () => ({ body: HOSTILE(server.origin) }),
      '/links.html': () => ({
        body: `<!doctype html><title>Index</title><nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/p${i}">Section ${i}</a></li>`).join('')}</ul></nav>`,
      }),
    },
  });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Opens a page, waits for Backstory to have read it, then opens the reading mode for its tab. */
async function openInReader(path: string, { marks = 1, requests = [] as string[] } = {}): Promise<{ page: Page; reader: Page }> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}${path}`);
  if (marks) await settledMarks(page, { min: marks });
  else await page.waitForTimeout(1500);
  const tabId = await tabIdOf(session.context, `${server.origin}${path}`);
  const reader = await session.context.newPage();
  // Every request the reading mode's page makes, from its first.
  reader.on('request', (request) => requests.push(request.url()));
  await reader.goto(`chrome-extension://${session.extensionId}/reader.html?tab=${tabId}`);
  await reader.waitForFunction(() => document.documentElement.dataset.reader !== undefined, null, { timeout: 20_000 });
  return { page, reader };
}

const articleButtons = (reader: Page) =>
  reader.$$eval('article button', (buttons) => buttons.map((b) => ({ text: b.textContent ?? '', cls: b.className, entity: (b as HTMLElement).dataset.entity ?? '', label: b.getAttribute('aria-label') ?? '' })));

describe('the reading mode', () => {
  it('shows the demo article with every name the page marks as a button that says who it is', async () => {
    const { page, reader } = await openInReader('/demo/', { marks: 20 });
    expect(await reader.evaluate(() => document.documentElement.dataset.reader)).toBe('ready');
    // The names the live page marks inside its story's paragraphs…
    const onPage = await page.evaluate(() => {
      const texts: string[] = [];
      const story = document.querySelector('.story-body, article') as Element;
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory-') || name === 'backstory-saved') continue;
        for (const range of highlight as Iterable<Range>) {
          const block = range.startContainer.parentElement?.closest('p');
          if (block && story.contains(block)) texts.push(range.toString());
        }
      }
      return texts;
    });
    const buttons = await articleButtons(reader);
    expect(onPage.length).toBeGreaterThan(20);
    // …are every one a button in the reading mode, and no other control sits in the article.
    const remaining = buttons.map((b) => b.text);
    for (const text of onPage) {
      const at = remaining.indexOf(text);
      expect(at, `“${text}” is a button in the reading mode`).toBeGreaterThanOrEqual(0);
      remaining.splice(at, 1);
    }
    expect(buttons.every((b) => b.cls === 'bs-mark')).toBe(true);
    const lukashenka = buttons.find((b) => b.text === 'Lukashenka');
    expect(lukashenka?.label).toBe('Lukashenka: Alexander Lukashenka, person');
    expect(await reader.locator('.article-head h1').textContent()).toContain('Armenia and Kazakhstan Drift');
    await page.close();
    await reader.close();
  });

  it('reaches Lukashenka with Tab, opens his card with Enter, and gives focus back on Escape', async () => {
    const { page, reader } = await openInReader('/demo/', { marks: 20 });
    let focused = '';
    for (let presses = 0; presses < 300 && focused !== 'Lukashenka'; presses++) {
      await reader.keyboard.press('Tab');
      focused = await reader.evaluate(() => (document.activeElement?.matches('article .bs-mark') ? (document.activeElement.textContent ?? '') : ''));
    }
    expect(focused).toBe('Lukashenka');
    const markIndex = await reader.evaluate(() => (document.activeElement as HTMLElement).dataset.mark);
    await reader.keyboard.press('Enter');
    const card = reader.locator('.bs-overlay .popover[role="dialog"]');
    await card.waitFor();
    expect(await card.getAttribute('aria-modal')).toBe('false');
    await reader.locator('.bs-overlay .entity-name', { hasText: 'Alexander Lukashenka' }).waitFor();
    expect(await card.textContent()).toContain('Background');
    expect(await reader.evaluate(() => document.activeElement?.className)).toBe('bs-overlay');
    await reader.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    expect(await reader.evaluate(() => (document.activeElement as HTMLElement).dataset.mark)).toBe(markIndex);
    await page.close();
    await reader.close();
  });

  it('lists the article’s entities in the glossary with as many mentions as there are marks', async () => {
    const { page, reader } = await openInReader('/demo/', { marks: 20 });
    const marksPerEntity = await reader.$$eval('article .bs-mark', (buttons) => {
      const counts: Record<string, number> = {};
      for (const b of buttons) counts[(b as HTMLElement).dataset.entity!] = (counts[(b as HTMLElement).dataset.entity!] ?? 0) + 1;
      return counts;
    });
    const glossary = await reader.$$eval('.glossary-entry[data-entity]', (entries) =>
      entries.map((entry) => ({ id: (entry as HTMLElement).dataset.entity!, bar: entry.querySelectorAll('.glossary-bar button').length })),
    );
    expect(Object.fromEntries(glossary.map((g) => [g.id, g.bar]))).toEqual(marksPerEntity);
    expect(glossary.map((g) => g.id)).toEqual(expect.arrayContaining(['alexander-lukashenka', 'csto', 'armenia', 'kazakhstan']));
    await page.close();
    await reader.close();
  });

  it('shows Armenia’s CSTO participation as suspended since 2024 in the alliance table', async () => {
    const { page, reader } = await openInReader('/demo/', { marks: 20 });
    await reader.getByRole('tab', { name: 'Alliances' }).click();
    const table = reader.locator('table.bs-alliance-table');
    await table.waitFor();
    // The table fills in as each entity's dossier arrives: Armenia's row and the CSTO's column may come a moment later.
    const armeniaInCsto = () =>
      table.evaluate((element) => {
        const t = element as HTMLTableElement;
        const headers = [...t.tHead!.rows[0].cells].map((c) => c.textContent?.trim() ?? '');
        const column = headers.findIndex((h) => h.includes('CSTO') || h.includes('Collective Security'));
        const row = [...t.tBodies[0].rows].find((r) => r.cells[0].textContent?.includes('Armenia'));
        return row && column >= 0 ? (row.cells[column].textContent ?? '') : '';
      });
    await expect.poll(armeniaInCsto, { timeout: 5000 }).toMatch(/suspended/i);
    expect(await armeniaInCsto()).toContain('2024');
    await page.close();
    await reader.close();
  });

  it('saves a passage in the reading mode to the original page, and prints it on the study sheet', async () => {
    const { page, reader } = await openInReader('/demo/', { marks: 20 });
    const quote = await reader.evaluate(() => {
      const paragraph = [...document.querySelectorAll('article p')].find((p) => (p.textContent ?? '').length > 200)!;
      const text = paragraph.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(text.data.length, 60));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return range.toString();
    });
    expect(quote.length).toBeGreaterThan(20);
    const box = await reader.evaluate(() => {
      const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    });
    await reader.mouse.move(box.x, box.y);
    await reader.mouse.up();
    await reader.locator('.bs-overlay .save-button').click();
    await reader.locator('.bs-overlay .save-form textarea').fill('For the seminar');
    await reader.locator('.bs-overlay .save-form button[type="submit"]').click();
    await reader.locator('.bs-overlay .save-form [role="status"]').waitFor();

    // Anchored to the original page: it is painted there once the page is read again.
    await page.reload();
    await settledMarks(page, { min: 20 });
    await expect.poll(() => drawnTexts(page, 'backstory-saved'), { timeout: 10_000 }).toContain(quote.trim());

    await reader.getByRole('button', { name: 'Study sheet' }).click();
    await reader.emulateMedia({ media: 'print' });
    const sheet = await reader.evaluate(() => document.body.innerText);
    expect(sheet).toContain(quote.trim());
    expect(sheet).toContain('For the seminar');
    expect(sheet).toContain('Alexander Lukashenka');
    expect(sheet).toMatch(/Collective Security Treaty Organization/);
    // What is only for the screen is not printed.
    expect(await reader.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.close();
    await reader.close();
  });

  it('never lets a hostile article’s script, handlers, frames, forms or styles into the reading mode', async () => {
    const requests: string[] = [];
    const { page, reader } = await openInReader('/hostile.html', { marks: 1, requests });
    expect(await reader.evaluate(() => document.documentElement.dataset.reader)).toBe('ready');
    const found = await reader.evaluate(() => {
      const article = document.querySelector('article')!;
      const all = [...article.querySelectorAll('*')];
      return {
        text: article.textContent ?? '',
        dangerous: article.querySelectorAll('script, iframe, object, embed, form, input, svg, style, meta, link, base').length,
        handlers: all.filter((element) => [...element.attributes].some((a) => a.name.startsWith('on'))).length,
        styled: all.filter((element) => element.hasAttribute('style')).length,
        hrefs: [...article.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
        targets: [...article.querySelectorAll('a[href]')].map((a) => a.getAttribute('target')),
      };
    });
    expect(found.text).toContain('Talks in Minsk end without a deal');
    expect(found.text).toContain('was not present at the meeting');
    expect(found.dangerous).toBe(0);
    expect(found.handlers).toBe(0);
    expect(found.styled).toBe(0);
    expect(found.hrefs.every((href) => href!.startsWith('http'))).toBe(true);
    expect(found.targets.every((target) => target === '_blank')).toBe(true);
    // Click what used to carry handlers, then wait: nothing from the article may run in the extension's origin.
    await reader.locator('article p', { hasText: 'delegation from Astana' }).click();
    await reader.waitForTimeout(500);
    expect(requests.filter((url) => url.includes('/beacon/'))).toEqual([]);
    await page.close();
    await reader.close();
  });

  it('says clearly that a page without an article has none, and never shows a blank page', async () => {
    const { page, reader } = await openInReader('/links.html', { marks: 0 });
    expect(await reader.evaluate(() => document.documentElement.dataset.reader)).toBe('failed');
    expect(await reader.getByRole('alert').textContent()).toContain('No article was found on this page');
    await page.close();
    await reader.close();
  });

  it('opens from the popup’s “Read with Backstory” for the popup’s page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    const tabId = await tabIdOf(session.context, `${server.origin}/demo/`);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Read with Backstory' }).click();
    const reader = await opened;
    expect(reader.url()).toBe(`chrome-extension://${session.extensionId}/reader.html?tab=${tabId}`);
    await reader.waitForFunction(() => document.documentElement.dataset.reader === 'ready', null, { timeout: 20_000 });
    expect(await reader.locator('article .bs-mark').count()).toBeGreaterThan(20);
    await page.close();
    await reader.close();
  });
});
