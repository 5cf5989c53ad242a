/**
 * Paints marks with the CSS Custom Highlight API: one Highlight per entity kind, registered as
 * `backstory-<kind>`. Nothing is added to the page's DOM; the colours live in the content stylesheet.
 *
 * Chromium recomputes every registered range of every highlight each time any highlight changes, at a
 * cost that grows with their number (about 10 µs a range here: 175 ms a frame for the 17,000 marks of
 * a 5 MB page). A painter made with `nearScreenOnly` therefore registers only the ranges of elements
 * within a few screens of the viewport, as an IntersectionObserver reports them, and keeps the rest
 * until the reader scrolls near them: what is registered stays in the hundreds whatever the page's size.
 */

export interface Mark {
  range: Range;
  entityIds: string[];
  kind: string;
}

export const HIGHLIGHT_PREFIX = 'backstory-';

/** How far beyond the viewport, above and below, marks are painted ahead of the reader's scrolling. */
const NEAR_SCREEN_MARGIN = '300% 0px 300% 0px';

export function isHighlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** The element whose box says where a range is: its start's element. */
function anchorElement(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

export interface PainterOptions {
  /** Register only ranges near the viewport (see above); otherwise every range at once. */
  nearScreenOnly?: boolean;
}

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  private readonly marks = new Map<Range, Mark>();
  /** Marks by the element that places them, for marks painted only near the screen. */
  private readonly byElement = new Map<Element, Set<Mark>>();
  /** The element each such mark was filed under (a range moves when the page edits its text). */
  private readonly elementOf = new Map<Range, Element>();
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | null = null;

  constructor(private readonly options: PainterOptions = {}) {}

  add(mark: Mark): void {
    this.marks.set(mark.range, mark);
    const element = this.options.nearScreenOnly && typeof IntersectionObserver !== 'undefined' ? anchorElement(mark.range) : null;
    if (!element) {
      this.paint(mark);
      return;
    }
    let group = this.byElement.get(element);
    if (!group) {
      this.byElement.set(element, (group = new Set()));
      this.observer ??= new IntersectionObserver((entries) => this.onIntersections(entries), { rootMargin: NEAR_SCREEN_MARGIN });
      this.observer.observe(element);
    }
    group.add(mark);
    this.elementOf.set(mark.range, element);
    if (this.near.has(element)) this.paint(mark);
  }

  remove(mark: Mark): void {
    this.highlights.get(mark.kind)?.delete(mark.range);
    this.marks.delete(mark.range);
    const element = this.elementOf.get(mark.range);
    const group = element && this.byElement.get(element);
    if (!group) return;
    this.elementOf.delete(mark.range);
    group.delete(mark);
    if (group.size === 0) {
      this.byElement.delete(element);
      this.near.delete(element);
      this.observer?.unobserve(element);
    }
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
    this.observer?.disconnect();
    this.observer = null;
    this.byElement.clear();
    this.elementOf.clear();
    this.near.clear();
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      CSS.highlights.delete(HIGHLIGHT_PREFIX + kind);
    }
    this.highlights.clear();
    this.marks.clear();
  }

  /** How many marks the painter holds, painted or waiting for the reader to scroll near them. */
  get size(): number {
    return this.marks.size;
  }

  /** How many ranges are registered with the browser now. */
  get painted(): number {
    let count = 0;
    for (const highlight of this.highlights.values()) count += highlight.size;
    return count;
  }

  private paint(mark: Mark): void {
    let highlight = this.highlights.get(mark.kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(mark.kind, highlight);
      CSS.highlights.set(HIGHLIGHT_PREFIX + mark.kind, highlight);
    }
    highlight.add(mark.range);
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = this.byElement.get(entry.target);
      if (!group) continue;
      // An element without a box of its own (display: contents) never intersects: paint it anyway.
      const near = entry.isIntersecting || (entry.boundingClientRect.width === 0 && getComputedStyle(entry.target).display === 'contents');
      if (near === this.near.has(entry.target)) continue;
      if (near) {
        this.near.add(entry.target);
        for (const mark of group) this.paint(mark);
      } else {
        this.near.delete(entry.target);
        for (const mark of group) this.highlights.get(mark.kind)?.delete(mark.range);
      }
    }
  }
}
