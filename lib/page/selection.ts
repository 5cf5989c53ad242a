import { isInSkippedSubtree } from './blocks';
import type { Mark } from './highlights';
import { attributesSpeech, SENTENCE_END, sameSentence } from '../text/attribution';

/**
 * The selection as a range worth saving, or null: nothing is offered for a collapsed or blank
 * selection, nor for one in a form field, an editable area, code, or Backstory's own UI.
 */
export function savableRange(selection: Selection | null, root: Node): Range | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.toString().trim()) return null;
  if (!root.contains(range.commonAncestorContainer)) return null;
  if (isInSkippedSubtree(range.startContainer) || isInSkippedSubtree(range.endContainer)) return null;
  return range;
}

/**
 * The people a saved quote is proposed as a statement of, likeliest first: a person named inside the
 * quote, else one its own sentence clearly says spoke ("…, Lukashenka said", "according to
 * Lukashenka"). Organisations, parties, places and countries are never proposed, nor a person merely
 * named nearby: the form then defaults to a note, and the reader may still pick anyone.
 */
export function proposedEntities(range: Range, marks: Mark[], kindOf: (id: string) => string | undefined): string[] {
  const doc = range.startContainer.ownerDocument as Document;
  const text = (from: [Node, number], to: [Node, number]) => {
    const between = doc.createRange();
    between.setStart(...from);
    between.setEnd(...to);
    return between.toString();
  };
  const overlaps = (mark: Mark) =>
    range.compareBoundaryPoints(Range.START_TO_END, mark.range) > 0 && range.compareBoundaryPoints(Range.END_TO_START, mark.range) < 0;
  /** The sentence's text before and after the mark (bounded: a sentence is rarely longer). */
  const around = (mark: Mark) => {
    const block = mark.range.startContainer.parentElement?.closest('p, li, blockquote, td, dd, h1, h2, h3, h4, h5, h6, div') ?? doc.body;
    const before = text([block, 0], [mark.range.startContainer, mark.range.startOffset]).slice(-300);
    const after = text([mark.range.endContainer, mark.range.endOffset], [block, block.childNodes.length]).slice(0, 300);
    const sentenceStart = Math.max(...[...before.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + m[0].length), 0);
    return { before: before.slice(sentenceStart), after };
  };
  const attributed = (mark: Mark) => {
    const beforeQuote = mark.range.compareBoundaryPoints(Range.END_TO_START, range) <= 0;
    const between = beforeQuote
      ? text([mark.range.endContainer, mark.range.endOffset], [range.startContainer, range.startOffset])
      : text([range.endContainer, range.endOffset], [mark.range.startContainer, mark.range.startOffset]);
    if (!sameSentence(between)) return false;
    const { before, after } = around(mark);
    return attributesSpeech(before, after);
  };
  const people = marks.filter((mark) => kindOf(mark.entityIds[0]) === 'person');
  const inside = people.filter(overlaps);
  const near = people.filter((mark) => !overlaps(mark) && attributed(mark));
  return [...new Set([...inside, ...near].map((mark) => mark.entityIds[0]))];
}
