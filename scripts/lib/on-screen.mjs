// What the reader sees, measured in the page: after jumps to places spread over the document and while
// scrolling a screen at a time, which of the names the matcher found are visible on screen, and whether
// the browser holds a `backstory-*` highlight for each. Shared by `npm run bench` and `npm run corpus`;
// runs in Backstory's content-script world, where `globalThis.backstory.markList()` gives every mark
// the matcher found and its Range objects are the very ones registered with CSS.highlights.
import { median, percentile } from './stats.mjs';

/** Jumps per page, screens scrolled one at a time at most, and how long a place may take to be marked. */
export const ON_SCREEN_DEFAULTS = { places: 8, scrollSteps: 30, limitMs: 3000 };

/**
 * The in-page program, as an expression for CDP's Runtime.evaluate with awaitPromise (it resolves to
 * JSON). Every move is made and watched in the page, and the whole walk is one evaluation, so no round
 * trip to the driver sits inside the timings.
 */
export function onScreenProgram(options = {}) {
  return `(${walk.toString()})(${JSON.stringify({ ...ON_SCREEN_DEFAULTS, ...options })})`;
}

/**
 * The longest a walk can take: every move and every positioning before a sampled step waiting out the
 * limit, which leaves out the instrument's own looks (up to about as long again on the largest pages).
 */
export function onScreenBudgetMs(options = {}) {
  const { places, scrollSteps, limitMs } = { ...ON_SCREEN_DEFAULTS, ...options };
  return (places + 2 * scrollSteps) * (2 * limitMs + 500) + 30_000;
}

