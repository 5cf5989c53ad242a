/**
 * The article of a page snapshot (snapshot.ts), read in the reader page: Readability finds it in an
 * inert copy of the page, DOMPurify (sanitize.ts) makes it safe to show. The live page is never used.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ReaderSnapshot } from '../../messages';
import { readPageMetadata } from '../metadata/page-metadata';
import { normalizeDate } from '../metadata/published-date';
import { httpUrl, sanitizeArticle } from './sanitize';

export interface ExtractedArticle {
  title: string;
  byline?: string;
  site?: string;
  published?: string;
  lang?: string;
  dir?: string;
  /** The page's canonical URL (tracking parameters removed), else snapshot.url. */
  url: string;
  /** The lead image, when the page has one and the article's content does not already start with it. */
  leadImage?: { src: string; alt: string };
  /** Sanitised HTML of the article body (see sanitize.ts). */
  contentHtml: string;
  /** True when the reader's selection was used because the page holds no article. */
  fromSelection: boolean;
  /** Milliseconds spent in parsing the snapshot, in Readability and in DOMPurify. */
  timings: { parse: number; readability: number; sanitize: number };
}

export type Extraction = { ok: true; article: ExtractedArticle } | { ok: false; message: string };

export const NO_ARTICLE_MESSAGE = 'No article was found on this page. Select the passage you want to read, then try again.';

/** Readability's finds shorter than this are a caption or a teaser, not an article. */
const MIN_ARTICLE_CHARS = 200;

/** On a page that does not look like an article, a find whose text is mostly links is a menu. */
const MAX_LINK_SHARE = 0.5;

