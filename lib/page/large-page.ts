import { adoptStylesheet } from './ui-host';

/**
 * Marks on very large pages: a tint instead of the dotted underline.
 *
 * Chromium paints a `::highlight` underline outside the text's box, so every change to a highlight
 * that has one makes it recompute the overflow of the whole page's text: 20–150 ms a change on the
 * bench's 5 MB page, against about 1 ms for a highlight with a background colour only (measured here).
 * Marks change as the page is marked and as the reader scrolls (highlights.ts), so on pages with this
 * much text the marks keep their colours as a tint and drop the underline. Ordinary articles, a few
 * tens of kilobytes of text, keep the underline: there the same pass costs a millisecond or two.
 */

/** Characters of text above which a page is large enough for the tint. */
export const LARGE_PAGE_TEXT = 500_000;

/** The override: no underline, a stronger background in each kind's colour (see assets/highlights.css). */
export const TINT_CSS = [
  ['person', '232 89 12'],
  ['organization', '25 113 194'],
  ['country', '47 158 68'],
  ['place', '11 114 133'],
  ['party', '156 54 181'],
  ['event', '194 37 92'],
  ['unknown', '90 90 90'],
]
  .map(([kind, rgb]) => `::highlight(backstory-${kind}) { text-decoration-line: none !important; background-color: rgb(${rgb} / 0.16) !important; }`)
  .join('\n');

export function isLargePage(doc: Document): boolean {
  // textContent reads text nodes without layout: a few milliseconds even on the 5 MB page.
  return (doc.body?.textContent?.length ?? 0) > LARGE_PAGE_TEXT;
}

/**
 * Adds the tint override to the document as an adopted sheet (no node is added to the page). Returns
 * false where the browser refuses a sheet built by a content script; the underline then stays.
 */
export function useTintForLargePage(doc: Document): boolean {
  return isLargePage(doc) && adoptStylesheet(doc, TINT_CSS);
}
