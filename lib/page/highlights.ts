/**
 * Paints marks with the CSS Custom Highlight API: one Highlight per entity kind, registered as
 * `backstory-<kind>`. Nothing is added to the page's DOM; the colours live in the content stylesheet.
 *
 * Chromium recomputes every registered range of every highlight each time any highlight changes, at a
 * cost that grows with their number (about 10 µs a range here: 175 ms a frame for the 17,000 marks of
 * a 5 MB page). A painter made with `nearScreenOnly` therefore registers only the ranges near the
 * viewport and keeps the rest until the reader scrolls near them: what is registered stays in the
 * hundreds whatever the page's size.
 *
 * What is near is told by an IntersectionObserver, but not one target per marked element: Chromium
 * computes every observed target in every frame after a layout, scroll or paint change, about 2 µs
 * each, so the thousands of marked elements of a 5 MB page added some 40 ms to the frames drawn while
 * the page was being marked, and 20–40 ms to every scrolled frame. Marked elements are instead filed in
 * sections: runs of elements, in the order they were marked, that lie within a few screens of one
 * another. Only a section's first and last elements are observed, with a margin wider by the
 * section's span, so that a section is near whenever any of its elements is within the painting
 * margin; the whole section is painted then. A 5 MB page needs a few hundred targets, not thousands.
 */

export interface Mark {
  range: Range;
  entityIds: string[];
  kind: string;
}

export const HIGHLIGHT_PREFIX = 'backstory-';

/** How far beyond the viewport, above and below, marks are painted ahead of the reader's scrolling, in screens. */
const PAINT_MARGIN_SCREENS = 3;
/**
 * How tall a section may be when an element joins it, in screens. Taller sections mean fewer observed
 * targets but more marks painted at once: at 4 screens, a section of prose holds some tens of marks.
 */
const SECTION_SPAN_SCREENS = 4;
/** Longest that held changes wait before they are handed to the browser (see hold()). */
const HOLD_MAX_MS = 1000;
/** Elements in one section at most, so that a section of many tiny elements is not painted as one. */
const SECTION_MAX_ELEMENTS = 256;
/** A section's ends are watched this far out, so that it is near whenever any of its elements is within the painting margin. */
const SENTINEL_MARGIN = `${(PAINT_MARGIN_SCREENS + SECTION_SPAN_SCREENS) * 100}% 0px`;

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
  /**
   * Paint under the `-tint` names (`backstory-person-tint`…), which assets/highlights.css styles
   * with a background only: for very large pages, see lib/page/large-page.ts.
   */
  tint?: boolean;
}

/**
 * A run of marked elements painted together. Its first and last elements are observed: an element
 * moved away from the others later (content inserted between them) stays as near one of the two ends
 * as it was, so the section is still found near when that element is.
 */
