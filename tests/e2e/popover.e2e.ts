import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backstoryUiHtml, launch, serve, serviceWorker, settledMarks, tabIdOf, textOf, type Server, type Session } from './harness';
import { uiElementBox } from './ui-box';

// The popover as a reader meets it: where it stands, where the keyboard goes, and what a link does.

declare const chrome: any;

let server: Server;
let session: Session;

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of background reporting on the weather, the harvest and the markets of the region.</p>`).join('\n');

/** A news page with a menu of links at the top, a name followed by a link, and a name inside a link. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Allies</title>
<style>body { margin: 0; font: 18px/1.6 serif; } nav a { margin-right: 12px; } main { max-width: 680px; margin: 0 auto; }</style></head><body>
<nav><a id="menu-home" href="/home">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
<main><h1>Allies drift apart</h1>
<button id="before" type="button">Listen to this article</button>
${filler(6)}
<p id="low">At the summit Alexander Lukashenka spoke first. <a id="after" href="/more">Read more about the summit</a></p>
${filler(3)}
<p>Later Vladimir Putin replied.</p>
<p>See the <a id="linked" href="#profile">profile of Vladimir Putin</a> for more.</p>
${filler(30)}
<h2 id="sources">Sources</h2>${filler(10)}
</main></body></html>`;

/** Today's Baku, dated 2025: "Aliyev" alone, and, on the second page, the father named in full. */
const BAKU = (more: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baku</title>
<meta property="article:published_time" content="2025-05-01T09:00:00Z"></head><body><main>
<p id="lead">In Baku on Thursday, Aliyev received the delegation and spoke about the peace talks.</p>${more}</main></body></html>`;

beforeAll(async () => {
  server = await serve({
    routes: {
      '/article.html': () => ({ body: ARTICLE }),
      '/baku.html': () => ({ body: BAKU('') }),
      '/baku-heydar.html': () => ({ body: BAKU('<p id="history">The airport is named after Heydar Aliyev, who led the country until 2003.</p>') }),
    },
  });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

let opened = 0;

/** The article in a tab of its own (each at an address of its own, so a tab left open by a failed test is never taken for it). */
async function openArticle(): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${server.origin}/article.html?tab=${++opened}`);
  await settledMarks(page, { min: 3 });
  return page;
}

