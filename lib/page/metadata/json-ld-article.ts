/** What a page's JSON-LD says about the article it shows. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  /** Every author's name, in order, without repeats. */
  authors: string[];
  publisher?: string;
  url?: string;
}

type JsonObject = Record<string, unknown>;

/** schema.org's Article and its subtypes a news or blog page uses. */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle', 'OpinionNewsArticle',
  'ReportageNewsArticle', 'ReviewNewsArticle', 'SatiricalArticle', 'AdvertiserContentArticle',
  'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting', 'ScholarlyArticle',
  'TechArticle', 'Report',
]);

/** Enough to walk any real page's JSON-LD; a bound, so that a hostile page cannot make us loop. */
const MAX_DEPTH = 8;
const MAX_NODES = 2000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…',
};

/**
 * JSON-LD strings are not HTML, yet many CMSs write them HTML-escaped ("Q&amp;A", "&#8217;"). Only
 * character references are decoded; nothing is parsed as markup.
 */
function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function cleanText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((item) => typeof item === 'string') : value;
  if (typeof first !== 'string') return undefined;
  const text = decodeCharacterReferences(first).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * Parses one script's JSON-LD, forgiving what pages commonly get wrong: an HTML comment or CDATA
 * wrapper, raw line breaks inside strings. Anything still unparsable is no JSON-LD.
 */
function parseScript(source: string): unknown {
  const text = source
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '')
    // Control characters are invalid inside JSON strings and mere whitespace outside them.
    .replace(/[\u0000-\u001f]+/g, ' ');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeNames(node: JsonObject): string[] {
  const type = node['@type'];
  const names = Array.isArray(type) ? type : [type];
  return names
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.replace(/^(?:schema:|https?:\/\/schema\.org\/)/, ''));
}

/** Every object in the parsed JSON-LD, in document order, and the ones with an @id by that id. */
function collectNodes(roots: unknown[]): { nodes: JsonObject[]; byId: Map<string, JsonObject> } {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || nodes.length >= MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    nodes.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && !byId.has(id) && Object.keys(value).length > 1) byId.set(id, value);
    for (const child of Object.values(value)) if (typeof child === 'object') visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return { nodes, byId };
}

/** A reference `{ "@id": … }` replaced by the node it names, when the page's JSON-LD has it. */
function resolve(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

const looksLikeUrl = (text: string) => /^(?:https?:)?\/\//i.test(text);

function personName(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  const node = resolve(value, byId);
  if (typeof node === 'string') {
    const name = cleanText(node);
    return name && !looksLikeUrl(name) ? name : undefined;
  }
  if (!isObject(node)) return undefined;
  const name = cleanText(node.name);
  if (name) return name;
  const given = cleanText(node.givenName);
  const family = cleanText(node.familyName);
  return given || family ? [given, family].filter(Boolean).join(' ') : undefined;
}

function authorNames(value: unknown, byId: Map<string, JsonObject>): string[] {
  const names = (Array.isArray(value) ? value : [value])
    .map((author) => personName(author, byId))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

function urlOf(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  const node = resolve(Array.isArray(value) ? value[0] : value, byId);
  if (typeof node === 'string') return cleanText(node);
  if (isObject(node)) return cleanText(node['@id']) ?? cleanText(node.url);
  return undefined;
}

/**
 * The article described by the page's JSON-LD (`<script type="application/ld+json">`): a top-level
 * object, an array, or an `@graph`, where the first Article-typed node (NewsArticle, BlogPosting…) with
 * a headline or a date wins. Authors and publishers given as `{ "@id" }` references are looked up in
 * the same page's JSON-LD. Malformed JSON-LD is skipped, never thrown.
 */
export function readJsonLdArticle(doc: Document): JsonLdArticle {
  const roots: unknown[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    const type = script.getAttribute('type')!.split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const parsed = parseScript(script.textContent ?? '');
    if (parsed !== undefined) roots.push(parsed);
  }
  const { nodes, byId } = collectNodes(roots);
  const articles = nodes.filter((node) => typeNames(node).some((name) => ARTICLE_TYPES.has(name)));
  const article =
    articles.find((node) => cleanText(node.headline) !== undefined || cleanText(node.datePublished) !== undefined) ??
    articles[0];
  if (!article) return { authors: [] };

  const publisher = resolve(Array.isArray(article.publisher) ? article.publisher[0] : article.publisher, byId);
  return {
    headline: cleanText(article.headline) ?? cleanText(article.name),
    datePublished: cleanText(article.datePublished),
    authors: authorNames(article.author, byId),
    publisher: typeof publisher === 'string' ? cleanText(publisher) : isObject(publisher) ? cleanText(publisher.name) : undefined,
    url: urlOf(article.url, byId) ?? urlOf(article.mainEntityOfPage, byId),
  };
}
