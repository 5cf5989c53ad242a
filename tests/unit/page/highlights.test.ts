import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HighlightPainter, type Mark } from '../../../lib/page/highlights';
import { installHighlightRegistry } from './highlight-registry';

/**
 * happy-dom lays nothing out: each paragraph is given a box at a place in the document (`layout`),
 * seen through a scroll position the test sets, and animation frames run when the test says so.
 */
let scrollY = 0;
const layout = new Map<Element, { top: number; height: number }>();
let frames: FrameRequestCallback[] = [];
const screen = () => window.innerHeight;

function runFrame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback(performance.now());
}

/** Scrolls the page (or, with `target`, a nested scroller) and lets the browser draw the frame. */
function scrollTo(y: number, target: EventTarget = document): void {
  scrollY = y;
  target.dispatchEvent(new Event('scroll'));
  runFrame();
}

function place(element: Element, top: number, height: number): void {
  layout.set(element, { top, height });
  element.getBoundingClientRect = () => {
    const box = layout.get(element)!;
    const shown = (element as HTMLElement).style.display !== 'none';
    const y = box.top - scrollY;
    const h = shown ? box.height : 0;
    return { top: y, bottom: y + h, left: 0, right: shown ? 600 : 0, width: shown ? 600 : 0, height: h, x: 0, y } as DOMRect;
  };
}

