import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, collectPageErrors, launch, openOptions, packFile, serve, settledMarks, tabIdOf, type Server, type Session } from './harness';

// What the reader sees: wherever they jump or scroll on a long article, every name on screen is painted.

let server: Server;
let session: Session;

/** Names of the starter pack, each marked whole, as written. */
const NAMES = ['Alexander Lukashenka', 'Kassym-Jomart Tokayev', 'Nikol Pashinyan', 'Vladimir Putin', 'Armenia', 'CSTO'];
const PARAGRAPHS = 240;
/** How long after a jump the marks on screen may take to be painted before the test calls it a miss. */
const LIMIT_MS = 1000;

/**
 * A long article the way news sites build them: a sticky header and a fixed footer that name someone,
 * many paragraphs that each name two people, images without a size that load late (and push the text
 * down after it was marked), a nested scroller, and sections rendered lazily with content-visibility.
 */
function longArticle(names: readonly string[] = NAMES, lateStyle = ''): string {
  const paragraph = (i: number) =>
    `<p id="p${i}">Paragraph ${i}: ${names[i % names.length]} answered questions about the summit, and later ${names[(i + 2) % names.length]} replied in a statement of his own that the reporters read twice.</p>`;
  const body: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    if (i % 20 === 5) body.push(`<img src="/slow-image.svg?i=${i}" alt="">`);
    if (i === 120) {
      body.push('<div class="scroller">');
      for (let j = 0; j < 30; j++) body.push(paragraph(1000 + j));
      body.push('</div>');
    }
    if (i >= 160 && i < 200 && i % 10 === 0) body.push('<section class="lazy">');
    body.push(paragraph(i));
    if (i >= 160 && i < 200 && i % 10 === 9) body.push('</section>');
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title><style>
    body { margin: 0; font: 18px/1.6 serif; }
    header { position: sticky; top: 0; background: #fff; padding: 8px; border-bottom: 1px solid #ccc; }
    footer { position: fixed; bottom: 0; left: 0; right: 0; background: #eee; padding: 8px; }
    main { max-width: 680px; margin: 0 auto; padding-bottom: 80px; }
    img { display: block; width: 100%; }
    .scroller { height: 300px; overflow: auto; border: 1px solid #999; }
    .lazy { content-visibility: auto; contain-intrinsic-size: auto 900px; }
  </style></head><body>
  <header>Live: ${names[3]} and ${names[5]}</header>
  <main><h1>Allies drift apart</h1>${body.join('\n')}</main>
  <footer>Newsletter on ${names[4]}</footer>
  ${lateStyle}
  </body></html>`;
}

/** An image with no size in the markup that arrives 1.5 s late: the text below it moves once it does. */
function slowImage(height: number): Promise<{ type: string; body: string }> {
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="680" height="${height}"><rect width="680" height="${height}" fill="#cde"/></svg>`;
  return new Promise((resolve) => setTimeout(() => resolve({ type: 'image/svg+xml', body }), 1500));
}

beforeAll(async () => {
  server = await serve({
    routes: {
      '/long-article.html': () => ({ body: longArticle() }),
      // Late images with no size in the markup: the text below them moves once they arrive.
      '/slow-image.svg': () => slowImage(500),
    },
  });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/**
 * Runs `move` in the page (a jump or a scroll), then, frame by frame for up to `limit` ms, finds every
 * occurrence of a known name that the reader can see — wholly in the viewport, inside its scroller,
 * not covered by another element — and whether a backstory-* highlight holds a range over it, as the
 * page itself can read the registry. Returns what was visible and what was still not painted.
 */
function afterMove(page: Page, move: string, names: readonly string[] = NAMES): Promise<{ visible: number; missed: string[] }> {
  return page.evaluate(
    async ({ names, move, limit }) => {
      const visibleMentions = () => {
        const found: Range[] = [];
        for (const element of document.querySelectorAll('p, header, footer')) {
          const text = element.firstChild;
          if (!(text instanceof Text)) continue;
          for (const name of names) {
            for (let at = text.data.indexOf(name); at >= 0; at = text.data.indexOf(name, at + 1)) {
              const range = document.createRange();
              range.setStart(text, at);
              range.setEnd(text, at + name.length);
              const boxes = [...range.getClientRects()];
              const inView = boxes.length > 0 && boxes.every((b) => b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth);
              if (!inView) continue;
              const box = boxes[0]!;
              const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
              if (hit === element) found.push(range);
            }
          }
        }
        return found;
      };
      const painted = (range: Range) => {
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('backstory-')) continue;
          for (const r of highlight as unknown as Set<Range>) {
            if (r.startContainer === range.startContainer && r.startOffset <= range.startOffset && r.endOffset >= range.endOffset) return true;
          }
        }
        return false;
      };
      new Function(move)();
      const started = performance.now();
      for (;;) {
        await new Promise(requestAnimationFrame);
        const visible = visibleMentions();
        const missed = visible.filter((range) => !painted(range));
        if (!missed.length || performance.now() - started > limit) {
          return { visible: visible.length, missed: missed.map((r) => `${r.toString()} in ${(r.startContainer.parentElement as Element).id || r.startContainer.parentElement!.tagName}`) };
        }
      }
    },
    { names, move, limit: LIMIT_MS },
  );
}

async function openArticle(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/long-article.html`);
  await settledMarks(page, { min: 5 });
  // The late images have arrived: everything below them moved after it was marked.
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalHeight > 0), null, { timeout: 15_000 });
  return { page, errors };
}

describe('every visible name is painted, wherever the reader goes', () => {
  it('after jumps into the middle and the end of a long article whose images pushed its text down', async () => {
    const { page, errors } = await openArticle();
    const jumps = [
      'scrollTo({ top: document.documentElement.scrollHeight * 0.5, behavior: "instant" })',
      'document.getElementById("p90").scrollIntoView({ block: "center", behavior: "instant" })',
      'scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" })',
      'location.hash = "#p180"',
      'scrollTo({ top: document.documentElement.scrollHeight * 0.3, behavior: "instant" })',
      'scrollTo({ top: 0, behavior: "instant" })',
    ];
    for (const jump of jumps) {
      const seen = await afterMove(page, jump);
      expect(seen.visible, jump).toBeGreaterThan(3);
      expect(seen.missed, jump).toEqual([]);
    }
    // The End key, as a reader presses it.
    await page.mouse.click(5, 300);
    await page.keyboard.press('End');
    const atEnd = await afterMove(page, '');
    expect(atEnd.missed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('while scrolling a screen at a time, in the page and inside a nested scroller', async () => {
    const { page } = await openArticle();
    let visible = 0;
    for (let step = 0; step < 60; step++) {
      const seen = await afterMove(page, 'scrollBy({ top: innerHeight, behavior: "instant" })');
      visible += seen.visible;
      expect(seen.missed, `screen ${step + 1}`).toEqual([]);
      const atEnd = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
      if (atEnd) break;
    }
    expect(visible).toBeGreaterThan(100);

    await afterMove(page, 'document.querySelector(".scroller").scrollIntoView({ block: "center", behavior: "instant" })');
    for (const top of [400, 1200, 2000]) {
      const seen = await afterMove(page, `document.querySelector(".scroller").scrollTo({ top: ${top}, behavior: "instant" })`);
      expect(seen.visible, `scroller at ${top}`).toBeGreaterThan(0);
      expect(seen.missed, `scroller at ${top}`).toEqual([]);
    }
    await page.close();
  });

  it('when the browser restores the scroll position on Back', async () => {
    const { page } = await openArticle();
    await page.evaluate(() => document.getElementById('p150')!.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.waitForTimeout(300);
    await page.goto(`${server.origin}/pages/empty.html`);
    await page.goBack();
    await page.waitForFunction(() => scrollY > 1000, null, { timeout: 10_000 });
    await settledMarks(page, { min: 5 });
    const seen = await afterMove(page, '');
    expect(seen.visible).toBeGreaterThan(3);
    expect(seen.missed).toEqual([]);
    await page.close();
  });
});

describe('the first article opened in a new browser, right after a pack was imported', () => {
  /** Names of a pack the browser has never seen before this test imports it. */
  const PACK_NAMES = ['Ivo Testerov', 'Lena Samplova', 'Oleg Mockov', 'Testland', 'Union of Checks', 'Party of Tests'];
  const pack = {
    format: 'backstory-pack',
    version: 1,
    id: 'on-screen-pack',
    title: 'On-screen pack',
    entities: [
      { id: 'os-testerov', kind: 'person', name: 'Ivo Testerov', aliases: [] },
      { id: 'os-samplova', kind: 'person', name: 'Lena Samplova', aliases: [] },
      { id: 'os-mockov', kind: 'person', name: 'Oleg Mockov', aliases: [] },
      { id: 'os-testland', kind: 'country', name: 'Testland', aliases: [] },
      { id: 'os-union', kind: 'organization', name: 'Union of Checks', aliases: [] },
      { id: 'os-party', kind: 'party', name: 'Party of Tests', aliases: [] },
    ],
  };
  let fresh: Session;
  let freshServer: Server;

  beforeAll(async () => {
    freshServer = await serve({
      routes: {
        // As on a news site seen for the first time: nothing is cached, the images arrive late and the
        // web font (here a script swapping the face) lands after the text was marked, so every line moves.
        '/first-article.html': () => ({
          body: longArticle(PACK_NAMES, `<script>setTimeout(() => { document.body.style.font = '23px/1.9 sans-serif'; }, 1500);</script>`),
        }),
        '/slow-image.svg': () => slowImage(700),
      },
    });
    fresh = await launch();
  });

  afterAll(async () => {
    await fresh?.close();
    await freshServer?.close();
  });

  it('has every visible name painted after jumps, and counts the same names on the badge', async () => {
    const options = await openOptions(fresh);
    await options.getByLabel('Import pack').setInputFiles(packFile('on-screen.json', pack));
    await expect.poll(() => options.locator('.import-status').textContent()).toBe('Imported 6 entities, 0 relations, 0 statements.');

    const page = await fresh.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${freshServer.origin}/first-article.html`);
    await settledMarks(page, { min: 5 });
    await page.waitForFunction(
      () => document.body.style.font !== '' && [...document.images].every((image) => image.complete && image.naturalHeight > 0),
      null,
      { timeout: 15_000 },
    );
    const tabId = await tabIdOf(fresh.context, page.url());
    await expect.poll(() => badgeText(fresh.context, tabId)).toBe(String(PACK_NAMES.length));

    for (const jump of [
      'document.getElementById("p110").scrollIntoView({ block: "center", behavior: "instant" })',
      'document.getElementById("p175").scrollIntoView({ block: "center", behavior: "instant" })',
      'location.hash = "#p60"',
      'document.getElementById("p228").scrollIntoView({ block: "center", behavior: "instant" })',
    ]) {
      const seen = await afterMove(page, jump, PACK_NAMES);
      expect(seen.visible, jump).toBeGreaterThan(3);
      expect(seen.missed, jump).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
