import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { createRouter } from '../../../../lib/background/router';
import { AnnotationInput, type AnnotationRow } from '../../../../lib/messages';
import { fitPageDescription, listAuthors, shortenText } from '../../../../lib/page-description';
import { readPageMetadata } from '../../../../lib/page/metadata/page-metadata';
import { BackstoryDatabase } from '../../../../lib/store/db';

const PAGE = 'https://journal.example/articles/sanctions-and-trade';
const OWN_ID = 'backstory-id';
const fromTab = { id: OWN_ID, url: PAGE, tab: { id: 7, url: PAGE } };

const parse = (head: string) => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body><p>Text.</p></body></html>`, 'text/html');

/** Forty authors as a journal lists them, one `citation_author` tag each: 988 characters joined. */
const authors = Array.from({ length: 40 }, (_, i) => `Okafor-Ivanova${String(i + 1).padStart(2, '0')}, ${i < 30 ? 'Annie' : 'Anna'}`);

/** Saves a passage of the page as the content script does, through the background's protocol. */
async function saveOn(doc: Document) {
  const db = new BackstoryDatabase(`long-metadata-${Math.random()}`);
  const route = createRouter({
    db, ready: Promise.resolve(), ownId: OWN_ID, ownBaseUrl: 'chrome-extension://backstory-id/',
    setBadge: vi.fn(), broadcast: vi.fn(async () => undefined), openAndReveal: vi.fn(), snapshotOf: vi.fn(), sendToTab: vi.fn(),
  });
  const metadata = readPageMetadata(doc, PAGE);
  const annotation = { ...metadata, quote: 'Text.', selectors: [{ type: 'TextQuoteSelector' as const, exact: 'Text.' }], tags: [] };
  const reply = await route({ type: 'save-annotation', annotation }, fromTab);
  return { reply, stored: await db.annotations.toArray() };
}

describe('a save on a page whose metadata is longer than a saved passage carries', () => {
  it('saves on a page with 40 citation_author tags, naming the first three and "et al."', async () => {
    expect(authors.join(', ').length).toBe(988);
    const { reply, stored } = await saveOn(parse(`<meta name="citation_title" content="Sanctions and trade">
      ${authors.map((name) => `<meta name="citation_author" content="${name}">`).join('')}`));
    expect(reply.ok).toBe(true);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.author).toBe(`${authors.slice(0, 3).join(', ')}, et al.`);
    expect(stored[0]!.title).toBe('Sanctions and trade');
  });

  it('saves on a page whose JSON-LD names 40 authors', async () => {
    const ld = { '@type': 'ScholarlyArticle', headline: 'Sanctions and trade', author: authors.map((name) => ({ '@type': 'Person', name })) };
    const { reply, stored } = await saveOn(parse(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`));
    expect(reply.ok).toBe(true);
    expect((reply as { value: AnnotationRow }).value.author).toBe(`${authors.slice(0, 3).join(', ')}, et al.`);
    expect(stored).toHaveLength(1);
  });

  it('saves on a page with a 3,000-character title and a 1,000-character site name, cut at a word', async () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
    const longTitle = words.join(' ');
    const longSite = `The ${'Very '.repeat(200)}Long Gazette`;
    const { reply, stored } = await saveOn(parse(`<meta property="og:title" content="${longTitle}"><meta property="og:site_name" content="${longSite}">`));
    expect(reply.ok).toBe(true);
    const { title, site } = stored[0]!;
    expect(title!.length).toBeLessThanOrEqual(1000);
    expect(title!.length).toBeGreaterThan(900);
    expect(title!.endsWith('…')).toBe(true);
    // Whole words only: what is kept is the start of the title, ending where a word ends.
    expect(longTitle.startsWith(title!.slice(0, -1))).toBe(true);
    expect(longTitle[title!.length - 1]).toBe(' ');
    expect(site!.length).toBeLessThanOrEqual(300);
    expect(site).toMatch(/^The Very Very .*Very…$/);
  });
});

describe('fitting a description before it is sent (the reading mode’s save)', () => {
  const valid = (input: object) => v.safeParse(AnnotationInput, { url: PAGE, quote: 'q', selectors: [{ type: 'TextQuoteSelector', exact: 'q' }], tags: [], ...input }).success;

  it('fits a Readability byline of 40 names, a title without spaces and a long site, so the protocol accepts them', () => {
    const described = { title: 'x'.repeat(5000), site: 'S'.repeat(301), author: authors.join(', '), published: '2021-03-04' };
    expect(valid(described)).toBe(false);
    const fitted = fitPageDescription(described);
    expect(valid(fitted)).toBe(true);
    // A byline is one string: it is cut after the last separator that fits, then "et al.".
    expect(fitted.author!.startsWith(authors.slice(0, 5).join(', '))).toBe(true);
    expect(fitted.author!.endsWith(', et al.')).toBe(true);
    expect(fitted.author!.length).toBeLessThanOrEqual(300);
    expect(fitted.title).toBe(`${'x'.repeat(999)}…`);
    expect(fitted.site).toBe(`${'S'.repeat(299)}…`);
    expect(fitted.published).toBe('2021-03-04');
  });

  it('never splits an emoji in two', () => {
    const text = `${'a'.repeat(8)}😀😀😀`;
    expect(shortenText(text, 10)).toBe(`${'a'.repeat(8)}…`);
  });

  it('names one author whose name alone is too long by its start', () => {
    expect(listAuthors(['N'.repeat(400)])).toBe(`${'N'.repeat(299)}…`);
    expect(listAuthors(['N'.repeat(400), 'Bo Chen'])!.endsWith('…, et al.')).toBe(true);
    expect(listAuthors(['N'.repeat(400), 'Bo Chen'])!.length).toBeLessThanOrEqual(300);
  });
});