interface Section {
  elements: Element[];
  /** Where the elements lay (document coordinates) when they joined, for the span of the next one. */
  top: number;
  bottom: number;
  /** False for an element without a box of its own: it is alone in its section, its own sentinel. */
  joinable: boolean;
  /** Whether the section's marks are painted. */
  near: boolean;
}

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>();
  /** While held: whether each changed mark ends painted (true) or not (false). */
  private pending: Map<Mark, boolean> | null = null;
  private heldAt = 0;
  private readonly marks = new Map<Range, Mark>();
  /** Marks by the element that places them, for marks painted only near the screen. */
  private readonly byElement = new Map<Element, Set<Mark>>();
  /** The element each such mark was filed under (a range moves when the page edits its text). */
  private readonly elementOf = new Map<Range, Element>();
  private readonly sectionOf = new Map<Element, Section>();
  /** The observed ends of sections, and which of them the observer last saw near the viewport. */
  private readonly sentinels = new Map<Element, Section>();
  private readonly nearSentinels = new Set<Element>();
  /** The section that the next marked element joins if it lies close enough. */
  private openSection: Section | null = null;
  private observer: IntersectionObserver | null = null;

  constructor(private readonly options: PainterOptions = {}) {}

  /**
   * Adds a mark. `onScreen` says the caller knows it is on screen (it measured its block): it is
   * painted at once, with its section, rather than a frame later when the observer first reports.
   */
  add(mark: Mark, onScreen = false): void {
    this.marks.set(mark.range, mark);
    const element = this.options.nearScreenOnly && typeof IntersectionObserver !== 'undefined' ? anchorElement(mark.range) : null;
    if (!element) {
      this.paint(mark);
      return;
    }
    let group = this.byElement.get(element);
    if (!group) {
      this.byElement.set(element, (group = new Set()));
      this.file(element);
    }
    group.add(mark);
    this.elementOf.set(mark.range, element);
    const section = this.sectionOf.get(element)!;
    if (section.near) this.paint(mark);
    else if (onScreen) {
      // Until the observer's first report, the section's ends are taken to be near, as it is.
      for (const end of [section.elements[0], section.elements[section.elements.length - 1]]) if (end) this.nearSentinels.add(end);
      this.setNear(section, true);
    }
  }

  /**
   * Until release(), changes to what is painted are collected rather than handed to the browser.
   * Every change of a highlight costs Chromium a pass over the marked text's whole paint layer (the
   * underline paints outside the text's box, so its overflow is recomputed: 20–150 ms on a 5 MB
   * page here, whatever the number of ranges), so changes made while a page is being marked in the
   * background are better handed over together than in every frame. They are handed over at least
   * every HOLD_MAX_MS all the same, so a reader who scrolls meanwhile does not wait for the end.
   */
  hold(): void {
    this.pending ??= new Map();
    this.heldAt = performance.now();
  }

  release(): void {
    const pending = this.pending;
    this.pending = null;
    for (const [mark, painted] of pending ?? []) {
      if (painted) this.paint(mark);
      else this.unpaint(mark);
    }
  }

  remove(mark: Mark): void {
    this.pending?.delete(mark);
    this.highlights.get(mark.kind)?.delete(mark.range);
    this.marks.delete(mark.range);
    const element = this.elementOf.get(mark.range);
    const group = element && this.byElement.get(element);
    if (!group) return;
    this.elementOf.delete(mark.range);
    group.delete(mark);
    if (group.size === 0) {
      this.byElement.delete(element);
      this.unfile(element);
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
    this.sectionOf.clear();
    this.sentinels.clear();
    this.nearSentinels.clear();
    this.openSection = null;
    this.pending = null;
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      CSS.highlights.delete(this.nameOf(kind));
    }
    this.highlights.clear();
    this.marks.clear();
  }

  private nameOf(kind: string): string {
    return `${HIGHLIGHT_PREFIX}${kind}${this.options.tint ? '-tint' : ''}`;
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

  /** How many elements the IntersectionObserver watches now (a few per section). */
  get observed(): number {
    return this.sentinels.size;
  }

  private paint(mark: Mark): void {
    if (this.pending) {
      this.pending.set(mark, true);
      this.releaseIfHeldLong();
      return;
    }
    let highlight = this.highlights.get(mark.kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(mark.kind, highlight);
      CSS.highlights.set(this.nameOf(mark.kind), highlight);
    }
    highlight.add(mark.range);
  }

  private unpaint(mark: Mark): void {
    if (this.pending) {
      this.pending.set(mark, false);
      this.releaseIfHeldLong();
    } else {
      this.highlights.get(mark.kind)?.delete(mark.range);
    }
  }

  private releaseIfHeldLong(): void {
    if (performance.now() - this.heldAt < HOLD_MAX_MS) return;
    this.release();
    this.hold();
  }

  private setNear(section: Section, near: boolean): void {
    section.near = near;
    for (const element of section.elements) {
      for (const mark of this.byElement.get(element) ?? []) {
        if (near) this.paint(mark);
        else this.unpaint(mark);
      }
    }
  }

  /** Files a newly marked element in the open section, or in a new one when it lies too far from it. */
  private file(element: Element): void {
    // Layout is clean while marks are added (painting highlights does not change it), so this is a
    // cheap read, not a forced layout; after the page changed, the first read lays out what the next
    // frame would have.
    const rect = element.getBoundingClientRect();
    const view = element.ownerDocument.defaultView;
    const top = rect.top + (view?.scrollY ?? 0);
    const bottom = rect.bottom + (view?.scrollY ?? 0);
    const hasBox = rect.width > 0 || rect.height > 0;
    const span = (view?.innerHeight ?? 0) * SECTION_SPAN_SCREENS;
    const open = this.openSection;
    if (
      hasBox &&
      open?.joinable &&
      open.elements.length < SECTION_MAX_ELEMENTS &&
      Math.max(bottom, open.bottom) - Math.min(top, open.top) <= span
    ) {
      open.top = Math.min(top, open.top);
      open.bottom = Math.max(bottom, open.bottom);
      const previousLast = open.elements[open.elements.length - 1];
      open.elements.push(element);
      this.sectionOf.set(element, open);
      if (open.elements.length > 2) this.unwatch(previousLast);
      this.watch(element, open);
      return;
    }
    const section: Section = { elements: [element], top, bottom, joinable: hasBox, near: false };
    this.sectionOf.set(element, section);
    this.openSection = section;
    this.watch(element, section);
  }

  private unfile(element: Element): void {
    const section = this.sectionOf.get(element);
    if (!section) return;
    this.sectionOf.delete(element);
    const index = section.elements.indexOf(element);
    const wasEnd = index === 0 || index === section.elements.length - 1;
    section.elements.splice(index, 1);
    if (wasEnd) this.unwatch(element);
    if (!section.elements.length) {
      if (this.openSection === section) this.openSection = null;
      return;
    }
    const ends = [section.elements[0], section.elements[section.elements.length - 1]];
    for (const end of ends) if (!this.sentinels.has(end)) this.watch(end, section);
  }

  private watch(element: Element, section: Section): void {
    this.sentinels.set(element, section);
    // Until the observer's first report on it, a new end is taken to be where its section is, so a
    // painted section is not unpainted (and painted again) when its end moves.
    if (section.near) this.nearSentinels.add(element);
    this.observer ??= new IntersectionObserver((entries) => this.onIntersections(entries), { rootMargin: SENTINEL_MARGIN });
    this.observer.observe(element);
  }

  private unwatch(element: Element): void {
    this.sentinels.delete(element);
    this.nearSentinels.delete(element);
    this.observer?.unobserve(element);
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    const changed = new Set<Section>();
    for (const entry of entries) {
      const section = this.sentinels.get(entry.target);
      if (!section) continue;
      // An element without a box of its own (display: contents) never intersects: paint it anyway.
      const near =
        entry.isIntersecting ||
        (!section.joinable && entry.boundingClientRect.width === 0 && getComputedStyle(entry.target).display === 'contents');
      if (near) this.nearSentinels.add(entry.target);
      else this.nearSentinels.delete(entry.target);
      changed.add(section);
    }
    for (const section of changed) {
      const ends = [section.elements[0], section.elements[section.elements.length - 1]];
      const near = ends.some((end) => end !== undefined && this.nearSentinels.has(end));
      if (near !== section.near) this.setNear(section, near);
    }
  }
}
