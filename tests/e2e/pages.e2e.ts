import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allMarked, boxOfMark, collectPageErrors, launch, meanColour, serve, settledMarks, tabIdOf, type Server, type Session } from './harness';

let server: Server;
let session: Session;

const NAMES = ['Alexander Lukashenka', 'Kassym-Jomart Tokayev', 'the CSTO', 'Nikol Pashinyan', 'Vladimir Putin', 'Armenia'];

/** A generated article of about `bytes` bytes: many paragraphs, names scattered through them. */
function bigPage(bytes: number): string {
  const parts: string[] = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big page</title></head><body><main>'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = `<p>Paragraph ${i}: on the ${i % 28}th day ${NAMES[i % NAMES.length]} spoke again about the region, and the reporters listened to every word of the long statement that followed.</p>`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  parts.push('</main></body></html>');
  return parts.join('\n');
}

beforeAll(async () => {
  server = await serve({ routes: { '/big.html': () => ({ body: bigPage(5 * 1024 * 1024) }) } });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}${path}`);
  return { page, errors };
}

/** Every mark must still point at live text of the document. */
function deadMarks(page: Page): Promise<number> {
  return page.evaluate(() => {
    let dead = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const range of highlight) {
        const r = range as Range;
        if (!r.startContainer.isConnected || !r.endContainer.isConnected || r.collapsed || !r.toString().trim()) dead++;
      }
    }
    return dead;
  });
}

describe('what is not prose', () => {
  it('marks names in paragraphs but not in scripts, styles, form fields, code or editable areas, nor across a <br>', async () => {
    const { page, errors } = await open('/pages/forms.html');
    const marks = allMarked(await settledMarks(page));
    expect(marks).toContain('Tokayev');
    expect(marks.filter((text) => /Lukashenka/.test(text))).toEqual([]);
    const acrossBreak = await page.evaluate(() => {
      const paragraph = document.getElementById('p-br')!;
      const texts: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory-')) continue;
        for (const range of highlight) if (paragraph.contains((range as Range).startContainer)) texts.push((range as Range).toString());
      }
      return texts;
    });
    expect(acrossBreak).not.toContain('Kassym-Jomart\nTokayev');
    expect(acrossBreak.every((text) => !/Kassym.*Tokayev/s.test(text))).toBe(true);
    expect(acrossBreak).toContain('Tokayev');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a page that changes', () => {
  it('marks appended, routed and shadow-root text, and leaves no mark on removed or edited text', async () => {
    const { page, errors } = await open('/pages/dynamic.html');
    let marks = allMarked(await settledMarks(page, { min: 3 }));
    expect(marks).toEqual(expect.arrayContaining(['Alexander Lukashenka', 'Kassym-Jomart Tokayev', 'Vladimir Putin']));

    await page.click('#append');
    await expect.poll(async () => allMarked(await settledMarks(page))).toContain('Nikol Pashinyan');

    await page.click('#edit');
    await expect.poll(async () => allMarked(await settledMarks(page))).not.toContain('Alexander Lukashenka');

    await page.click('#remove');
    await expect.poll(async () => allMarked(await settledMarks(page))).not.toContain('Vladimir Putin');
    expect(await deadMarks(page)).toBe(0);

    await page.click('#shadow');
    await expect.poll(async () => allMarked(await settledMarks(page))).toContain('Murat Nurtleu');

    await page.click('#route');
    await expect.poll(async () => allMarked(await settledMarks(page))).toContain('CSTO');
    marks = allMarked(await settledMarks(page));
    expect(marks).not.toContain('Kassym-Jomart Tokayev');
    expect(marks).toContain('Nikol Pashinyan');
    expect(await deadMarks(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('bad input', () => {
  it('an empty page: no marks, no errors', async () => {
    const { page, errors } = await open('/pages/empty.html');
    await page.waitForTimeout(800);
    expect(allMarked(await settledMarks(page, { min: 0, timeout: 1000 }))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 5 MB page is marked to the end and painted near the reader', async () => {
    const { page, errors } = await open('/big.html');
    const registered = () =>
      page.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('backstory-')).reduce((n, [, h]) => n + h.size, 0));
    await expect.poll(registered, { timeout: 60_000, interval: 500 }).toBeGreaterThan(0);

    // The popup counts every name on the page, far below the screen too.
    const tabId = await tabIdOf(session.context, page.url());
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    const mentions = () => popup.locator('.entity .count').allTextContents().then((counts) => counts.reduce((sum, c) => sum + Number(c.replace(/\D/g, '')), 0));
    await expect.poll(mentions, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(20_000);
    await popup.close();

    // Only the marks near the screen are handed to the browser to paint, however long the page.
    expect(await registered()).toBeLessThan(2_000);
    const lastParagraphPainted = () =>
      page.evaluate(() => {
        const last = document.querySelector('main')!.lastElementChild!;
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('backstory-')) continue;
          for (const range of highlight) if (last.contains((range as Range).startContainer)) return true;
        }
        return false;
      });
    expect(await lastParagraphPainted()).toBe(false);
    await page.evaluate(() => document.querySelector('main')!.lastElementChild!.scrollIntoView());
    await expect.poll(lastParagraphPainted, { timeout: 10_000, interval: 200 }).toBe(true);
    expect(await registered()).toBeLessThan(2_000);

    // Half-way down, every paragraph on screen has its name painted (each paragraph names someone).
    const unpaintedOnScreen = () =>
      page.evaluate(() => {
        const painted = new Set<Node>();
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('backstory-')) continue;
          for (const range of highlight) painted.add((range as Range).startContainer.parentNode!);
        }
        const onScreen = [...document.querySelectorAll('main > p')].filter((p) => {
          const rect = p.getBoundingClientRect();
          return rect.bottom > 0 && rect.top < innerHeight;
        });
        return { onScreen: onScreen.length, unpainted: onScreen.filter((p) => !painted.has(p)).length };
      });
    await page.evaluate(() => document.querySelectorAll('main > p')[Math.floor(document.querySelectorAll('main > p').length / 2)].scrollIntoView());
    await expect.poll(async () => (await unpaintedOnScreen()).unpainted, { timeout: 10_000, interval: 200 }).toBe(0);
    expect((await unpaintedOnScreen()).onScreen).toBeGreaterThan(0);
    expect(await registered()).toBeLessThan(2_000);

    // On a page this large, marks are painted under the tint names (lib/page/large-page.ts).
    const names = await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('backstory-')));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.endsWith('-tint'))).toBe(true);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that replaces its whole body: marks follow the new body and none is left on the old', async () => {
    const { page, errors } = await open('/pages/replace-body.html');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.replaced ?? '')).not.toBe('');
    await expect.poll(async () => allMarked(await settledMarks(page))).toContain('Nikol Pashinyan');
    expect(allMarked(await settledMarks(page)).filter((t) => /Lukashenka/.test(t))).toEqual([]);
    expect(await deadMarks(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page whose CSS restyles mark, span and every custom element is marked and unbroken', async () => {
    const { page, errors } = await open('/pages/restyled.html');
    const marks = allMarked(await settledMarks(page, { min: 3 }));
    expect(marks).toEqual(expect.arrayContaining(['CSTO']));
    expect(marks.some((t) => /Tokayev/.test(t))).toBe(true);
    const bodyUnchanged = await page.evaluate(async () => {
      const pristine = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return pristine.body.innerHTML === document.body.innerHTML;
    });
    expect(bodyUnchanged).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const path of ['/pages/frameset.html', '/pages/plain.txt', '/pages/feed.xml']) {
    it(`${path.split('/').pop()}: loads without an error and without a mark outside prose`, async () => {
      const { page, errors } = await open(path);
      await page.waitForTimeout(1000);
      expect(allMarked(await settledMarks(page, { min: 0, timeout: 1000 }))).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('backstory-ui').length)).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/**
 * The selectors of the rules from extension stylesheets that the browser matched for the element
 * `selector` selects (for it and its pseudo-elements), as DevTools lists them.
 */
async function extensionRulesFor(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const matched = await cdp.send('CSS.getMatchedStylesForNode', { nodeId });
    const rules = [...(matched.matchedCSSRules ?? []), ...(matched.pseudoElements ?? []).flatMap((pseudo) => pseudo.matches)];
    return rules.filter(({ rule }) => rule.origin === 'injected').map(({ rule }) => rule.selectorList.text);
  } finally {
    await cdp.detach();
  }
}

/** The box of the mark in `highlight` whose text is `text`, on screen, with its underline below it. */
async function markBox(page: Page, highlight: string, text: string) {
  const box = await boxOfMark(page, text, highlight);
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) + 6 };
}

describe('what the marks’ colours cost a page’s style work', () => {
  it('keys every rule to the root element: the page’s own elements are matched against none of them, and the marks keep their colours', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    // A paragraph deep in the article, holding a person's mark.
    const paragraph = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('backstory-person') ?? [])].find((r) => (r as Range).toString() === 'Murat Nurtleu') as Range;
      const p = range.startContainer.parentElement!.closest('p')!;
      p.id = 'with-a-mark';
      return p.textContent!.length;
    });
    expect(paragraph).toBeGreaterThan(0);
    expect(await extensionRulesFor(page, '#with-a-mark')).toEqual([]);
    // The root is where they apply: from there every element below inherits them.
    const atRoot = await extensionRulesFor(page, 'html');
    expect(atRoot.some((selector) => selector.includes('html::highlight(backstory-person)'))).toBe(true);

    // Orange for a person, on screen: the tint and the underline below the name.
    const [red, , blue] = await meanColour(page, await markBox(page, 'backstory-person', 'Murat Nurtleu'));
    expect(red - blue).toBeGreaterThan(8);
    await page.close();
  });

  it('colours marks inside a page’s shadow root without adding a stylesheet to it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pages/dynamic.html`);
    await settledMarks(page, { min: 3 });
    await page.click('#shadow');
    await expect.poll(async () => allMarked(await settledMarks(page))).toContain('Murat Nurtleu');
    // What the page's scripts can read of their own shadow root: no sheet of Backstory's.
    expect(await page.evaluate(() => document.querySelector('news-card')!.shadowRoot!.adoptedStyleSheets.length)).toBe(0);
    const [red, , blue] = await meanColour(page, await markBox(page, 'backstory-person', 'Murat Nurtleu'));
    expect(red - blue).toBeGreaterThan(8);
    await page.close();
  });
});
