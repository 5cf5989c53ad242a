// What the reader sees, measured in the page: after jumps to places spread over the document and
// while scrolling a screen at a time, which of the names the matcher found are visible on screen, and
// whether the browser has a `backstory-*` highlight for each. Shared by `npm run bench` and
// `npm run corpus`; runs in Backstory's content-script world (where `globalThis.backstory.markList()`
// gives every mark the matcher found, and its Range objects are the ones registered as highlights).

/**
 * The in-page program, as an expression for CDP's Runtime.evaluate with awaitPromise. Each move (a
 * jump or a screen's scroll) is made in the page, then watched frame by frame, up to `limitMs`, until
 * every mark visible after it is registered; the whole walk runs in one evaluation, so no round trip
 * to the driver sits inside the timings.
 */
export function onScreenProgram({ places = 8, scrollSteps = 20, limitMs = 3000 } = {}) {
  return `(${walk.toString()})(${JSON.stringify({ places, scrollSteps, limitMs })})`;
}

/* eslint-disable no-undef -- runs in the page */
async function walk({ places, scrollSteps, limitMs }) {
  const b = globalThis.backstory;
  if (!b) return JSON.stringify(null);
  const scroller = document.scrollingElement ?? document.documentElement;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  // A mark counts as visible when the reader can see all of it: rendered, in the viewport, not under
  // another element (a sticky header, a cookie banner, a modal).
  const visibleMarks = () => {
    const out = [];
    for (const { range } of b.markList()) {
      const box = range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) continue;
      const element = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
      if (!element || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) continue;
      const first = range.getClientRects()[0] ?? box;
      const x = first.left + first.width / 2;
      const y = first.top + first.height / 2;
      const root = element.getRootNode();
      const hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y);
      if (!hit || !(hit === element || element.contains(hit) || hit.contains(element))) continue;
      out.push(range);
    }
    return out;
  };
  const registered = () => {
    const ranges = new Set();
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('backstory-')) for (const range of highlight) ranges.add(range);
    return ranges;
  };

  // One move, then frames until every mark visible after it is registered, or the limit.
  const watch = async (move) => {
    move();
    const started = performance.now();
    await frame();
    const visible = visibleMarks();
    let ms = null;
    for (;;) {
      const painted = registered();
      if (visible.every((range) => painted.has(range))) {
        ms = performance.now() - started;
        break;
      }
      if (performance.now() - started > limitMs) break;
      await frame();
    }
    // What the reader sees once the move is over: the marks visible now, and how many are painted.
    const after = visibleMarks();
    const painted = registered();
    return { y: Math.round(scroller.scrollTop), visible: after.length, marked: after.filter((range) => painted.has(range)).length, ms };
  };

  const maxScroll = () => Math.max(0, scroller.scrollHeight - innerHeight);
  const start = scroller.scrollTop;
  // Places spread over the document, visited out of order, so each is a jump, not a step.
  const order = [...Array(places).keys()].sort((a, b) => ((a * 5) % places) - ((b * 5) % places) || a - b);
  const jumps = [];
  for (const k of order) {
    const top = places > 1 ? Math.round((k * maxScroll()) / (places - 1)) : 0;
    jumps.push(await watch(() => scroller.scrollTo({ top, behavior: 'instant' })));
    await settle();
  }

  scroller.scrollTo({ top: 0, behavior: 'instant' });
  await frame();
  await settle();
  const screens = Math.ceil(maxScroll() / innerHeight);
  // A long page is read a screen at a time in `scrollSteps` runs of screens spread over it.
  const stride = Math.max(1, Math.ceil(screens / scrollSteps));
  const scrolls = [];
  for (let screen = 1; screen <= screens && scrolls.length < scrollSteps; screen += stride) {
    if (stride > 1) {
      scroller.scrollTo({ top: (screen - 1) * innerHeight, behavior: 'instant' });
      await frame();
      await settle();
    }
    scrolls.push(await watch(() => scroller.scrollBy({ top: innerHeight, behavior: 'instant' })));
  }
  scroller.scrollTo({ top: start, behavior: 'instant' });
  return JSON.stringify({ viewport: { width: innerWidth, height: innerHeight }, scrollHeight: scroller.scrollHeight, jumps, scrolls });
}
/* eslint-enable no-undef */

const percentile = (values, p) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * Figures of one or more walks: on-screen recall after jumps and while scrolling (marks painted /
 * marks visible), time from a jump to all visible marks (median, p95; a place still incomplete at the
 * limit counts as the limit and is counted as missed).
 */
export function onScreenSummary(walks, { limitMs = 3000 } = {}) {
  const jumps = walks.flatMap((w) => w?.jumps ?? []);
  const scrolls = walks.flatMap((w) => w?.scrolls ?? []);
  const sum = (moves, key) => moves.reduce((n, m) => n + m[key], 0);
  const recall = (moves) => (sum(moves, 'visible') ? sum(moves, 'marked') / sum(moves, 'visible') : null);
  const withMarks = jumps.filter((m) => m.visible > 0);
  const times = withMarks.map((m) => m.ms ?? limitMs);
  return {
    visible: sum(jumps, 'visible') + sum(scrolls, 'visible'),
    jumpVisible: sum(jumps, 'visible'),
    jumpMarked: sum(jumps, 'marked'),
    scrollVisible: sum(scrolls, 'visible'),
    scrollMarked: sum(scrolls, 'marked'),
    jumpTimes: times,
    jumpRecall: recall(jumps),
    scrollRecall: recall(scrolls),
    jumpMedianMs: percentile(times, 50),
    jumpP95Ms: percentile(times, 95),
    placesMissed: [...jumps, ...scrolls].filter((m) => m.visible > 0 && m.ms === null).length,
    places: withMarks.length + scrolls.filter((m) => m.visible > 0).length,
  };
}
