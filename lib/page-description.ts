import { PAGE_DESCRIPTION_LIMITS } from './messages';

/**
 * What a page says about itself fitted to the protocol's limits (PAGE_DESCRIPTION_LIMITS), so that a
 * save is never refused because of the page's metadata: a page with forty `citation_author` tags, a
 * headline stuffed with keywords or a site name of a thousand characters still saves. Titles and site
 * names are cut at a word boundary and end with "…"; a long list of authors keeps its first names and
 * says "et al.". Used where the metadata is read (lib/page/metadata) and again before every save is
 * sent, whatever read it (the page, the reading mode).
 */

/** The fields of a saved passage that come from the page's own description of itself. */
export interface PageDescription {
  title?: string;
  site?: string;
  author?: string;
  published?: string;
}

const ELLIPSIS = '…';
const ET_AL = 'et al.';
/** Authors named in full up to this many; with more, the first AUTHORS_BEFORE_ET_AL and "et al.", as citation styles do. */
const MOST_AUTHORS_NAMED = 6;
const AUTHORS_BEFORE_ET_AL = 3;

/** `text` cut so that a UTF-16 surrogate pair is never split in two. */
function cutAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/**
 * `text` when it fits in `max` UTF-16 units; else its start, cut at the last word boundary that
 * leaves more than half of it (or mid-word, for text without spaces), with "…" at the end.
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '';
  let cut = cutAt(text, max - ELLIPSIS.length);
  // Cut at a word boundary when one is close to the end: the last space, if the next character starts a word.
  const boundary = /\s\S*$/.exec(cut)?.index ?? -1;
  if (/\s/.test(text[cut.length] ?? '')) cut = cut.trimEnd();
  else if (boundary > max / 2) cut = cut.slice(0, boundary);
  return cut.replace(/[\s,;:.|·\-–—]+$/u, '') + ELLIPSIS;
}

/**
 * The authors as one string within `max`: every name while there are few and they fit, else the
 * first few and "et al."; a single name too long for the limit is shortened.
 */
export function listAuthors(names: readonly string[], max: number = PAGE_DESCRIPTION_LIMITS.author): string | undefined {
  if (names.length === 0) return undefined;
  const all = names.join(', ');
  if (names.length <= MOST_AUTHORS_NAMED && all.length <= max) return all;
  if (names.length === 1) return shortenText(names[0]!, max);
  for (let shown = Math.min(AUTHORS_BEFORE_ET_AL, names.length - 1); shown >= 1; shown--) {
    const listed = `${names.slice(0, shown).join(', ')}, ${ET_AL}`;
    if (listed.length <= max) return listed;
  }
  return `${shortenText(names[0]!, max - ET_AL.length - 2)}, ${ET_AL}`;
}

/**
 * An author string (such as Readability's byline) within `max`: cut after the last whole name that
 * fits, named by its separator (", ", "; ", " and "), then "et al."; without separators, shortened.
 */
function shortenAuthorString(author: string, max: number): string {
  if (author.length <= max) return author;
  const room = author.slice(0, max - ET_AL.length - 2 + 1);
  const separators = [...room.matchAll(/\s*(?:[,;]|\s(?:and|&)\s)\s*/g)];
  const last = separators[separators.length - 1];
  if (last && last.index > 0) return `${author.slice(0, last.index).trimEnd()}, ${ET_AL}`;
  return shortenText(author, max);
}

/** `description` with every field within the protocol's limits; other fields pass unchanged. */
export function fitPageDescription<T extends PageDescription>(description: T): T {
  const fitted: T = { ...description };
  if (fitted.title !== undefined) fitted.title = shortenText(fitted.title, PAGE_DESCRIPTION_LIMITS.title);
  if (fitted.site !== undefined) fitted.site = shortenText(fitted.site, PAGE_DESCRIPTION_LIMITS.site);
  if (fitted.author !== undefined) fitted.author = shortenAuthorString(fitted.author, PAGE_DESCRIPTION_LIMITS.author);
  // Dates are normalised to a few characters; anything longer is not one, and is left out.
  if (fitted.published !== undefined && fitted.published.length > PAGE_DESCRIPTION_LIMITS.published) delete fitted.published;
  return fitted;
}
