/**
 * Paints marks with the CSS Custom Highlight API: one Highlight per entity kind, registered as
 * `backstory-<kind>`. Nothing is added to the page's DOM; the colours live in the content stylesheet.
 * Marks the page's scripts must not read (the `stealth` option) go to Backstory's own layer instead
 * (stealth-layer.ts); which marks are painted, and when, is decided the same way for both.
 *
 * Chromium recomputes every registered range of every highlight each time any highlight changes, at a
 * cost that grows with their number (about 10 µs a range here: 175 ms a frame for the 17,000 marks of
 * a 5 MB page). A painter made with `nearScreenOnly` therefore registers only the ranges near the
 * viewport, and the rest when the reader comes near them.
 *
 * Where the marks lie is measured, not predicted. Marked elements are filed in *sections*: runs of
 * elements, in document order, whose tops go down the page and that span a few screens at most when
 * they join. Whenever what is on screen may have changed — any scroll (the page's or a nested
 * scroller's), a resize, a change of the document's size, a layout shift, new marks — the painter
 * reads, in the next animation frame, the boxes of each section's first and last elements and paints
 * the sections that reach within a screen of the viewport. Reading the ends' current boxes makes it
 * right whatever happened in between: a jump into the middle of a long run of marked paragraphs, a
 * section grown ten screens tall by images that loaded after it was filed, sticky and fixed elements,
 * text inside a nested scroller. A scroll is handled in the same frame that draws it (scroll events
 * come before animation frame callbacks), so a jump shows its marks in its first frame. A section of
 * a few hundred elements costs two box reads a frame, which stay cheap on the largest pages (a few
 * hundred sections on 5 MB) where one observed target per element had cost 20–40 ms a frame.
 */

import type { Mark, PaintLayer, PaintSink } from './mark';
import { watchLayout } from './layout-watch';
import { HIGHLIGHT_PREFIX, RegistrySink } from './registry-sink';

export type { Mark } from './mark';
export { HIGHLIGHT_PREFIX };

/** Sections that reach within this many screens of the viewport are painted: an article of ordinary length is painted whole. */
const PAINT_MARGIN_SCREENS = 3;
/** Painted sections are taken back only beyond this many screens, so a reader scrolling to and fro does not repaint. */
const KEEP_MARGIN_SCREENS = 5;
/** How tall a section may be when an element joins it, in screens: taller sections mean fewer boxes to read, more marks painted at once. */
const SECTION_SPAN_SCREENS = 2;
/** Elements in one section at most, so that a section of many tiny elements is not painted as one. */
const SECTION_MAX_ELEMENTS = 128;
/** How far (px) a joining element may start above the section's last one: lines of one paragraph, rounding. */
const TOP_TOLERANCE_PX = 2;
/** Longest that held changes wait before they are handed to the browser (see hold()). */
const HOLD_MAX_MS = 1000;

