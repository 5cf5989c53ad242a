/**
 * Marks on very large pages: a tint instead of the dotted underline.
 *
 * Chromium paints a `::highlight` underline outside the text's box, so every change to a highlight
 * that has one makes it recompute the overflow of the whole page's text: 20–150 ms a change on the
 * bench's 5 MB page, against about 1 ms for a highlight with a background colour only (measured here).
 * Marks change as the page is marked and as the reader scrolls (highlights.ts), so on pages with this
 * much text the marks are painted under the `-tint` highlight names, which assets/highlights.css
 * styles with each kind's colour as a background and no underline. The names are chosen before the
 * first mark: switching a stylesheet instead would restyle the whole page once (50 ms on 1 MB here).
 * Ordinary articles, a few tens of kilobytes of text, keep the underline: there the pass costs a
 * millisecond or two.
 */

/** Characters of text above which a page is large enough for the tint. */
export const LARGE_PAGE_TEXT = 500_000;

/**
 * Whether a page with this much text to mark (the length of the blocks the marker walked) takes the
 * tint. Told from the marker's own walk, which reads every block before the first mark is painted:
 * a walk of the page's text nodes of its own, as this once was, held a page's main thread for 2–20 ms
 * in one piece at the start of marking (traced on article pages here, most on those with much inline
 * script text).
 */
export function isLargeText(textLength: number): boolean {
  return textLength > LARGE_PAGE_TEXT;
}
