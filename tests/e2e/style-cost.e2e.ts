import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMarked, launch, meanColour, serve, settledMarks, type Server, type Session } from './harness';

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

/** The box of the first rectangle of the mark in `highlight` whose text is `text`, brought on screen, with its underline below it. */
async function markBox(page: Page, highlight: string, text: string) {
  const box = await page.evaluate(
    ([name, wanted]) => {
      for (const range of CSS.highlights.get(name) ?? []) {
        if ((range as Range).toString() !== wanted) continue;
        (range as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = (range as Range).getClientRects()[0];
        return { x: Math.round(rect.left), y: Math.round(rect.top), width: Math.round(rect.width), height: Math.round(rect.height) + 6 };
      }
      return null;
    },
    [highlight, text] as const,
  );
  if (!box) throw new Error(`no ${highlight} mark reads "${text}"`);
  return box;
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
