import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { withoutWhitespace } from './compact-text';
import { createTextIndex, type TextIndex } from './text-index';

export interface DescribeOptions {
  /** A text index of the same root, to save rebuilding it. */
  index?: TextIndex;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The selectors describing `range` relative to `root`: the quoted text with up to
 * `CONTEXT_LENGTH` characters before and after it, and its offsets in the root's text, counted in
 * Unicode code points as the Web Annotation model has it. Any part of the range outside `root` is
 * left out.
 */
export function describe(
  range: Range,
  root: Node,
  options: DescribeOptions = {},
): [TextQuoteSelector, TextPositionSelector] {
  if (range.collapsed) throw new Error('Cannot describe an empty selection');
  if (!range.intersectsNode(root)) throw new Error('Cannot describe a selection outside the root');
  const index = options.index ?? createTextIndex(root);
  if (index.root !== root) throw new Error('The text index was built for another root; build one with createTextIndex(root)');

  const { text } = index;
  const start = index.offsetAt(range.startContainer, range.startOffset);
  const end = index.offsetAt(range.endContainer, range.endOffset);
  const exact = text.slice(start, end);
  // A selection of nothing but whitespace could never be told apart from any other.
  if (withoutWhitespace(exact).length === 0) throw new Error('Cannot describe an empty selection');

  // Context cut at a fixed length must not split a character outside the Basic Multilingual Plane.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;

  return [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    { type: 'TextPositionSelector', start: index.codePoints.fromUnits(start), end: index.codePoints.fromUnits(end) },
  ];
}