/** Scrolls so that the first line of `name`'s mark (in the element `id`) stands `top` px from the viewport's top; returns its box. */
function markAt(page: Page, id: string, name: string, top: number) {
  return page.evaluate(
    ([id, name, top]) => {
      const text = document.getElementById(id as string)!.firstChild as Text;
      const range = document.createRange();
      const at = text.data.indexOf(name as string);
      range.setStart(text, at);
      range.setEnd(text, at + (name as string).length);
      window.scrollBy(0, range.getClientRects()[0]!.top - (top as number));
      const box = range.getClientRects()[0]!;
      return { top: box.top, bottom: box.bottom, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [id, name, top] as const,
  );
}

const uiText = async (page: Page) => textOf((await backstoryUiHtml(page)) ?? '');
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

async function navigate(page: Page, direction: 'next' | 'previous'): Promise<string> {
  const tabId = await tabIdOf(session.context, page.url());
  const worker = await serviceWorker(session.context);
  const reply = (await worker.evaluate(([id, dir]) => chrome.tabs.sendMessage(id, { type: 'navigate', direction: dir }), [tabId, direction] as const)) as {
    ok: boolean;
    value: string;
  };
  expect(reply.ok).toBe(true);
  return reply.value;
}

describe('the popover beside a mark low on the screen', () => {
  it('stands above the mark, wholly on screen, once its content has arrived', async () => {
    const page = await openArticle();
    const mark = await markAt(page, 'low', 'Alexander Lukashenka', 718);
    await page.mouse.move(mark.x, mark.y);
    await expect.poll(() => uiText(page), { timeout: 5000 }).toContain('Past statements');
    await page.waitForTimeout(300);
    const card = (await uiElementBox(page, 'popover'))!;
    expect(card).not.toBeNull();
    expect(card.top).toBeGreaterThanOrEqual(0);
    expect(card.bottom).toBeLessThanOrEqual(900);
    // The mark stays visible: the card ends above it.
    expect(card.bottom).toBeLessThanOrEqual(mark.top);
    await page.close();
  });

  it('closes once its mark has scrolled out of view, instead of drifting off the top', async () => {
    const page = await openArticle();
    const mark = await markAt(page, 'low', 'Alexander Lukashenka', 400);
    await page.mouse.click(mark.x, mark.y);
    await expect.poll(() => uiText(page), { timeout: 5000 }).toContain('Past statements');
    await page.evaluate(() => window.scrollBy(0, 700));
    await expect.poll(() => uiText(page), { timeout: 3000 }).not.toContain('Past statements');
    await page.close();
  });
});

describe('the keyboard in the popover', () => {
  it('gives focus back to what had it before, when the card closes with Esc', async () => {
    const page = await openArticle();
    await page.focus('#before');
    const name = await navigate(page, 'next');
    await expect.poll(() => uiText(page), { timeout: 5000 }).toContain(name);
    expect(await activeId(page)).toBe('BACKSTORY-UI');
    await page.keyboard.press('Escape');
    await expect.poll(() => uiText(page), { timeout: 5000 }).not.toContain('Past statements');
    expect(await activeId(page)).toBe('before');
    await page.close();
  });

  it('keeps Tab inside the open card: past its last control it comes back to its first', async () => {
    const page = await openArticle();
    const name = await navigate(page, 'next');
    await expect.poll(() => uiText(page), { timeout: 5000 }).toContain('Past statements');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await activeId(page), `after Tab ${i + 1}`).toBe('BACKSTORY-UI');
    }
    expect(await uiText(page)).toContain(name);
    await page.close();
  });

  it('after Esc, Tab and the next-name command go on from the mark', async () => {
    const page = await openArticle();
    const first = await navigate(page, 'next');
    expect(first).toBe('Alexander Lukashenka');
    await expect.poll(() => uiText(page), { timeout: 5000 }).toContain('Past statements');
    await page.keyboard.press('Escape');
    await expect.poll(() => uiText(page), { timeout: 5000 }).not.toContain('Past statements');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('after');
    expect(await navigate(page, 'next')).toBe('Vladimir Putin');
    await page.close();
  });

  it('announces the name, its kind and its place among the marks in a polite live region', async () => {
    const page = await openArticle();
    await navigate(page, 'next');
    await expect.poll(async () => (await backstoryUiHtml(page)) ?? '', { timeout: 5000 }).toMatch(/role="status"[^>]*>Alexander Lukashenka, person, 1 of \d+</);
    expect(await backstoryUiHtml(page)).toMatch(/role="dialog"[^>]*aria-label="Backstory: Alexander Lukashenka"/);
    await page.close();
  });
});

describe('a name inside a link', () => {
  it('follows the link on click, as the page would without Backstory, and opens no card', async () => {
    const page = await openArticle();
    const mark = await markAt(page, 'linked', 'Vladimir Putin', 300);
    await page.mouse.click(mark.x, mark.y);
    await expect.poll(() => page.url(), { timeout: 5000 }).toMatch(/#profile$/);
    await page.waitForTimeout(1000);
    expect(await uiText(page)).not.toContain('Vladimir Putin');
    await page.close();
  });
});

describe('a name shared by several entities', () => {
  async function openOn(path: string, id: string, name: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}${path}?tab=${++opened}`);
    await settledMarks(page, { min: 2 });
    const mark = await markAt(page, id, name, 200);
    await page.mouse.click(mark.x, mark.y);
    await expect.poll(() => uiText(page), { timeout: 5000 }).toContain('Past statements');
    return page;
  }
  const cardName = async (page: Page) => /<h2 class="entity-name">([^<]+)</.exec((await backstoryUiHtml(page)) ?? '')?.[1];

  it('opens first the person in office at the page’s date: Ilham Aliyev in today’s Baku', async () => {
    const page = await openOn('/baku.html', 'lead', 'Aliyev');
    expect(await cardName(page)).toBe('Ilham Aliyev');
    expect(await uiText(page)).toContain('This name may refer to');
    await page.close();
  });

  it('opens first the entity the page names in full elsewhere', async () => {
    const page = await openOn('/baku-heydar.html', 'lead', 'Aliyev');
    expect(await cardName(page)).toBe('Heydar Aliyev');
    const text = await uiText(page);
    // His country's memberships while he held office, grouped; none from after 2003.
    expect(text).toMatch(/Allied structures Current /);
    expect(text).toContain('Commonwealth of Independent States');
    expect(text).not.toContain('Organization of Turkic States');
    expect(text).toMatch(/Former Collective Security Treaty Organization left/);
    await page.close();
  });

  it('shows no allied structures for a city', async () => {
    const page = await openOn('/baku.html', 'lead', 'Baku');
    expect(await cardName(page)).toBe('Baku');
    expect(await uiText(page)).not.toContain('Allied structures');
    await page.close();
  });
});
