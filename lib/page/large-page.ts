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

export function isLargePage(doc: Document): boolean {
  if (!doc.body) return false;
  // Adds up the lengths of the text nodes, stopping at the threshold: no string is built (reading
  // body.textContent of the 1 MB bench page took ~40 ms in a CPU profile, inside the content
  // script's first task), and a large page is told after its first 500,000 characters.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    total += (node as CharacterData).length;
    if (total > LARGE_PAGE_TEXT) return true;
  }
  return false;
}
