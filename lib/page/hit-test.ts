import type { HighlightPainter, Mark } from './highlights';

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type HighlightsFromPoint = (x: number, y: number) => HighlightHit[];

function pointInRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The mark under a viewport point. Uses CSS.highlights.highlightsFromPoint where the browser has
 * it; where it has not, or it finds none of Backstory's (marks painted in Backstory's own layer are not
 * in the registry; under some device pixel ratios Chromium misses ranges that are there), the caret
 * position at the point, checked against the marks' own rectangles (the
 * caret snaps to the nearest character even when the pointer is in a margin).
 */
export function markAtPoint(
  doc: Document,
  painter: HighlightPainter,
  marksNear: (node: Node) => Iterable<Mark>,
  x: number,
  y: number,
): Mark | undefined {
  const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
  if (typeof fromPoint === 'function') {
    for (const hit of fromPoint.call(CSS.highlights, x, y)) {
      if (!painter.isOwnHighlight(hit.highlight)) continue;
      for (const range of hit.ranges) {
        const mark = painter.markOf(range);
        if (mark) return mark;
      }
    }
    // Under some device pixel ratios Chromium's answer misses ranges that are there: ask the caret too.
  }
  let node: Node | undefined;
  let offset = 0;
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (withPosition.caretPositionFromPoint) {
    const position = withPosition.caretPositionFromPoint(x, y);
    if (position) ({ offsetNode: node, offset } = position);
  } else if (doc.caretRangeFromPoint) {
    const range = doc.caretRangeFromPoint(x, y);
    if (range) ({ startContainer: node, startOffset: offset } = range);
  }
  if (!node) return undefined;
  for (const mark of marksNear(node)) {
    if (mark.range.isPointInRange(node, offset) && pointInRange(mark.range, x, y)) return mark;
  }
  return undefined;
}
