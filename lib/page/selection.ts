import { isInSkippedSubtree } from './blocks';
import type { Mark } from './highlights';

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

const SENTENCE_END = /[.!?…]["”’»)]?\s/g;

/** Kinds of entity that make statements; places, countries and events are spoken about, not speakers. */
const SPEAKERS = new Set(['person', 'organization', 'party']);

/**
 * The entities a saved quote is most likely a statement of, likeliest first: a person named inside
 * the quote, else the last person named in the sentence just before it, then organisations and
 * parties the same way. Empty when no speaker is near: the form then defaults to a note.
 */
export function proposedEntities(range: Range, marks: Mark[], kindOf: (id: string) => string | undefined): string[] {
  const overlaps = (mark: Mark) =>
    range.compareBoundaryPoints(Range.START_TO_END, mark.range) > 0 && range.compareBoundaryPoints(Range.END_TO_START, mark.range) < 0;
  // Only the sentence before counts: what lies between the name and the quote may end one sentence at most.
  const shortlyBefore = (mark: Mark) => {
    if (mark.range.compareBoundaryPoints(Range.END_TO_START, range) > 0) return false;
    const between = (range.startContainer.ownerDocument as Document).createRange();
    between.setStart(mark.range.endContainer, mark.range.endOffset);
    between.setEnd(range.startContainer, range.startOffset);
    const text = between.toString();
    return text.length < 400 && (text.match(SENTENCE_END)?.length ?? 0) <= 1;
  };
  const kind = (mark: Mark) => kindOf(mark.entityIds[0]) ?? '';
  const speakers = marks.filter((mark) => SPEAKERS.has(kind(mark)));
  const inside = speakers.filter(overlaps);
  const before = speakers.filter(shortlyBefore).reverse();
  const isPerson = (mark: Mark) => kind(mark) === 'person';
  const ordered = [
    ...inside.filter(isPerson),
    ...before.filter(isPerson),
    ...inside.filter((mark) => !isPerson(mark)),
    ...before.filter((mark) => !isPerson(mark)),
  ];
  return [...new Set(ordered.map((mark) => mark.entityIds[0]))];
}
