import './dompurify-on-happy-dom';
import { describe, expect, it } from 'vitest';
import type { ReaderSnapshot } from '../../../../lib/messages';
import { extractArticle, NO_ARTICLE_MESSAGE, type ExtractedArticle } from '../../../../lib/page/reader/extract';

const PAGE_URL = 'https://news.example.org/local/new-pier?utm_source=newsletter&utm_medium=email';

const PARAGRAPHS = [
  'The harbour authority of Northbay said on Monday that the new pier would open to ferries in the spring, after two years of dredging, piling and repairs to the old sea wall on the eastern side of the bay.',
  'Officials told a meeting of the town council that the works had cost more than first planned, mostly because the winter storms had delayed deliveries of steel and stone from the mainland for several weeks.',
  'Fishing crews, who have moored at a temporary quay since the works began, welcomed the news but asked the authority for a clear timetable for the move back to the main basin before the summer season.',
  'The council will publish the full report, with tables of costs and a map of the new berths, on its website later this week, and copies will be available at the library and the harbour office.',
  'A public meeting about the changes to the harbour road, which will become one-way during the final stage of the works, is planned for the first week of next month at the community hall.',
];

const HEAD = `
  <title>New pier to open in spring | Northbay Courier</title>
  <meta property="og:title" content="New pier to open in spring">
  <meta property="og:site_name" content="Northbay Courier">
  <meta name="author" content="Ada Example">
  <meta property="article:published_time" content="2024-05-13T09:30:00Z">
  <meta property="og:image" content="/media/pier-1200.jpg">
  <meta property="og:image:alt" content="The new pier at low tide">
  <link rel="canonical" href="https://news.example.org/local/new-pier?utm_source=feed">`;

const NAV = '<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>';

