import { fitPageDescription, listAuthors } from '../../page-description';
import { canonicalUrl } from './canonical-url';
import { readJsonLdArticle } from './json-ld-article';
import { normalizeDate } from './published-date';

/** What a page says about itself, read by readPageMetadata. */
export interface PageMetadata {
  url: string;
  title?: string;
  site?: string;
  author?: string;
  published?: string;
}

/** `<meta>` values by lower-cased name, property and itemprop, in document order. */
type MetaValues = Map<string, string[]>;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const firstMeta = (meta: MetaValues, keys: string[]) => keys.map((key) => meta.get(key)?.[0]).find(Boolean);
const looksLikeUrl = (text: string) => /^(?:https?:)?\/\//i.test(text);

/** Every `<meta>` value by key; with `only`, the values of that one key. */
function readMeta(doc: Document, only?: string): MetaValues {
  const values: MetaValues = new Map();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    // One element may carry several keys: property="og:title twitter:title".
    const keys = ['name', 'property', 'itemprop'].flatMap((attribute) =>
      (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/).filter((key) => key && (only === undefined || key === only)),
    );
    if (!keys.length) continue;
    const content = collapse(meta.getAttribute('content')!);
    if (content === '') continue;
    for (const key of keys) {
      const list = values.get(key);
      if (list) list.push(content);
      else values.set(key, [content]);
    }
  }
  return values;
}

const TITLE_KEYS = ['twitter:title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title', 'citation_title', 'title'];
const SITE_KEYS = ['application-name', 'dc.publisher', 'dcterms.publisher', 'citation_publisher', 'citation_journal_title'];
const AUTHOR_KEYS = [
  'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'citation_author',
];
const DATE_KEYS = [
  'date', 'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.issued', 'dcterms.created', 'dcterms.date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'parsely-pub-date',
  'sailthru.date', 'citation_publication_date', 'citation_date', 'datepublished',
];

/** Separators between a headline and the site's name in `<title>`: "Headline | Site", "Site – Headline". */
const TITLE_SEPARATOR = /\s+[|\-–—·:]{1,2}\s+/g;

/** `<title>` without the site's name, when the site's name stands apart at its start or end. */
function titleFromTitleElement(doc: Document, site: string | undefined): string | undefined {
  const title = collapse(doc.title ?? '');
  if (title === '') return undefined;
  const separators = [...title.matchAll(TITLE_SEPARATOR)];
  if (!site || separators.length === 0) return title;
  const isSite = (part: string) => part.toLowerCase() === site.toLowerCase();
  const first = separators[0]!;
  const last = separators[separators.length - 1]!;
  if (isSite(title.slice(last.index + last[0].length))) return title.slice(0, last.index);
  if (isSite(title.slice(0, first.index))) return title.slice(first.index + first[0].length);
  return title;
}

function cleanAuthors(names: string[]): string | undefined {
  const cleaned = names
    .map((name) => collapse(name).replace(/^by\s+/i, ''))
    .filter((name) => name !== '' && !looksLikeUrl(name));
  // Forty citation_author tags make no byline: the first few names, then "et al.".
  return listAuthors([...new Set(cleaned)]);
}

function firstDate(candidates: (string | null | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const date = candidate ? normalizeDate(candidate) : undefined;
    if (date) return date;
  }
  return undefined;
}

/**
 * Second-level suffixes under which unrelated sites register (example.co.uk, example.com.au): a host
 * that is only such a suffix is no site. A stand-in for the Public Suffix List, enough for canonical
 * links, which name the publisher's own host.
 */
const SHARED_SUFFIX = /^(?:co|com|net|org|gov|edu|ac|ne|or|go)\.[a-z]{2}$/;

/** Labels a host carries for the same site's mobile or AMP edition. */
const EDITION_LABEL = /^(?:www\d?|m|mobile|amp)\./;

/**
 * Whether `candidate` may stand for a page shown at `location`. A canonical URL on another site is
 * refused: a page could otherwise attribute what it shows to a publisher that never printed it, and a
 * researcher's citation would name the wrong source. Subdomains of one site (www., m., edition.) agree;
 * Google's AMP cache serves publishers' own pages and so may name any site. A canonical URL pointing at
 * the site's home page from an article is a CMS mistake and is refused too.
 */