/* eslint-disable no-undef -- runs in the page */
async function walk({ places, scrollSteps, limitMs }) {
  const b = globalThis.backstory;
  if (!b?.markList) return JSON.stringify(null);
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // Resolves once the next frame has been drawn, with the time its animation frame callbacks ran.
  // Checked in a task after the frame rather than in our own callback, which would run before the
  // painter's callback of the same frame and see its work one frame late.
  const frameDrawn = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const at = performance.now();
        scheduler.postTask(() => resolve(at), { priority: 'user-blocking' });
      }),
    );

  // The document's scroller; on a page whose document does not scroll, the largest element that
  // does (an app-like layout whose article scrolls inside a container), as the reader's End key would.
  const scrolls = (el) => el.scrollHeight - el.clientHeight > 1;
  let scroller = document.scrollingElement;
  if (!scroller || !scrolls(scroller)) {
    let best = null;
    for (const el of document.body?.querySelectorAll('*') ?? []) {
      if (el.clientHeight < innerHeight / 2 || !scrolls(el) || !/^(auto|scroll)$/.test(getComputedStyle(el).overflowY)) continue;
      if (!best || el.scrollHeight > best.scrollHeight) best = el;
    }
    scroller = best ?? document.scrollingElement ?? document.documentElement;
  }
  const ownViewport = scroller === document.scrollingElement;
  const screen = () => (ownViewport ? innerHeight : scroller.clientHeight);
  const maxScroll = () => Math.max(0, scroller.scrollHeight - scroller.clientHeight);
  const scrollTop = (top) => () => scroller.scrollTo({ top, behavior: 'instant' });

  const backstoryHighlights = () => [...CSS.highlights].filter(([name]) => name.startsWith('backstory-')).map(([, h]) => h);
  // A range the painter registered, or another Range with the same boundary points.
  const registry = () => {
    const highlights = backstoryHighlights();
    let byStart = null;
    return (range) => {
      if (highlights.some((h) => h.has(range))) return true;
      if (!byStart) {
        byStart = new Map();
        for (const h of highlights) for (const r of h) byStart.set(r.startContainer, [...(byStart.get(r.startContainer) ?? []), r]);
      }
      return (byStart.get(range.startContainer) ?? []).some(
        (r) => r.startOffset === range.startOffset && r.endContainer === range.endContainer && r.endOffset === range.endOffset,
      );
    };
  };

  const transparent = (colour) => /^rgba\(.*,\s*0\)$|\/\s*0%?\)$/.test(colour);
  const inline = (el) => /^(inline|contents)/.test(getComputedStyle(el).display);
  // Whether the reader can see the whole mark: it has a box, wholly inside the viewport (scrollbars
  // excluded), its element is rendered (not hidden, transparent or skipped by content-visibility), and
  // nothing covers it: the element found at the centre of its first box is its own, one inside it, or
  // the block holding it through inline elements only (an inline with pointer-events: none is passed
  // through by the hit test).
  const visibleOn = (width, height) => {
    // A range's box costs about four times an element's: a mark whose element lies more than a screen
    // away from the viewport is not looked at further (one box per element and look). Only text that
    // overflows its element's box by a screen would be missed.
    const near = new Map();
    const isNear = (element) => {
      if (!near.has(element)) {
        const r = element.getBoundingClientRect();
        near.set(element, r.bottom >= -height && r.top <= 2 * height && r.right >= -width && r.left <= 2 * width);
      }
      return near.get(element);
    };
    return (range) => {
      const element = range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement;
      if (!element || !isNear(element)) return false;
      const box = range.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > height || box.right > width) return false;
      const first = [...range.getClientRects()].find((r) => r.width > 0 || r.height > 0);
      if (!first) return false;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
      const style = getComputedStyle(element);
      if (transparent(style.webkitTextFillColor)) return false;
      const x = first.left + first.width / 2;
      const y = first.top + first.height / 2;
      // A point outside the viewport cannot be hit-tested; an element the hit test passes through cannot be found by it.
      if (x < 0 || y < 0 || x >= width || y >= height || style.pointerEvents === 'none') return true;
      const root = element.getRootNode();
      const hit = (root instanceof ShadowRoot ? root : document).elementFromPoint(x, y);
      if (!hit) return false;
      if (hit === element || element.contains(hit)) return true;
      if (!hit.contains(element)) return false;
      for (let el = element; el !== hit; el = el.parentElement) if (!inline(el)) return false;
      return true;
    };
  };
  const viewport = () => [visualViewport?.width ?? innerWidth, visualViewport?.height ?? innerHeight];

  const seen = new Set();
  // Every visible mark, and how many of them are registered; a few of those that are not, by their text.
  const look = (ranges) => {
    const isVisible = visibleOn(...viewport());
    const isRegistered = registry();
    const out = { visible: 0, marked: 0, unmarked: [] };
    for (const range of ranges) {
      if (!isVisible(range)) continue;
      seen.add(range);
      out.visible++;
      if (isRegistered(range)) out.marked++;
      else if (out.unmarked.length < 3) out.unmarked.push(range.toString());
    }
    return out;
  };

  // One move, then frame after frame until every mark visible is registered, or the limit. The mark
  // list is read before the move: it is sorted in document order, which takes long on large pages.
  const watch = async (move) => {
    const ranges = b.markList().map((m) => m.range);
    const started = performance.now();
    move();
    let first = null;
    let last;
    let ms = null;
    // The instrument's own looks delay the frames after them (by tens of ms a frame on a page of
    // thousands of marks): the time to the marks leaves them out.
    let ownMs = 0;
    let lookMs = 0;
    for (;;) {
      const drawnAt = await frameDrawn();
      const lookedAt = performance.now();
      last = look(ranges);
      first ??= last;
      if (last.visible === last.marked) {
        ms = drawnAt - started - ownMs;
        break;
      }
      const took = performance.now() - lookedAt;
      ownMs += took;
      lookMs = Math.max(lookMs, took);
      if (performance.now() - started - ownMs >= limitMs) break;
    }
    // What the reader sees once the place has settled (all painted, or the limit), and in its first frame.
    const { visible, marked, unmarked } = last;
    return { y: Math.round(scroller.scrollTop), visible, marked, unmarked, ms, first: { visible: first.visible, marked: first.marked }, lookMs };
  };
  // Between moves the page settles: the painter may still be finishing what the last one set off.
  const SETTLE_MS = 100;

  const start = scroller.scrollTop;
  // Places evenly spaced from the top to the end, visited out of order so that each is a jump.
  const tops = [...new Set([...Array(places).keys()].map((k) => (places > 1 ? Math.round((k * maxScroll()) / (places - 1)) : 0)))];
  const order = tops.map((_, k) => k).sort((a, c) => ((c * 5) % tops.length) - ((a * 5) % tops.length) || c - a);
  const jumps = [];
  for (const k of order) {
    // The end as it is now: a page may have grown since the places were laid out.
    const top = k === tops.length - 1 && k > 0 ? maxScroll() : tops[k];
    jumps.push({ place: k, ...(await watch(scrollTop(top))) });
    await pause(SETTLE_MS);
  }

  // A screen at a time from the top; on a longer page, `scrollSteps` steps spread evenly over it, each
  // from the screen before it, reached by a jump and left to settle first.
  await watch(scrollTop(0));
  await pause(SETTLE_MS);
  const screens = Math.ceil(maxScroll() / screen());
  const steps =
    screens <= scrollSteps
      ? [...Array(screens).keys()]
      : [...Array(scrollSteps).keys()].map((j) => Math.round((j * (screens - 1)) / Math.max(1, scrollSteps - 1)));
  const screenSteps = [];
  for (const step of steps) {
    const from = step * screen();
    if (Math.abs(scroller.scrollTop - Math.min(from, maxScroll())) > 1) {
      await watch(scrollTop(from));
      await pause(SETTLE_MS);
    }
    screenSteps.push({ step, ...(await watch(() => scroller.scrollBy({ top: screen(), behavior: 'instant' }))) });
    await pause(SETTLE_MS);
  }
  scroller.scrollTo({ top: start, behavior: 'instant' });
  return JSON.stringify({
    viewport: viewport(),
    scroller: ownViewport ? 'document' : scroller.localName + (scroller.id ? `#${scroller.id}` : ''),
    scrollHeight: scroller.scrollHeight,
    marks: b.marks(),
    distinctVisible: seen.size,
    jumps,
    scrolls: screenSteps,
  });
}
/* eslint-enable no-undef */

