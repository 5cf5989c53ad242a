import { MARKS_HOST_TAG } from './blocks';
import type { Mark, PaintLayer, PaintSink } from './mark';
import { watchLayout } from './layout-watch';
import { adoptStylesheet, HOST_STYLE } from './ui-host';

/** How long after the page's own scrolling stops the boxes on screen are checked again for what covers them. */
const SCROLL_SETTLE_MS = 120;
/** Longest a frame's drawing may take (ms); what is left is drawn in the next frames. */
const FRAME_BUDGET_MS = 6;

interface Painted {
  className: string;
  /** Names the range among the layer's, on each of its boxes (for the tests, which read the closed root through DevTools). */
  id: string;
  boxes: HTMLElement[];
}

/** Whether `outer` holds `node`, across the page's own shadow roots. */
function holds(outer: Node, node: Node | null): boolean {
  for (let at = node; at; at = at.parentNode ?? (at instanceof ShadowRoot ? at.host : null)) if (at === outer) return true;
  return false;
}

/**
 * Paints marks where a page's scripts cannot read them: boxes drawn from each range's client
 * rectangles, inside a closed shadow root of Backstory's own, instead of ranges in the page's highlight
 * registry (`CSS.highlights`, which any script of the page may read). Used for the reader's saved
 * passages and own entities, and for every mark when "Hide Backstory from pages" is on. The page's
 * `::highlight()` rules do not reach these boxes, and a page that removes the layer gets it back in
 * the next frame.
 *
 * The layer's host lies at the document's origin, so the boxes follow the document's own scrolling
 * without being touched; they are redrawn (in an animation frame) when marks change, when the window
 * or the document changes size, when the page's layout shifts or its DOM changes, and when a nested
 * scroller scrolls. A box is hidden when something else lies over the middle of its text (a fixed
 * header, a scroller's edge): checked for the boxes on screen at each redraw and once scrolling stops.
 */
export class StealthLayer implements PaintLayer {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private readonly painted = new Map<Range, Painted>();
  private frame = 0;
  private drawnRanges = 0;
  /** Ranges added since the last draw; all are drawn again when something may have moved them (`moved`). */
  private readonly fresh = new Set<Range>();
  private moved = false;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private detachWatchers: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  /** A sink for one painter: its marks, under the class names it gives their kinds. */
  sink(nameOf: (kind: string) => string): PaintSink {
    const own = new Set<Mark>();
    return {
      add: (mark) => {
        own.add(mark);
        this.put(mark.range, nameOf(mark.kind));
      },
      delete: (mark) => {
        own.delete(mark);
        this.drop(mark.range);
      },
      clear: () => {
        for (const mark of own) this.drop(mark.range);
        own.clear();
      },
      get size() {
        return own.size;
      },
    };
  }

  /** How many ranges the layer paints. */
  get size(): number {
    return this.painted.size;
  }

  private put(range: Range, className: string): void {
    if (this.painted.has(range)) return;
    this.painted.set(range, { className, id: String(++this.drawnRanges), boxes: [] });
    this.fresh.add(range);
    this.drawSoon();
  }

  private drop(range: Range): void {
    const painted = this.painted.get(range);
    if (!painted) return;
    for (const box of painted.boxes) box.remove();
    this.painted.delete(range);
    this.fresh.delete(range);
    if (!this.painted.size) this.drawSoon();
  }

  private drawSoon(moved = false): void {
    this.moved ||= moved;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /**
   * Places the boxes of the ranges added since the last draw, or of every range when the page may have
   * moved them (its size, its layout, its DOM or a nested scroller changed, or the layer was taken out):
   * marks arriving frame after frame while a long page is marked cost only their own boxes.
   */
  private draw(): void {
    if (!this.painted.size) {
      this.teardown();
      return;
    }
    const reattached = !this.host?.isConnected;
    const container = this.attach();
    const view = this.doc.defaultView!;
    const origin = this.host!.getBoundingClientRect();
    if (this.moved || reattached) for (const range of this.painted.keys()) this.fresh.add(range);
    this.moved = false;
    // Everything is read first, then written: a box moved between two reads would make the browser
    // lay the page out again for the second.
    const began = performance.now();
    const placed: { painted: Painted; rects: DOMRect[]; covered: boolean[] }[] = [];
    for (const range of this.fresh) {
      // A long page's thousands of boxes are drawn a frame's budget at a time, first added first
      // (the marks on screen come first), so that no frame of the page waits for all of them.
      if (performance.now() - began > FRAME_BUDGET_MS) {
        this.drawSoon();
        break;
      }
      this.fresh.delete(range);
      const rects = range.startContainer.isConnected ? [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0) : [];
      const text = range.commonAncestorContainer;
      const element = text.nodeType === Node.ELEMENT_NODE ? (text as Element) : text.parentElement;
      const covered = rects.map((rect) => {
        const onScreen = rect.bottom > 0 && rect.top < view.innerHeight && rect.right > 0 && rect.left < view.innerWidth;
        return onScreen && element !== null && !this.seen(element, rect);
      });
      placed.push({ painted: this.painted.get(range)!, rects, covered });
    }
    for (const { painted, rects, covered } of placed) {
      while (painted.boxes.length > rects.length) painted.boxes.pop()!.remove();
      rects.forEach((rect, index) => {
        let box = painted.boxes[index];
        if (!box) {
          box = this.doc.createElement('div');
          box.className = painted.className;
          box.dataset.range = painted.id;
          container.append(box);
          painted.boxes.push(box);
        }
        box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;width:${rect.width}px;height:${rect.height}px${covered[index] ? ';display:none' : ''}`;
      });
    }
  }

  /** Whether the text of `element` is what the reader sees at the middle of `rect`. */
  private seen(element: Element, rect: DOMRect): boolean {
    const top = this.doc.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return top !== null && (holds(element, top) || holds(top, element));
  }

  /** The host and its closed shadow root, made (or put back, if the page took them out) when first needed. */
  private attach(): HTMLElement {
    if (!this.host || !this.container) {
      this.host = this.doc.createElement(MARKS_HOST_TAG.toLowerCase());
      const style = { ...HOST_STYLE, position: 'absolute', 'pointer-events': 'none', 'z-index': '2147483646' };
      for (const [property, value] of Object.entries(style)) this.host.style.setProperty(property, value, 'important');
      const shadow = this.host.attachShadow({ mode: 'closed' });
      if (!adoptStylesheet(shadow, this.css)) {
        const sheet = this.doc.createElement('style');
        sheet.textContent = this.css;
        shadow.append(sheet);
      }
      this.container = this.doc.createElement('div');
      this.container.className = 'marks';
      shadow.append(this.container);
      this.watch();
    }
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    return this.container;
  }

  private watch(): void {
    const doc = this.doc;
    const redraw = () => this.drawSoon(true);
    const stopLayout = watchLayout(doc, {
      scroll: (event) => {
        // The document's own scrolling moves the boxes with it; a nested scroller's does not.
        if (event.target !== doc && event.target !== doc.documentElement) redraw();
        clearTimeout(this.settle);
        this.settle = setTimeout(redraw, SCROLL_SETTLE_MS);
      },
      change: redraw,
    });
    // Any change of the page may move text: its own, or the layer's host taken out of the document.
    const changes = new MutationObserver(redraw);
    changes.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
    this.detachWatchers = () => {
      stopLayout();
      changes.disconnect();
      clearTimeout(this.settle);
    };
  }

  private teardown(): void {
    this.detachWatchers?.();
    this.detachWatchers = null;
    this.host?.remove();
    this.host = this.container = null;
  }
}
