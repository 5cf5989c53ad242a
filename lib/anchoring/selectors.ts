/**
 * The two W3C Web Annotation selectors Backstory stores for a saved quote. Each alone is fragile —
 * positions shift when a page changes, a short quote may occur several times — together they let
 * `anchor` find the passage again on a changed page.
 */

/** The quoted text, with up to `CONTEXT_LENGTH` characters of the text before and after it. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets into the root's text (see `TextIndex` for what counts as text). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** How much text before and after a quote `describe` keeps to tell repeated quotes apart. */
export const CONTEXT_LENGTH = 32;

export function isTextQuoteSelector(selector: Selector): selector is TextQuoteSelector {
  return selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string';
}

export function isTextPositionSelector(selector: Selector): selector is TextPositionSelector {
  return (
    selector.type === 'TextPositionSelector' &&
    Number.isInteger(selector.start) &&
    Number.isInteger(selector.end)
  );
}