function page(body: string, { head = HEAD, lang = 'en-GB' } = {}): string {
  return `<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
}

function articlePage({ opening = '', head = HEAD } = {}): string {
  const [first, second, ...rest] = PARAGRAPHS.map((text) => `<p>${text}</p>`);
  return page(
    `${NAV}<article><h1>New pier to open in spring</h1>${opening}${first}${second}` +
      '<p>Details are in <a href="../reports/harbour-2024.html">the authority\'s report</a>, which was seen by the council.</p>' +
      '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/media/quay-800.jpg" alt="The old quay">' +
      '<figcaption>The old quay, which the new pier replaces.</figcaption></figure>' +
      `<script>window.tracked = true</script>${rest.join('')}</article><footer>Northbay Courier</footer>`,
    { head },
  );
}

const snapshotOf = (html: string, selectionHtml?: string): ReaderSnapshot =>
  selectionHtml === undefined ? { html, url: PAGE_URL, title: 'Tab title' } : { html, url: PAGE_URL, title: 'Tab title', selectionHtml };

function extracted(snapshot: ReaderSnapshot): ExtractedArticle {
  const extraction = extractArticle(snapshot);
  if (!extraction.ok) throw new Error(`expected an article, got: ${extraction.message}`);
  return extraction.article;
}

function contentOf(article: ExtractedArticle): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = article.contentHtml;
  return template.content;
}

/** A section front: headlines and links, no article. */
const LINKS_PAGE = page(
  `${NAV}<main><h2>Local</h2><ul>` +
    ['Pier to open', 'Road to close', 'Library hours', 'Tide tables', 'Council notes'].map((text, index) => `<li><a href="/local/${index}">${text}</a></li>`).join('') +
    '</ul></main>',
  { head: '<title>Local news | Northbay Courier</title><meta property="og:site_name" content="Northbay Courier">' },
);

describe('extractArticle: a page with an article', () => {
  const article = extracted(snapshotOf(articlePage()));

  it('reads the title, byline, site, date and language', () => {
    expect(article.title).toBe('New pier to open in spring');
    expect(article.byline).toBe('Ada Example');
    expect(article.site).toBe('Northbay Courier');
    expect(article.published).toBe('2024-05-13T09:30:00Z');
    expect(article.lang).toBe('en-GB');
  });

  it('names the page by its canonical URL, without tracking parameters', () => {
    expect(article.url).toBe('https://news.example.org/local/new-pier');
  });

  it('keeps the article\'s text and leaves out the page around it', () => {
    const text = contentOf(article).textContent!;
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    expect(text).not.toContain('Sport');
    expect(article.fromSelection).toBe(false);
  });

  it('brings no script along', () => {
    expect(article.contentHtml).not.toContain('<script');
    expect(article.contentHtml).not.toContain('tracked');
  });

  it('resolves a relative link against the page and opens it in a new tab', () => {
    const link = [...contentOf(article).querySelectorAll('a')].find((a) => a.textContent === 'the authority\'s report')!;
    expect(link.getAttribute('href')).toBe('https://news.example.org/reports/harbour-2024.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('takes a lazy image\'s source from data-src, in place of its placeholder', () => {
    const image = contentOf(article).querySelector('img[alt="The old quay"]')!;
    expect(image.getAttribute('src')).toBe('https://news.example.org/media/quay-800.jpg');
  });

  it('offers the page\'s og:image as lead image, resolved, when the body does not open with it', () => {
    expect(article.leadImage).toEqual({ src: 'https://news.example.org/media/pier-1200.jpg', alt: 'The new pier at low tide' });
  });

  it('reports how long each phase took', () => {
    for (const phase of ['parse', 'readability', 'sanitize'] as const) expect(article.timings[phase]).toBeGreaterThanOrEqual(0);
  });
});

describe('extractArticle: lead image', () => {
  it('is left out when the body opens with an image', () => {
    const opening = '<figure><img src="/media/pier-800.jpg" alt="The new pier"><figcaption>The new pier.</figcaption></figure>';
    expect(extracted(snapshotOf(articlePage({ opening }))).leadImage).toBeUndefined();
  });

  it('is left out when the body shows the same picture further down', () => {
    const head = HEAD.replace('/media/pier-1200.jpg', '/media/quay-800.jpg?width=1200');
    expect(extracted(snapshotOf(articlePage({ head }))).leadImage).toBeUndefined();
  });

  it('is left out when it is no http(s) image', () => {
    const head = HEAD.replace('/media/pier-1200.jpg', 'javascript:alert(1)');
    expect(extracted(snapshotOf(articlePage({ head }))).leadImage).toBeUndefined();
  });
});

describe('extractArticle: images and URLs', () => {
  it('takes lazy srcsets of images and of picture sources', () => {
    const picture =
      '<picture><source data-srcset="/media/pier-800.webp 800w" type="image/webp">' +
      '<img src="/static/blank.gif" data-lazy-src="/media/pier-800.jpg" data-lazy-srcset="/media/pier-400.jpg 400w" alt="The pier"></picture>';
    const content = contentOf(extracted(snapshotOf(articlePage({ opening: `<p>${PARAGRAPHS[4]}</p>${picture}` }))));
    expect(content.querySelector('source')!.getAttribute('srcset')).toBe('https://news.example.org/media/pier-800.webp 800w');
    const image = content.querySelector('img[alt="The pier"]')!;
    expect(image.getAttribute('src')).toBe('https://news.example.org/media/pier-800.jpg');
    expect(image.getAttribute('srcset')).toBe('https://news.example.org/media/pier-400.jpg 400w');
  });

  it('keeps a real source over a lazy one', () => {
    const opening = `<p>${PARAGRAPHS[4]}</p><img src="/media/pier-real.jpg" data-src="/media/pier-lazy.jpg" alt="The pier">`;
    const image = contentOf(extracted(snapshotOf(articlePage({ opening })))).querySelector('img[alt="The pier"]')!;
    expect(image.getAttribute('src')).toBe('https://news.example.org/media/pier-real.jpg');
  });

  it('resolves relative URLs against the page\'s own <base>, as the page did', () => {
    const head = `${HEAD}<base href="https://static.news.example.org/en/">`;
    const link = [...contentOf(extracted(snapshotOf(articlePage({ head })))).querySelectorAll('a')]
      .find((a) => a.textContent === 'the authority\'s report')!;
    expect(link.getAttribute('href')).toBe('https://static.news.example.org/reports/harbour-2024.html');
  });
});

describe('extractArticle: a page with no article', () => {
  it('without a selection, asks the reader to select the passage to read', () => {
    expect(extractArticle(snapshotOf(LINKS_PAGE))).toEqual({ ok: false, message: NO_ARTICLE_MESSAGE });
    expect(NO_ARTICLE_MESSAGE).toBe('No article was found on this page. Select the passage you want to read, then try again.');
  });

  it('takes a long index of links for a menu, not an article', () => {
    const index = page(
      `<nav><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/section/${i}">Section number ${i}</a></li>`).join('')}</ul></nav>`,
      { head: '<title>Index</title>' },
    );
    expect(extractArticle(snapshotOf(index))).toEqual({ ok: false, message: NO_ARTICLE_MESSAGE });
  });

  it('with a selection, shows the selection, titled from the page\'s metadata', () => {
    const selection = '<p>The <em>library</em> will open <a href="/local/2">late on Thursdays</a> from June.</p>';
    const article = extracted(snapshotOf(LINKS_PAGE, selection));
    expect(article.fromSelection).toBe(true);
    expect(article.title).toBe('Local news');
    expect(article.site).toBe('Northbay Courier');
    expect(article.lang).toBe('en-GB');
    expect(article.leadImage).toBeUndefined();
    const content = contentOf(article);
    expect(content.textContent).toBe('The library will open late on Thursdays from June.');
    expect(content.querySelector('em')).not.toBeNull();
    expect(content.querySelector('a')!.getAttribute('href')).toBe('https://news.example.org/local/2');
  });

  it('sanitises the selection as it would an article', () => {
    const selection = '<p onclick="steal()">Tide tables<img src=x onerror="alert(1)"><script>alert(2)</script> for May.</p>';
    const article = extracted(snapshotOf(LINKS_PAGE, selection));
    expect(article.contentHtml).not.toMatch(/onclick|onerror|<script|alert|steal/);
    expect(contentOf(article).textContent).toBe('Tide tables for May.');
  });

  it('a page that holds an article is read as one, even with a selection', () => {
    const article = extracted(snapshotOf(articlePage(), '<p>Fishing crews welcomed the news.</p>'));
    expect(article.fromSelection).toBe(false);
    expect(contentOf(article).textContent).toContain(PARAGRAPHS[0]);
  });
});
