import { Effort, runSteps, runStepsSliced, Slicer, type Steps } from './effort';
import { DEFAULT_THRESHOLD, matchQuoteSteps, type QuoteMatch } from './match-quote';
import { isTextPositionSelector, isTextQuoteSelector, type Selector, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { createTextIndex, type TextIndex } from './text-index';

export interface AnchorOptions {
  /** The least score, 0..1, at which a fuzzy match is accepted; `DEFAULT_THRESHOLD` unless given. */
  threshold?: number;
  /** A text index of the same root, shared when anchoring many annotations on one page. */
  index?: TextIndex;
  /**
   * The most work approximate matching may take, in work units (see `Effort`): past it the passage is
   * given up (null, orphaned). `DEFAULT_BUDGET` unless given.
   */
  budget?: number;
  /** Filled in with the work spent, and whether the budget ran out (then the result is null). */
  effort?: Effort;
}

export interface SlicedAnchorOptions extends AnchorOptions {
  /** Gives the page back between steps; share one with the caller's own loop so both make one slice. */
  slicer: Slicer;
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
 * the old position among equals); an approximate match scoring at least the threshold. Its work is
 * bounded by `options.budget`, but done in one go: a caller on a page's main thread that can wait
 * should use `anchorSliced`.
 */
export function anchorWithInfo(
  root: Node,
  selectors: readonly Selector[],
  options: AnchorOptions = {},
): AnchorResult | null {
  const { index, threshold, effort } = prepare(root, options);
  const found = runSteps(locate(index, selectors, threshold, effort), effort);
  return found && { range: index.rangeFor(found.start, found.end), method: found.method, score: found.score };
}

/**
 * Like `anchorWithInfo`, in steps of bounded work with a pause (`options.slicer`) whenever a slice
 * has used its time, so that a long quote on a large page never holds the page for long. Null when
 * not found, when the budget ran out, or when the slicer was cancelled.
 */
export async function anchorSliced(
  root: Node,
  selectors: readonly Selector[],
  options: SlicedAnchorOptions,
): Promise<AnchorResult | null> {
  const { index, threshold, effort } = prepare(root, options);
  const found = await runStepsSliced(locate(index, selectors, threshold, effort), effort, options.slicer);
  // The page may have changed during a pause: the caller catches the error and reads its text anew.
  return found && { range: index.rangeFor(found.start, found.end), method: found.method, score: found.score };
}

function prepare(root: Node, options: AnchorOptions): { index: TextIndex; threshold: number; effort: Effort } {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`The anchoring threshold must lie between 0 and 1, not ${threshold}`);
  }
  const index = options.index ?? createTextIndex(root);
  if (index.root !== root) throw new Error('The text index was built for another root; build one with createTextIndex(root)');
  const effort = options.effort ?? new Effort(options.budget);
  return { index, threshold, effort };
}

/**
 * Where the position selector points, in UTF-16 offsets, each way it may be read: in code points, as
 * the Web Annotation model counts and Backstory writes since its selectors follow it; then, when a
 * quote can tell, in UTF-16 units, as Backstory wrote them before (they differ only after a character
 * outside the Basic Multilingual Plane). A stored passage thus needs no migration — its page's text,
 * which a conversion needs, is not stored — and keeps anchoring.
 */
function positionReadings(index: TextIndex, position: TextPositionSelector, quote: TextQuoteSelector | undefined): [number, number][] {
  const { codePoints, text } = index;
  const readings: [number, number][] = [];
  if (0 <= position.start && position.start < position.end && position.end <= codePoints.length) {
    readings.push([codePoints.toUnits(position.start), codePoints.toUnits(position.end)]);
  }
  if (quote && 0 <= position.start && position.start < position.end && position.end <= text.length) {
    readings.push([position.start, position.end]);
  }
  return readings;
}

function* locate(index: TextIndex, selectors: readonly Selector[], threshold: number, effort: Effort): Steps<Located | QuoteMatch | null> {
  const quote = selectors.find(isTextQuoteSelector);
  const position = selectors.find(isTextPositionSelector);
  const { text } = index;
  const readings = position ? positionReadings(index, position, quote) : [];
  for (const [start, end] of readings) {
    // Without a quote there is nothing to check the position against: the caller chose to trust it.
    if (!quote || text.slice(start, end) === quote.exact) return { start, end, method: 'position', score: 1 };
  }
  if (!quote) return null;
  return yield* matchQuoteSteps(
    index.compactText,
    quote.exact,
    { prefix: quote.prefix, suffix: quote.suffix, hint: readings[0]?.[0] },
    threshold,
    effort,
  );
}