function mayStandFor(candidate: URL, location: URL): boolean {
  if (candidate.protocol !== 'http:' && candidate.protocol !== 'https:') return false;
  if (candidate.pathname === '/' && candidate.search === '' && location.pathname !== '/') return false;
  const host = location.hostname.toLowerCase();
  if (host.endsWith('.cdn.ampproject.org')) return true;
  const a = host.replace(EDITION_LABEL, '');
  const b = candidate.hostname.toLowerCase().replace(EDITION_LABEL, '');
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return longer.endsWith(`.${shorter}`) && shorter.includes('.') && !SHARED_SUFFIX.test(shorter);
}

function resolveUrl(href: string | null | undefined, base: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base);
  } catch {
    return undefined;
  }
}

function documentBase(doc: Document, location: string): string {
  const base = resolveUrl(doc.querySelector('base[href]')?.getAttribute('href'), location);
  return base?.href ?? location;
}

/**
 * The page's URL (see readPageMetadata) from its candidates in order — the canonical link, og:url, the
 * JSON-LD article's url — each read only when those before it could not stand for the page.
 */
function pageUrl(doc: Document, location: URL, ogUrl: () => string | undefined, jsonLdUrl: () => string | undefined): string {
  const base = documentBase(doc, location.href);
  for (const candidate of [() => canonicalLink(doc), ogUrl, jsonLdUrl]) {
    const url = resolveUrl(candidate(), base);
    if (url && mayStandFor(url, location)) return canonicalUrl(url.href);
  }
  return canonicalUrl(location.href);
}

function canonicalLink(doc: Document): string | null | undefined {
  const link = [...doc.querySelectorAll('link[rel][href]')].find((element) =>
    element.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('canonical'),
  );
  return link?.getAttribute('href');
}

/**
 * The URL readPageMetadata would give, without the rest of its reading: what a page's saved passages
 * are looked up by as it opens, when neither its title nor its authors are wanted. The JSON-LD (whose
 * parsing was the most of readPageMetadata's 7–23 ms at the end of marking, in traces of article pages)
 * is read only when neither the canonical link nor og:url can stand for the page.
 */
export function readPageUrl(doc: Document, location: string): string {
  const here = new URL(location);
  return pageUrl(doc, here, () => readMeta(doc, 'og:url').get('og:url')?.[0], () => readJsonLdArticle(doc).url);
}

/**
 * The page's URL, title, site, author and publication date, from what the page says about itself:
 * JSON-LD first (the publisher's structured data), then Open Graph, then other `<meta>` names (Dublin
 * Core, Parse.ly, citation_*…), then the document itself (`<title>`, `<h1>`, `<time>`). The URL is the
 * page's canonical link or og:url when it is on the same site (see mayStandFor), else `location`; with
 * tracking parameters removed. The site falls back to the host name, so that every citation names one.
 * Long values are shortened to what a saved passage may carry (see lib/page-description.ts).
 * `location` is the address the page was loaded from; throws a TypeError when it is not a URL.
 */
export function readPageMetadata(doc: Document, location: string): PageMetadata {
  const here = new URL(location);
  const meta = readMeta(doc);
  const jsonLd = readJsonLdArticle(doc);

  const site = jsonLd.publisher ?? firstMeta(meta, ['og:site_name']) ?? firstMeta(meta, SITE_KEYS) ??
    (here.hostname.replace(/^www\d?\./, '') || undefined);

  const h1 = doc.querySelector('article h1, main h1') ?? doc.querySelector('h1');
  const title = jsonLd.headline ?? firstMeta(meta, ['og:title']) ?? firstMeta(meta, TITLE_KEYS) ??
    titleFromTitleElement(doc, site) ?? (h1 ? collapse(h1.textContent ?? '') || undefined : undefined);

  const author =
    cleanAuthors(jsonLd.authors) ??
    cleanAuthors(meta.get('article:author') ?? []) ??
    cleanAuthors(AUTHOR_KEYS.map((key) => meta.get(key)).find((names) => names !== undefined) ?? []);

  const time = (selector: string) => doc.querySelector(selector)?.getAttribute('datetime');
  const published = firstDate([
    jsonLd.datePublished,
    firstMeta(meta, ['article:published_time']),
    ...DATE_KEYS.map((key) => meta.get(key)?.[0]),
    time('time[itemprop~="datePublished"][datetime]'),
    time('time[pubdate][datetime]'),
    time('article time[datetime]'),
  ]);

  const result: PageMetadata = { url: pageUrl(doc, here, () => meta.get('og:url')?.[0], () => jsonLd.url) };
  if (title) result.title = title;
  if (site) result.site = site;
  if (author) result.author = author;
  if (published) result.published = published;
  // Within the protocol's limits, so that no save on the page is refused for its metadata.
  return fitPageDescription(result);
}