/**
 * The figures of one or more walks (of one page, or of one case's runs):
 * - visible: distinct marks seen visible at some place (summed over walks);
 * - recall after jumps and while scrolling: marks visible and registered / marks visible once each
 *   place has settled, summed over places; `firstFrameRecall`: the same in the first frame drawn after
 *   each move (jumps and steps together);
 * - jump times: from the scroll to the first frame drawn with every visible mark registered, over the
 *   jumps to places where some mark was visible; a place still incomplete at the limit counts as the limit;
 * - missed: every place (jump or step) still incomplete at the limit.
 */
export function onScreenSummary(walks, { limitMs = ON_SCREEN_DEFAULTS.limitMs } = {}) {
  const done = walks.filter(Boolean);
  const jumps = done.flatMap((w) => w.jumps);
  const steps = done.flatMap((w) => w.scrolls);
  const sum = (moves, key) => moves.reduce((n, m) => n + key(m), 0);
  const recall = (moves, of = (m) => m) => {
    const visible = sum(moves, (m) => of(m).visible);
    return visible ? sum(moves, (m) => of(m).marked) / visible : null;
  };
  const timed = jumps.filter((m) => m.visible > 0 || m.ms === null);
  const times = timed.map((m) => m.ms ?? limitMs);
  return {
    visible: sum(done, (w) => w.distinctVisible),
    jumpVisible: sum(jumps, (m) => m.visible),
    jumpMarked: sum(jumps, (m) => m.marked),
    scrollVisible: sum(steps, (m) => m.visible),
    scrollMarked: sum(steps, (m) => m.marked),
    firstVisible: sum([...jumps, ...steps], (m) => m.first.visible),
    firstMarked: sum([...jumps, ...steps], (m) => m.first.marked),
    jumpRecall: recall(jumps),
    scrollRecall: recall(steps),
    firstFrameRecall: recall([...jumps, ...steps], (m) => m.first),
    jumpTimes: times,
    jumpMedianMs: median(times),
    jumpP95Ms: percentile(times, 95),
    missed: [
      ...jumps.filter((m) => m.ms === null).map((m) => ({ move: `jump to place ${m.place + 1}`, ...m })),
      ...steps.filter((m) => m.ms === null).map((m) => ({ move: `screen ${m.step + 1} → ${m.step + 2}`, ...m })),
    ].map(({ move, y, visible, marked, unmarked }) => ({ move, y, visible, marked, unmarked })),
    slowestCheckMs: Math.max(0, ...[...jumps, ...steps].map((m) => m.lookMs)),
  };
}
