import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HighlightPainter, type Mark } from '../../../lib/page/highlights';
import { installHighlightRegistry } from './highlight-registry';

/**
 * happy-dom lays nothing out and has no working IntersectionObserver: paragraphs are given boxes
 * stacked down the page, and the observer below reports what the test says is near the viewport.
 */
class FakeIntersectionObserver {
  static current: FakeIntersectionObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.current = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** What the browser would deliver after a frame: whether each target is within the margin. */
  report(targets: [Element, boolean][]) {
    const entries = targets
      .filter(([target]) => this.observed.has(target))
      .map(([target, isIntersecting]) => ({ target, isIntersecting, boundingClientRect: target.getBoundingClientRect() }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

const observer = () => FakeIntersectionObserver.current!;
const screen = () => window.innerHeight;

/** `count` paragraphs, each a tenth of a screen tall, one under the other, each naming someone once. */
function page(count: number): HTMLParagraphElement[] {
  document.body.innerHTML = '';
  const paragraphs: HTMLParagraphElement[] = [];
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: Lukashenka spoke.`;
    const top = (i * screen()) / 10;
    p.getBoundingClientRect = () => ({ top, bottom: top + screen() / 10, left: 0, right: 600, width: 600, height: screen() / 10, x: 0, y: top }) as DOMRect;
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

function paintedTexts(painter: HighlightPainter, registry: Map<string, Set<Range>>): string[] {
  expect(painter.painted).toBe([...(registry.get('backstory-person') ?? [])].length);
  return [...(registry.get('backstory-person') ?? [])].map((range) => range.startContainer.textContent!.split(':')[0]);
}

let registry: Map<string, Set<Range>>;
beforeAll(() => {
  registry = installHighlightRegistry();
});
beforeEach(() => {
  Object.assign(globalThis, { IntersectionObserver: FakeIntersectionObserver });
  FakeIntersectionObserver.current = null;
});
afterEach(() => {
  registry.clear();
});

describe('painting only the marks near the screen', () => {
  it('watches a few elements per section of the page, not every marked element', () => {
    const paragraphs = page(400);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    for (const p of paragraphs) painter.add(markIn(p));
    expect(painter.size).toBe(400);
    // 400 paragraphs of a tenth of a screen: 40 screens, sections of up to 4 screens, two ends each.
    expect(painter.observed).toBeLessThanOrEqual(20);
    expect(painter.observed).toBe(observer().observed.size);
    expect(painter.painted).toBe(0);
  });

  it("paints a whole section when either of its ends comes near, and takes it back when both are far", () => {
    const paragraphs = page(100);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    for (const p of paragraphs) painter.add(markIn(p));
    const firstSection = paragraphs.slice(0, 40).map((p) => `Paragraph ${paragraphs.indexOf(p)}`);

    observer().report([[paragraphs[0], true], [paragraphs[39], false]]);
    expect(paintedTexts(painter, registry).sort()).toEqual(firstSection.sort());

    observer().report([[paragraphs[0], false]]);
    expect(paintedTexts(painter, registry)).toEqual([]);

    // Content inserted in the middle may carry the end of a section alone towards the reader.
    observer().report([[paragraphs[39], true]]);
    expect(paintedTexts(painter, registry)).toHaveLength(40);
    observer().report([[paragraphs[40], true]]);
    expect(paintedTexts(painter, registry)).toHaveLength(80);
  });

  it('paints at once a mark added to a section that is near, without waiting for the observer', () => {
    const paragraphs = page(10);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    for (const p of paragraphs.slice(0, 5)) painter.add(markIn(p));
    observer().report([[paragraphs[0], true], [paragraphs[4], true]]);
    expect(paintedTexts(painter, registry)).toHaveLength(5);

    painter.add(markIn(paragraphs[5]));
    expect(paintedTexts(painter, registry)).toContain('Paragraph 5');
    // The section's new end is watched; the old one, now in the middle, no longer.
    expect(observer().observed.has(paragraphs[5])).toBe(true);
    expect(observer().observed.has(paragraphs[4])).toBe(false);
  });

  it('gives an element without a box its own section, painted when the observer reports it', () => {
    const paragraphs = page(3);
    const contents = document.createElement('div');
    contents.style.display = 'contents';
    contents.textContent = 'Inside: Lukashenka again.';
    document.body.append(contents);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    for (const p of paragraphs) painter.add(markIn(p));
    painter.add(markIn(contents));
    expect(observer().observed.has(contents)).toBe(true);

    // display: contents never intersects; its text is drawn by its parent, so it is painted anyway.
    observer().report([[contents, false]]);
    expect(paintedTexts(painter, registry)).toEqual(['Inside']);
  });

  it('watches the new end of a section when its end loses its marks, and nothing once all are gone', () => {
    const paragraphs = page(5);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    const marks = paragraphs.map((p) => markIn(p));
    for (const mark of marks) painter.add(mark);
    observer().report([[paragraphs[0], true]]);
    expect(paintedTexts(painter, registry)).toHaveLength(5);

    painter.remove(marks[4]);
    expect(observer().observed.has(paragraphs[3])).toBe(true);
    expect(paintedTexts(painter, registry)).toHaveLength(4);
    painter.remove(marks[0]);
    expect(observer().observed.has(paragraphs[1])).toBe(true);
    // The new end is taken to be as near as its section until the observer says otherwise.
    expect(paintedTexts(painter, registry)).toHaveLength(3);

    for (const mark of marks.slice(1, 4)) painter.remove(mark);
    expect(observer().observed.size).toBe(0);
    expect(painter.size).toBe(0);
    expect(painter.painted).toBe(0);
  });

  it('paints marks known to be on screen at once, with the rest of their section', () => {
    const paragraphs = page(10);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    painter.add(markIn(paragraphs[0]), true);
    painter.add(markIn(paragraphs[1]));
    expect(paintedTexts(painter, registry).sort()).toEqual(['Paragraph 0', 'Paragraph 1']);
    // The observer's first report agrees: nothing is taken back.
    observer().report([[paragraphs[0], true], [paragraphs[1], true]]);
    expect(paintedTexts(painter, registry)).toHaveLength(2);
  });

  it('hands what became near while held to the browser in one go on release', () => {
    const paragraphs = page(10);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    painter.hold();
    for (const p of paragraphs) painter.add(markIn(p));
    observer().report([[paragraphs[0], true]]);
    expect(painter.painted).toBe(0);
    painter.release();
    expect(paintedTexts(painter, registry)).toHaveLength(10);
    // Released: changes reach the browser as they come again.
    observer().report([[paragraphs[0], false], [paragraphs[9], false]]);
    expect(painter.painted).toBe(0);
  });

  it('forgets a held change to a mark removed before release', () => {
    const paragraphs = page(2);
    const painter = new HighlightPainter({ nearScreenOnly: true });
    painter.hold();
    const marks = paragraphs.map((p) => markIn(p));
    for (const mark of marks) painter.add(mark);
    observer().report([[paragraphs[0], true]]);
    painter.remove(marks[1]);
    painter.release();
    expect(paintedTexts(painter, registry)).toEqual(['Paragraph 0']);
  });

  it('paints every mark at once when not limited to the screen', () => {
    const paragraphs = page(50);
    const painter = new HighlightPainter();
    for (const p of paragraphs) painter.add(markIn(p));
    expect(paintedTexts(painter, registry)).toHaveLength(50);
    expect(painter.observed).toBe(0);
  });
});