/** `count` paragraphs, each a tenth of a screen tall, one under the other, each naming someone once. */
function page(count: number): HTMLParagraphElement[] {
  document.body.innerHTML = '';
  const paragraphs: HTMLParagraphElement[] = [];
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: Lukashenka spoke.`;
    place(p, (i * screen()) / 10, screen() / 10);
    document.body.append(p);
    paragraphs.push(p);
  }
  return paragraphs;
}

function markIn(p: Element): Mark {
  const text = p.firstChild as Text;
  const start = text.data.indexOf('Lukashenka');
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + 'Lukashenka'.length);
  return { range, entityIds: ['lukashenka'], kind: 'person' };
}

/** The numbers of the paragraphs whose marks are registered with the browser, in order. */
function paintedParagraphs(painter: HighlightPainter): number[] {
  const ranges = [...(registry.get('backstory-person') ?? [])];
  expect(painter.painted).toBe(ranges.length);
  return ranges.map((range) => Number(/\d+/.exec(range.startContainer.textContent!)![0])).sort((a, b) => a - b);
}

/** The paragraphs any part of which is within the viewport at the current scroll position. */
function onScreen(paragraphs: Element[]): number[] {
  return paragraphs
    .map((p, i) => [p.getBoundingClientRect(), i] as const)
    .filter(([box]) => box.height > 0 && box.bottom > 0 && box.top < screen())
    .map(([, i]) => i);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

let registry: Map<string, Set<Range>>;
let painter: HighlightPainter;
beforeAll(() => {
  registry = installHighlightRegistry();
  Object.defineProperty(window, 'scrollY', { get: () => scrollY, configurable: true });
  Object.assign(globalThis, {
    requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
    cancelAnimationFrame: () => undefined,
  });
});
beforeEach(() => {
  scrollY = 0;
  frames = [];
  layout.clear();
  painter = new HighlightPainter({ nearScreenOnly: true });
});
afterEach(() => {
  painter.clear();
  registry.clear();
});

describe('painting only the marks near the screen', () => {
  it('paints what is within three screens of the viewport in the first frame, and files elements in a few sections', () => {
    const paragraphs = page(400);
    for (const p of paragraphs) painter.add(markIn(p));
    expect(painter.size).toBe(400);
    expect(painter.painted).toBe(0);
    // 40 screens of paragraphs, sections of up to 2 screens: two boxes read per section and frame.
    expect(painter.sectionCount).toBeLessThanOrEqual(21);
    runFrame();
    const painted = paintedParagraphs(painter);
    expect(painted).toEqual(expect.arrayContaining(onScreen(paragraphs)));
    // Four screens from the top (the viewport and three below it), rounded up to whole sections.
    expect(painted.length).toBeGreaterThanOrEqual(40);
    expect(painted.length).toBeLessThanOrEqual(60);
  });

  it('after a jump into the middle of a long run of marked paragraphs, paints every one on screen in the same frame', () => {
    const paragraphs = page(400);
    for (const p of paragraphs) painter.add(markIn(p));
    runFrame();
    for (const y of [20.35, 39, 7.5, 0].map((screens) => screens * screen())) {
      scrollTo(y);
      expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(onScreen(paragraphs)));
      // Nothing is left painted far from the reader: what lies within five screens, in whole sections.
      expect(painter.painted).toBeLessThanOrEqual(150);
    }
  });

  it('stays right when the page grows after its marks were filed (images and ads loading above and between)', () => {
    const paragraphs = page(200);
    for (const p of paragraphs) painter.add(markIn(p));
    runFrame();
    // Every paragraph becomes a screen tall: a section filed as 2 screens now spans 20.
    paragraphs.forEach((p, i) => place(p, i * screen(), screen()));
    window.dispatchEvent(new Event('resize'));
    runFrame();
    for (const y of [55.5, 120.2, 10].map((screens) => screens * screen())) {
      scrollTo(y);
      expect(onScreen(paragraphs).length).toBeGreaterThan(0);
      expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(onScreen(paragraphs)));
    }
  });

  it('measures again when a nested scroller scrolls, as its scroll event does not bubble', () => {
    const paragraphs = page(100);
    const scroller = document.createElement('div');
    document.body.append(scroller);
    for (const p of paragraphs) painter.add(markIn(p));
    runFrame();
    scrollY = 6 * screen();
    scroller.dispatchEvent(new Event('scroll', { bubbles: false }));
    runFrame();
    expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(onScreen(paragraphs)));
  });

  it('keeps what is painted while the reader scrolls to and fro nearby, and takes it back once far', () => {
    const paragraphs = page(300);
    for (const p of paragraphs) painter.add(markIn(p));
    runFrame();
    const atTop = paintedParagraphs(painter);
    scrollTo(1.5 * screen());
    expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(atTop));
    scrollTo(20 * screen());
    expect(paintedParagraphs(painter).some((i) => atTop.includes(i))).toBe(false);
  });

  it('starts a new section where tops go back up (an aside placed above the article it follows), so both are painted on screen', () => {
    const paragraphs = page(120);
    // The article's 100 paragraphs stand from 20 screens down; the aside that follows them in the
    // document is laid out at the top of the page.
    paragraphs.slice(0, 100).forEach((p, i) => place(p, 20 * screen() + (i * screen()) / 10, screen() / 10));
    paragraphs.slice(100).forEach((p, i) => place(p, i * 0.3 * screen(), 0.3 * screen()));
    for (const p of paragraphs) painter.add(markIn(p));
    for (const y of [0, 2, 25].map((screens) => screens * screen())) {
      scrollTo(y);
      expect(onScreen(paragraphs).length).toBeGreaterThan(0);
      expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(onScreen(paragraphs)));
    }
  });

  it('paints marks known to be on screen at once, with the rest of their section', () => {
    const paragraphs = page(10);
    painter.add(markIn(paragraphs[0]), true);
    painter.add(markIn(paragraphs[1]));
    expect(paintedParagraphs(painter)).toEqual([0, 1]);
    runFrame();
    expect(paintedParagraphs(painter)).toEqual([0, 1]);
  });

  it('holds what new marks bring while the page is being marked, but not what the reader scrolls to', () => {
    const paragraphs = page(200);
    painter.hold();
    for (const p of paragraphs) painter.add(markIn(p));
    runFrame();
    expect(painter.painted).toBe(0);
    scrollTo(10 * screen());
    expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(onScreen(paragraphs)));
    painter.release();
    expect(paintedParagraphs(painter)).toEqual(expect.arrayContaining(onScreen(paragraphs)));
  });

  it('forgets a held change to a mark removed before release', () => {
    const paragraphs = page(2);
    painter.hold();
    const marks = paragraphs.map((p) => markIn(p));
    for (const mark of marks) painter.add(mark);
    runFrame();
    painter.remove(marks[1]);
    painter.release();
    expect(paintedParagraphs(painter)).toEqual([0]);
  });

  it('paints a hidden paragraph once it is shown, and a display: contents element always', () => {
    const paragraphs = page(3);
    paragraphs[1].style.display = 'none';
    const contents = document.createElement('div');
    contents.style.display = 'contents';
    contents.textContent = 'Paragraph 99: Lukashenka again.';
    document.body.append(contents);
    for (const p of [...paragraphs, contents]) painter.add(markIn(p));
    runFrame();
    expect(paintedParagraphs(painter)).toEqual([0, 2, 99]);
    paragraphs[1].style.display = '';
    window.dispatchEvent(new Event('resize'));
    runFrame();
    expect(paintedParagraphs(painter)).toEqual([0, 1, 2, 99]);
  });

  it('drops removed marks and their sections, and stops measuring once cleared', () => {
    const paragraphs = page(50);
    const marks = paragraphs.map((p) => markIn(p));
    for (const mark of marks) painter.add(mark);
    runFrame();
    for (const mark of marks.slice(0, 25)) painter.remove(mark);
    expect(paintedParagraphs(painter).every((i) => i >= 25)).toBe(true);
    for (const mark of marks.slice(25)) painter.remove(mark);
    expect(painter.size).toBe(0);
    expect(painter.sectionCount).toBe(0);
    expect(painter.painted).toBe(0);
    painter.clear();
    scrollTo(screen());
    expect(frames).toHaveLength(0);
  });

  it('paints every mark at once when not limited to the screen', () => {
    const paragraphs = page(50);
    const everywhere = new HighlightPainter();
    for (const p of paragraphs) everywhere.add(markIn(p));
    expect(paintedParagraphs(everywhere)).toEqual(range(0, 50));
    expect(everywhere.sectionCount).toBe(0);
  });
});
