/**
 * The marks' stylesheet (assets/highlights.css) as Chromium gets it: every `::highlight(…)` rule keyed
 * to the root element, `html::highlight(…)`.
 *
 * A rule whose selector is a pseudo-element alone belongs to no element, class or id, so Chromium
 * tries it against every element of the page at every style recalculation: the stylesheet's 90
 * selectors doubled or tripled the style work of a page's whole load, on every page, marks or not
 * (corpus page `article-author-tag`, traced: 43–50 ms of style recalculation with them, 16–26 ms
 * without Backstory). Keyed to `html`, they are tried on the root alone, and Chromium's highlight
 * inheritance carries the root's highlight styles to every element below it, in shadow trees too
 * (custom highlights have inherited so in Chromium since before the API shipped, in Chrome 105).
 * Firefox (153) has no highlight inheritance: its build keeps the rules as written.
 */
export function keyHighlightRules(css: string): string {
  return css.replace(/(^|[\s,{};/])::highlight\(/g, '$1html::highlight(');
}
