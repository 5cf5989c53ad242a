import { DEFAULT_THRESHOLD, matchQuote, type QuoteMatch } from './match-quote';
import { isTextPositionSelector, isTextQuoteSelector, type Selector } from './selectors';
import { createTextIndex, type TextIndex } from './text-index';

export interface AnchorOptions {
  /** The least score, 0..1, at which a fuzzy match is accepted; `DEFAULT_THRESHOLD` unless given. */
  threshold?: number;
  /** A text index of the same root, shared when anchoring many annotations on one page. */
  index?: TextIndex;
}

export interface AnchorResult {
  range: Range;
  /** 'position': found where it was; 'quote': the same text found elsewhere; 'fuzzy': an approximation. */
  method: 'position' | 'quote' | 'fuzzy';
  /** 0..1: 1 where found at its position, lower as the text or its surroundings differ. */
  score: number;
}

interface Located {
  start: number;
  end: number;
  method: AnchorResult['method'];
  score: number;
}

/** A Range in `root` for these selectors, or null when it can't be found with enough confidence. */
export function anchor(root: Node, selectors: readonly Selector[], options: AnchorOptions = {}): Range | null {
  return anchorWithInfo(root, selectors, options)?.range ?? null;
}

/**
 * Like `anchor`, reporting how the range was found. Tries in turn: the old position, if the quote
 * is still there; the quote elsewhere, the occurrence whose surroundings agree best (the nearest to
 * the old position among equals); an approximate match scoring at least the threshold.
 */
export function anchorWithInfo(
  root: Node,
  selectors: readonly Selector[],
  options: AnchorOptions = {},
): AnchorResult | null {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`The anchoring threshold must lie between 0 and 1, not ${threshold}`);
  }
  const index = options.index ?? createTextIndex(root);
  if (index.root !== root) throw new Error('The text index was built for another root; build one with createTextIndex(root)');

  const found = locate(index, selectors, threshold);
  return found && { range: index.rangeFor(found.start, found.end), method: found.method, score: found.score };
}

function locate(index: TextIndex, selectors: readonly Selector[], threshold: number): Located | QuoteMatch | null {
  const quote = selectors.find(isTextQuoteSelector);
  const position = selectors.find(isTextPositionSelector);
  const { text } = index;
  if (position && 0 <= position.start && position.start < position.end && position.end <= text.length) {
    // Without a quote there is nothing to check the position against: the caller chose to trust it.
    if (!quote || text.slice(position.start, position.end) === quote.exact) {
      return { start: position.start, end: position.end, method: 'position', score: 1 };
    }
  }
  if (!quote) return null;
  return matchQuote(
    index.compactText,
    quote.exact,
    { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start },
    threshold,
  );
}