/** The share of an HTML fragment's text that sits inside links. */
function linkShare(html: string): number {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const all = (body.textContent ?? '').replace(/\s+/g, '').length;
  if (all === 0) return 1;
  const linked = [...body.querySelectorAll('a')].reduce((sum, a) => sum + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
  return linked / all;
}

/** Attributes where lazy loaders keep an image's address until it scrolls into view. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

/** Spacer images that lazy loaders show in the meantime, known by their names. */
const BLANK_IMAGE = /(?:blank|spacer|pixel|transparent|placeholder|1x1)[^/]*\.gif(?:[?#]|$)/i;

const LEAD_IMAGE_KEYS = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'];
const LEAD_IMAGE_ALT_KEYS = ['og:image:alt', 'twitter:image:alt'];

const present = (text: string | null | undefined) => text?.trim() || undefined;

const firstAttribute = (element: Element, names: string[]) =>
  names.map((name) => present(element.getAttribute(name))).find(Boolean);

/** A stand-in for the real image: nothing, an inline data: image, or a spacer gif. */
function isPlaceholder(source: string | null): boolean {
  const value = source?.trim() ?? '';
  return value === '' || /^data:/i.test(value) || BLANK_IMAGE.test(value);
}

/** Puts the real sources of lazy-loaded images in place, for Readability to weigh them and the reader to see them. */
function revealLazyImages(doc: Document): void {
  const reveal = (element: Element, attribute: string, candidates: string[]) => {
    const real = firstAttribute(element, candidates);
    if (real && isPlaceholder(element.getAttribute(attribute))) element.setAttribute(attribute, real);
  };
  for (const image of doc.querySelectorAll('img')) {
    reveal(image, 'src', LAZY_SRC);
    reveal(image, 'srcset', LAZY_SRCSET);
  }
  for (const source of doc.querySelectorAll('picture > source')) reveal(source, 'srcset', LAZY_SRCSET);
}

/**
 * Makes the copy resolve relative URLs as the page did: against the page's own http(s) `<base>`,
 * else its address. A parsed document's address is the reader page's, which would otherwise send
 * every relative link and image into the extension. Returns the base.
 */
function anchorToPage(doc: Document, pageUrl: string): string {
  const own = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (own ? httpUrl(own, pageUrl) : undefined) ?? pageUrl;
  const element = doc.createElement('base');
  element.setAttribute('href', base);
  doc.head.prepend(element);
  return base;
}

function metaContent(doc: Document, keys: string[]): string | undefined {
  for (const key of keys) {
    const meta = doc.querySelector(`meta[property="${key}"][content], meta[name="${key}"][content]`);
    const content = present(meta?.getAttribute('content'));
    if (content) return content;
  }
  return undefined;
}

function leadImageOf(doc: Document, base: string): ExtractedArticle['leadImage'] {
  const content = metaContent(doc, LEAD_IMAGE_KEYS);
  const src = content ? httpUrl(content, base) : undefined;
  return src ? { src, alt: metaContent(doc, LEAD_IMAGE_ALT_KEYS) ?? '' } : undefined;
}

const withoutQuery = (url: string) => url.replace(/[?#].*$/, '');

/**
 * Whether the body already shows the lead image: it opens with an image (the same picture, often in
 * another size than the one announced to social networks) or shows that very file further down.
 */
function showsLeadImage(contentHtml: string, src: string): boolean {
  const body = new DOMParser().parseFromString(contentHtml, 'text/html').body;
  const images = [...body.querySelectorAll('img')];
  if (images.some((image) => withoutQuery(image.getAttribute('src') ?? '') === withoutQuery(src))) return true;
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '') return false;
    if (node.nodeName === 'IMG') return true;
  }
  return false;
}

/**
 * The article of the page in `snapshot`, ready to show, or why there is none. The reader's selection
 * stands in for the article when the page holds none; without a selection, the reader is told to make one.
 */
export function extractArticle(snapshot: ReaderSnapshot): Extraction {
  const started = performance.now();
  // An inert copy: its scripts never run, its images never load, and Readability may rewrite it.
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  const base = anchorToPage(doc, snapshot.url);
  revealLazyImages(doc);
  // Read before Readability, which takes the copy apart.
  const metadata = readPageMetadata(doc, snapshot.url);
  const leadImage = leadImageOf(doc, base);
  const lang = present(doc.documentElement.getAttribute('lang'));
  const pageDir = present(doc.documentElement.getAttribute('dir'));
  const parsed = performance.now();

  const { selectionHtml } = snapshot;
  const readerable = isProbablyReaderable(doc);
  const worthParsing = selectionHtml === undefined || readerable;
  const result = worthParsing ? new Readability(doc, { keepClasses: false }).parse() : null;
  const long = result && (result.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS;
  // On a page the readerability check doubts, what Readability keeps must be prose, not a list of links.
  const found = long && (readerable || linkShare(result.content ?? '') < MAX_LINK_SHARE) ? result : null;
  const read = performance.now();

  if (!found && selectionHtml === undefined) return { ok: false, message: NO_ARTICLE_MESSAGE };
  const contentHtml = sanitizeArticle(found ? found.content ?? '' : selectionHtml!, base);
  const sanitized = performance.now();

  const article: ExtractedArticle = {
    title: present(found?.title) ?? metadata.title ?? snapshot.title,
    url: metadata.url,
    contentHtml,
    fromSelection: !found,
    timings: { parse: parsed - started, readability: read - parsed, sanitize: sanitized - read },
  };
  const byline = present(found?.byline) ?? metadata.author;
  // The metadata's site falls back to the host name.
  const site = present(found?.siteName) ?? metadata.site;
  const publishedTime = present(found?.publishedTime);
  const published = metadata.published ?? (publishedTime ? normalizeDate(publishedTime) : undefined);
  const dir = present(found?.dir) ?? pageDir;
  if (byline) article.byline = byline;
  if (site) article.site = site;
  if (published) article.published = published;
  if (lang) article.lang = lang;
  if (dir) article.dir = dir;
  if (found && leadImage && !showsLeadImage(contentHtml, leadImage.src)) article.leadImage = leadImage;
  return { ok: true, article };
}
