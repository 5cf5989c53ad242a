/**
 * Paints marks with the CSS Custom Highlight API: one Highlight per entity kind, registered as
 * `backstory-<kind>`. Nothing is added to the page's DOM; the colours live in the content stylesheet.
 */

export interface Mark {
  range: Range;
  entityIds: string[];
  kind: string;
}

export const HIGHLIGHT_PREFIX = 'backstory-';

export function isHighlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly marks = new Map<Range, Mark>();

  add(mark: Mark): void {
    let highlight = this.highlights.get(mark.kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(mark.kind, highlight);
      CSS.highlights.set(HIGHLIGHT_PREFIX + mark.kind, highlight);
    }
    highlight.add(mark.range);
    this.marks.set(mark.range, mark);
  }

  remove(mark: Mark): void {
    this.highlights.get(mark.kind)?.delete(mark.range);
    this.marks.delete(mark.range);
  }

  /** The mark painted with this range, if any. */
  markOf(range: AbstractRange): Mark | undefined {
    return this.marks.get(range as Range);
  }

  isOwnHighlight(highlight: Highlight): boolean {
    for (const own of this.highlights.values()) if (own === highlight) return true;
    return false;
  }

  clear(): void {
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      CSS.highlights.delete(HIGHLIGHT_PREFIX + kind);
    }
    this.highlights.clear();
    this.marks.clear();
  }

  get size(): number {
    return this.marks.size;
  }
}