export function isHighlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** The element whose box says where a range is: its start's element. */
function anchorElement(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

const hasBox = (rect: DOMRect) => rect.width > 0 || rect.height > 0;

export interface PainterOptions {
  /** Register only ranges near the viewport (see above); otherwise every range at once. */
  nearScreenOnly?: boolean;
  /**
   * Marks for which `paints` says yes are painted in Backstory's own layer, out of the page's reach
   * (see StealthLayer), rather than in the page's highlight registry. Asked once for each mark.
   */
  stealth?: { layer: PaintLayer; paints(mark: Mark): boolean };
}

/** A run of marked elements painted together, placed by the boxes of its first and last elements. */
interface Section {
  elements: Element[];
  /** Where the elements lay (document coordinates) when they joined: the span and order of the next one. */
  top: number;
  bottom: number;
  lastTop: number;
  /** False for an element without a box when it was filed: alone in its section. */
  joinable: boolean;
  /** Whether the section's marks are painted. */
  near: boolean;
}

export class HighlightPainter {
  private readonly registry = new RegistrySink((kind) => this.nameOf(kind));
  private readonly hidden: PaintSink | null;
  /** Where each mark is painted, decided when it is first painted. */
  private readonly sinkOf = new WeakMap<Mark, PaintSink>();
  /** While held: whether each changed mark ends painted (true) or not (false). */
  private pending: Map<Mark, boolean> | null = null;
  private heldAt = 0;
  private readonly marks = new Map<Range, Mark>();
  /** Marks by the element that places them, for marks painted only near the screen. */
  private readonly byElement = new Map<Element, Set<Mark>>();
  /** The element each such mark was filed under (a range moves when the page edits its text). */
  private readonly elementOf = new Map<Range, Element>();
  private readonly sectionOf = new Map<Element, Section>();
  private readonly sections = new Set<Section>();
  /** The section that the next marked element joins if it lies close enough below it. */
  private openSection: Section | null = null;
  private frame = 0;
  /** Whether the frame's measure was asked for by the reader (scroll, resize, layout) rather than by new marks. */
  private readerMoved = false;
  private detachWatchers: (() => void) | null = null;
  /**
   * Paint under the `-tint` names (`backstory-person-tint`…), which assets/highlights.css styles with
   * a background only (very large pages, see lib/page/large-page.ts, or the reader's choice), or the
   * `-line` names, an underline only. Settled before the first mark.
   */
  style: 'both' | 'tint' | 'line' | undefined;
  /** The page is dark: the `-on-dark` names, in lighter colours (lib/page/page-tone.ts). Settled before the first mark. */
  onDark = false;

  get tint(): boolean {
    return this.style === 'tint';
  }

  constructor(private readonly options: PainterOptions = {}) {
    this.hidden = options.stealth ? options.stealth.layer.sink((kind) => this.nameOf(kind)) : null;
  }

  /**
   * Adds a mark. `onScreen` says the caller knows it is on screen (it measured its block): it is
   * painted at once, with its section, rather than in the next frame.
   */
  add(mark: Mark, onScreen = false): void {
    this.marks.set(mark.range, mark);
    const element = this.options.nearScreenOnly ? anchorElement(mark.range) : null;
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
    else if (onScreen) this.setNear(section, true);
  }

  /**
   * Until release(), changes that new marks bring are collected rather than handed to the browser.
   * Every change of a highlight costs Chromium a pass over the marked text's whole paint layer (the
   * underline paints outside the text's box, so its overflow is recomputed: 20–150 ms on a 5 MB
   * page here, whatever the number of ranges), so changes made while a page is being marked in the
   * background are better handed over together than in every frame. They are handed over at least
   * every HOLD_MAX_MS all the same, and at once when the reader scrolls.
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
    this.sinkOf.get(mark)?.delete(mark);
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
    return this.registry.isOwn(highlight);
  }

  clear(): void {
    this.detachWatchers?.();
    this.detachWatchers = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.byElement.clear();
    this.elementOf.clear();
    this.sectionOf.clear();
    this.sections.clear();
    this.openSection = null;
    this.pending = null;
    this.registry.clear();
    this.hidden?.clear();
    this.marks.clear();
  }

  /** How many marks the painter holds, painted or waiting for the reader to come near them. */
  get size(): number {
    return this.marks.size;
  }

  /** How many ranges are painted now: registered with the browser, or drawn in Backstory's own layer. */
  get painted(): number {
    return this.registry.size + (this.hidden?.size ?? 0);
  }

  /** How many ranges are in the page's highlight registry now (which the page's scripts can read). */
  get registered(): number {
    return this.registry.size;
  }

  /** How many sections the marked elements are filed in (two boxes read per section and frame). */
  get sectionCount(): number {
    return this.sections.size;
  }

  /**
   * Paints the sections near the viewport and takes back those far from it, measured now. Called in
   * an animation frame after anything that may have moved them; `byReader`: the reader moved (or the
   * page did), so what was held is handed over too.
   */
  measure(byReader = true): void {
    const view = this.sections.values().next().value?.elements[0]?.ownerDocument.defaultView;
    if (!view) return;
    const screen = view.innerHeight;
    const changed: Section[] = [];
    for (const section of this.sections) {
      const near = this.isNear(section, screen);
      if (near !== section.near) changed.push(section);
    }
    if (byReader && this.pending) {
      this.release();
      for (const section of changed) this.setNear(section, !section.near);
      this.hold();
    } else {
      for (const section of changed) this.setNear(section, !section.near);
    }
  }

  private nameOf(kind: string): string {
    return `${HIGHLIGHT_PREFIX}${kind}${this.style === 'tint' || this.style === 'line' ? `-${this.style}` : ''}${this.onDark ? '-on-dark' : ''}`;
  }

  private isNear(section: Section, screen: number): boolean {
    const first = section.elements[0]!.getBoundingClientRect();
    const last = section.elements.length > 1 ? section.elements[section.elements.length - 1]!.getBoundingClientRect() : first;
    // Hidden now (display: none, a closed tab): nothing to see, nothing to paint. An element shown as
    // `display: contents` has no box of its own but its text is drawn: left as it was filed.
    if (!hasBox(first) && !hasBox(last)) return section.near;
    const boxes = [first, last].filter(hasBox);
    const top = Math.min(...boxes.map((box) => box.top));
    const bottom = Math.max(...boxes.map((box) => box.bottom));
    const margin = screen * (section.near ? KEEP_MARGIN_SCREENS : PAINT_MARGIN_SCREENS);
    return bottom >= -margin && top <= screen + margin;
  }

  private paint(mark: Mark): void {
    if (this.pending) {
      this.pending.set(mark, true);
      this.releaseIfHeldLong();
      return;
    }
    let sink = this.sinkOf.get(mark);
    if (!sink) {
      sink = this.hidden && this.options.stealth!.paints(mark) ? this.hidden : this.registry;
      this.sinkOf.set(mark, sink);
    }
    sink.add(mark);
  }

  private unpaint(mark: Mark): void {
    if (this.pending) {
      this.pending.set(mark, false);
      this.releaseIfHeldLong();
    } else {
      this.sinkOf.get(mark)?.delete(mark);
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

  /** Files a newly marked element in the open section, or in a new one when it does not fit there. */
  private file(element: Element): void {
    // Layout is clean while marks are added (painting highlights does not change it), so this is a
    // cheap read, not a forced layout; after the page changed, the first read lays out what the next
    // frame would have.
    const rect = element.getBoundingClientRect();
    const view = element.ownerDocument.defaultView;
    const top = rect.top + (view?.scrollY ?? 0);
    const bottom = rect.bottom + (view?.scrollY ?? 0);
    const boxed = hasBox(rect);
    const span = (view?.innerHeight ?? 0) * SECTION_SPAN_SCREENS;
    const open = this.openSection;
    // Tops that only go down keep every element between its section's two ends, wherever layout
    // later moves the section as a whole (or stretches it): the ends' boxes bound it.
    if (
      boxed &&
      open?.joinable &&
      open.elements.length < SECTION_MAX_ELEMENTS &&
      top >= open.lastTop - TOP_TOLERANCE_PX &&
      Math.max(bottom, open.bottom) - open.top <= span
    ) {
      open.bottom = Math.max(bottom, open.bottom);
      open.lastTop = Math.max(top, open.lastTop);
      open.elements.push(element);
      this.sectionOf.set(element, open);
      this.measureSoon(false);
      return;
    }
    // An element without a box is not on screen, unless it is `display: contents`, whose text its
    // parent draws: then it is painted, as its place cannot be read.
    const contents = !boxed && view?.getComputedStyle(element).display === 'contents';
    const section: Section = { elements: [element], top, bottom, lastTop: top, joinable: boxed, near: false };
    this.sectionOf.set(element, section);
    this.sections.add(section);
    this.openSection = section;
    if (contents) this.setNear(section, true);
    this.watch();
    this.measureSoon(false);
  }

  private unfile(element: Element): void {
    const section = this.sectionOf.get(element);
    if (!section) return;
    this.sectionOf.delete(element);
    section.elements.splice(section.elements.indexOf(element), 1);
    if (section.elements.length) return;
    this.sections.delete(section);
    if (this.openSection === section) this.openSection = null;
  }

  /** Measures in the next animation frame: the frame that draws a scroll runs its callbacks after the scroll event. */
  private measureSoon(byReader: boolean): void {
    this.readerMoved ||= byReader;
    if (this.frame || typeof requestAnimationFrame === 'undefined') return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const byReaderNow = this.readerMoved;
      this.readerMoved = false;
      this.measure(byReaderNow);
    });
  }

  /** Follows everything that can bring marks onto the screen, from the first section on. */
  private watch(): void {
    const doc = this.sections.values().next().value?.elements[0]?.ownerDocument;
    const view = doc?.defaultView;
    if (this.detachWatchers || !doc || !view) return;
    const moved = () => this.measureSoon(true);
    this.detachWatchers = watchLayout(doc, { scroll: moved, change: moved });
  }
}
