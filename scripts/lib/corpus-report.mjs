// How a corpus run reads: one line per page and mode while it runs, then a Markdown report.
import { ON_SCREEN_DEFAULTS } from './on-screen.mjs';
import { median, percentile } from './stats.mjs';

export const MODES = {
  blocked: { label: 'scripts blocked', short: 'blocked' },
  scripts: { label: 'scripts run', short: 'scripts' },
};

const percent = (x) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)}`);
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function errorsText(row) {
  if (!row.errors) return '–';
  const icons = row.errors.iconFetches ? `, icon fetch: ${row.errors.iconFetches}` : '';
  return `${row.errors.total} (same without Backstory: ${row.errors.sameWithout}${icons})`;
}

function status(row) {
  if (row.broke.length) return `BROKE: ${row.broke.join('; ')}`;
  if (row.outcome === 'timeout') return `timeout: ${row.reason}`;
  if (row.reason) return row.reason;
  return 'ok';
}

function onScreenText(o) {
  const missed = o.missed.length ? `, ${o.missed.length} place${o.missed.length > 1 ? 's' : ''} incomplete after ${LIMIT_S} s` : '';
  return `on screen: ${o.visible} visible, recall ${percent(o.jumpRecall)} after jumps, ${percent(o.scrollRecall)} scrolling, jump→marks ${ms(o.jumpMedianMs)}/${ms(o.jumpP95Ms)} ms${missed}`;
}

const LIMIT_S = ON_SCREEN_DEFAULTS.limitMs / 1000;
/** The lower of a page's two on-screen recalls (after jumps, while scrolling), or null when nothing was visible. */
const worstRecall = (o) => (o.jumpVisible || o.scrollVisible ? Math.min(o.jumpRecall ?? 1, o.scrollRecall ?? 1) : null);

/** On-screen figures per page and over the whole run, per mode, and every place left incomplete. */
function onScreenTables(rows) {
  const measured = rows.filter((r) => r.onScreen);
  if (!measured.length) return '';
  const lines = ['## What the reader sees', ''];
  for (const mode of Object.keys(MODES)) {
    const ofMode = measured.filter((r) => r.mode === mode);
    if (!ofMode.length) continue;
    const jumps = ofMode.flatMap((r) => r.onScreen.jumpTimes);
    const total = (key) => ofMode.reduce((n, r) => n + r.onScreen[key], 0);
    const recallOf = (marked, visible) => (total(visible) ? total(marked) / total(visible) : null);
    const below = ofMode.filter((r) => worstRecall(r.onScreen) !== null && worstRecall(r.onScreen) < 0.99);
    const missed = ofMode.flatMap((r) => r.onScreen.missed.map((m) => ({ page: r.page, ...m })));
    lines.push(`### ${MODES[mode].label}`, '');
    lines.push(
      `**Overall**: ${total('visible')} distinct visible mentions on ${ofMode.filter((r) => r.onScreen.visible).length} of ${ofMode.length} pages; ` +
        `on-screen recall ${percent(recallOf('jumpMarked', 'jumpVisible'))} after jumps (${total('jumpMarked')} of ${total('jumpVisible')}), ` +
        `${percent(recallOf('scrollMarked', 'scrollVisible'))} while scrolling (${total('scrollMarked')} of ${total('scrollVisible')}), ` +
        `${percent(recallOf('firstMarked', 'firstVisible'))} in the first frame after a move; ` +
        `jump → all visible marks median ${ms(median(jumps))} ms, p95 ${ms(percentile(jumps, 95))} ms over ${jumps.length} jumps; ` +
        `${below.length} page${below.length === 1 ? '' : 's'} below 99 %${below.length ? ` (${below.map((r) => r.page).join(', ')})` : ''}; ` +
        `${missed.length} place${missed.length === 1 ? '' : 's'} incomplete after ${LIMIT_S} s. ` +
        `The instrument's own looks held a frame by up to ${ms(Math.max(0, ...ofMode.map((r) => r.onScreen.slowestCheckMs)))} ms (left out of the times).`,
      '',
    );
    lines.push(
      `| Page | Visible mentions | Recall after jumps | Recall scrolling | Jump→marks median ms | p95 ms | Places incomplete after ${LIMIT_S} s |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of ofMode) {
      const o = r.onScreen;
      lines.push(`| ${cell(r.page)} | ${o.visible} | ${percent(o.jumpRecall)} | ${percent(o.scrollRecall)} | ${ms(o.jumpMedianMs)} | ${ms(o.jumpP95Ms)} | ${o.missed.length} |`);
    }
    if (missed.length) {
      lines.push('', `#### Places incomplete after ${LIMIT_S} s (${MODES[mode].short})`, '');
      for (const m of missed) {
        const texts = m.unmarked.length ? `: ${m.unmarked.map((t) => `“${cell(t)}”`).join(', ')}` : '';
        lines.push(`- **${m.page}**, ${m.move} (y ${m.y}): ${m.marked} of ${m.visible} visible marks painted${texts}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** A small article page: under this many characters in its body's innerText (about 30 KB of text). */
const SMALL_PAGE_TEXT = 30_000;

/** The main-thread cost against the control, per page and summed up for small article pages and for all. */
function costTables(costs, costMode, quiet) {
  if (!costs.length) return '';
  const diff = (c, key) => c.backstory[key] - c.control[key];
  const noise = (c, key) => c.control[key] - c.twin[key];
  const withTwin = costs.every((c) => c.twin);
  const summary = (list, key, of = diff) => {
    const d = list.map((c) => of(c, key));
    return `median ${ms(median(d))} ms, p90 ${ms(percentile(d, 90))} ms, max ${ms(d.length ? Math.max(...d) : null)} ms`;
  };
  const small = costs.filter((c) => c.text < SMALL_PAGE_TEXT);
  const lines = [`## Main-thread cost against a do-nothing control (${MODES[costMode].label})`, ''];
  if (quiet) {
    const waits = costs.map((c) => c.waited);
    lines.push(`Each load started once the machine was quiet (waited median ${ms(median(waits))} ms, p90 ${ms(percentile(waits, 90))} ms, max ${ms(Math.max(...waits))} ms).`, '');
  }
  for (const [label, key] of [
    ['longest stretch (a user-blocking task every 10 ms could not run)', 'longest'],
    ['longest stretch of a 10 ms setTimeout chain (the timer loop)', 'longestTimer'],
    ['longest stretch of the whole load (user-blocking tasks; each stretch whole, from the document’s start)', 'longestWhole'],
  ]) {
    lines.push(
      `- **${label[0].toUpperCase()}${label.slice(1)}**, Backstory minus control: small article pages (${small.length}, under ${SMALL_PAGE_TEXT.toLocaleString('en')} characters of text): ${summary(small, key)}; all ${costs.length} pages: ${summary(costs, key)}.` +
        (withTwin ? ` Control minus its twin (the noise floor): small pages ${summary(small, key, noise)}; all pages ${summary(costs, key, noise)}.` : ''),
    );
  }
  // The best load of each side: what a page costs when nothing else on the machine gets in the way.
  const bestDiff = (c, key) => c.backstory.best[key] - c.control.best[key];
  const bestNoise = (c, key) => c.control.best[key] - c.twin.best[key];
  if (costs.every((c) => c.backstory.best)) {
    lines.push(
      `- **Best load of each** (the shortest of the loads, Backstory minus control): small pages, longest stretch ${summary(small, 'longest', bestDiff)}, timer loop ${summary(small, 'longestTimer', bestDiff)}, whole load ${summary(small, 'longestWhole', bestDiff)}` +
        (withTwin ? `; control minus twin: longest stretch ${summary(small, 'longest', bestNoise)}, timer loop ${summary(small, 'longestTimer', bestNoise)}, whole load ${summary(small, 'longestWhole', bestNoise)}.` : '.'),
    );
  }
  const keys = ['longest', 'longestTimer', 'longestWhole'];
  const heads = ['Longest stretch', 'Timer loop', 'Whole load'];
  lines.push(
    '',
    `| Page | Text chars | Window ms | ${heads.map((h) => `${h}: Backstory ms | control ms | Δ ms${withTwin ? ' | twin ms | noise Δ ms' : ''}`).join(' | ')} |`,
    `| --- | ---: | ---: | ${keys.map(() => (withTwin ? '---: | ---: | ---: | ---: | ---:' : '---: | ---: | ---:')).join(' | ')} |`,
  );
  for (const c of costs) {
    const figures = keys.map((key) =>
      [c.backstory[key], c.control[key], diff(c, key), ...(withTwin ? [c.twin[key], noise(c, key)] : [])].map(ms).join(' | '),
    );
    lines.push(`| ${cell(c.page)} | ${c.text} | ${ms(c.windowMs)} | ${figures.join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** One progress line for a page run. */
export function progressLine(row) {
  const parts = [`${row.page} · ${MODES[row.mode].label}`];
  if (row.outcome === 'failed') parts.push(`FAILED TO LOAD: ${row.reason}`);
  else {
    parts.push(`${row.entities ?? '–'} entities, ${row.marks ?? '–'} marks${row.hiddenMarks ? ` (${row.hiddenMarks} hidden)` : ''}`);
    parts.push(`errors: ${errorsText(row)}`);
    parts.push(`DOM ${row.dom.verdict}${row.dom.detail && row.dom.verdict !== 'unchanged' ? ` (${row.dom.detail})` : ''}`);
    parts.push(`all marks ${ms(row.timings?.allMarks)} ms (first ${ms(row.timings?.firstMark)} ms)`);
    if (row.score) parts.push(`P ${percent(row.score.precision)} R ${percent(row.score.recall)}`);
    if (row.onScreen) parts.push(onScreenText(row.onScreen));
  }
  if (row.broke.length) parts.push(`BROKE: ${row.broke.join('; ')}`);
  else if (row.outcome === 'timeout' || row.reason) parts.push(`${row.outcome === 'timeout' ? 'TIMEOUT: ' : ''}${row.reason}`);
  for (const e of row.errors?.backstory ?? []) {
    const where = e.world === 'backstory' ? 'its own world' : 'not seen without it';
    parts.push(`\n    Backstory's error (${where}): ${e.text.slice(0, 200)}${e.url ? ` — ${e.url.slice(0, 120)}` : ''}`);
  }
  return parts.join(' · ');
}

/** How to read the report, with the settings of the run. */
const legend = ({ onScreen, costRuns, costMode, costQuiet, costTwin }) => `Legend
- **Mode**: *blocked* — the page served with \`Content-Security-Policy: script-src 'none'\`, so only its HTML and CSS
  count; *scripts* — its own scripts run. Each page is served from a localhost server rooted at the corpus folder,
  so its relative links resolve in its own folder; every request to another host is aborted (there is no network).
- **Entities / Marks**: distinct entities (\`globalThis.backstory.counts()\` in the content script's isolated world)
  and marked ranges in the \`backstory-*\` highlights; *hidden* marks are ranges the page does not render
  (no box, or in \`visibility: hidden\`) — they are not scored.
- **Errors N (same without Backstory: M)**: console errors, failed \`console.assert\`s, uncaught exceptions and the
  browser's own error log (failed loads, CSP refusals) in the run with Backstory; M of them were also seen, one for
  one, in a run of the same page without the extension (messages compared with their numbers blurred). An error is
  Backstory's when it was raised in its content script's world or by its files, or when it appears with Backstory
  but in neither of two runs without it. *Icon fetch*: the browser's own request for the page's icon or web app
  manifest, made some time after the load, failed in one run only — a matter of timing, nobody's error.
- **DOM**: the document with Backstory against the same page loaded at the same time without it (another browser),
  read when Backstory's marks had settled; with scripts running, the run without Backstory waits after its load
  event as long as the page took to settle with Backstory (a second run without it, when needed, waits exactly
  that long). *Blocked*: the serialised document must be
  identical (Backstory's \`<backstory-ui>\` host, if a popover had opened, is left out). *Scripts*: identical, or
  the same fingerprint (number of elements per tag, number of attributes, length of the body's text). When two
  runs without Backstory differ from each other the page *varies* by itself and the fingerprint is not judged.
  Any element named \`backstory-*\` other than the UI host on \`<html>\` counts as a change.
- **First / All marks**: ms since navigation start (the page's \`performance.now()\`) when the first mark was
  painted and when the first full scan was done (\`globalThis.backstory.timings\`). The run without Backstory loads
  beside it and the machine may be shared with other work: rough figures.
- **P / R**: for pages with \`tests/corpus/expected/<page>.json\`: precision = marks matching an expected mention /
  visible marks; recall = matched mentions / expected mentions. A mark matches when its text (case, accents,
  apostrophes, a leading "the", a possessive 's and a final period folded) and its entity equal an expected
  mention's. The page exposes a mark's text and kind, not its entity: the entity is the one of that kind whose
  alias has that text (or, inflected, starts it); a shared alias matches any of its entities.
- **What the reader sees**${onScreen ? ` (${onScreen.places} places, up to ${onScreen.scrollSteps} screens, ${onScreen.limitMs / 1000} s limit)` : ''}: after the
  page settled, the run jumps (an instant \`scrollTo\`, as the End key, a \`#fragment\`, find-in-page or a restored
  scroll position do) to places evenly spaced from the top to the end of the document, visited out of order, then
  scrolls one screen (\`innerHeight\`) at a time from the top (on a page of more screens than the cap, steps spread
  evenly over it, each from the screen before it, reached by a jump and left to settle). A page whose document does
  not scroll is walked in its largest scrolling element. Each move and the watching after it run in the page, in
  Backstory's content-script world, in one DevTools evaluation. After each move, in every frame until all are
  painted or the limit, it looks at every mark the matcher found (\`globalThis.backstory.markList()\`) that the reader
  can see — it has a box wholly inside the viewport (scrollbars excluded); its element is rendered
  (\`checkVisibility\` with opacity, visibility and content-visibility) in a text colour that is not transparent;
  \`elementFromPoint\` at the centre of its first box (in its shadow root, if any) lands on its element, inside it,
  or on the block that holds it through inline elements only — and whether a \`backstory-*\` highlight holds that
  Range (or one with the same boundary points). *Visible mentions*: distinct marks seen visible at some place.
  *Recall*: visible and painted / visible, summed over places, once each has settled (all painted, or the
  limit); *first frame*: the same in the first frame drawn after each move. *Jump→marks*: from the scroll to the
  first frame drawn with every visible mark painted, over jumps to places where some mark was visible (the state
  is read in a task right after that frame, so the painter's work in the frame counts); a place still incomplete at
  the limit counts as the limit and is listed with up to three of its unpainted names. The time the instrument's own
  looks held the frames before the last is left out (the longest such look is given). The walk comes after the
  page's look with and without Backstory, when nothing else loads; errors in Backstory's world meanwhile count.
- **Main-thread cost**${costRuns ? ` (${MODES[costMode].label}, ${costRuns} loads each)` : ''}: each page loaded alone (no other load
  meanwhile, and ${costQuiet ? 'once the processors had been at least 90 % idle for two 250 ms windows in a row (at most 10 s of waiting)' : '300 ms after the last tab closed'}), in a tab of its own beside one blank tab that each browser keeps open, alternately with Backstory and with a control extension whose content script does nothing but ask for
  one frame (which of the two goes first alternates); the medians. Recorded in the page from the start of its
  document (stretches of 5 ms or more): the longest stretch, counted from DOMContentLoaded on (a stretch under way
  then counts from there) and starting no later than Backstory's first full scan (\`timings.allMarks\`) plus 1 s —
  the *window*; the control's window is as long — in which a \`user-blocking\` task posted every 10 ms could not run (*longest stretch*) or a 10 ms \`setTimeout\`
  chain could not (*timer loop*); *whole load*: the longest stretch of user-blocking tasks from the document's start
  to the window's end, each stretch whole (the page's first layout, before or after DOMContentLoaded, counts for
  both). Δ = Backstory minus control. A *small article page* has under ${SMALL_PAGE_TEXT.toLocaleString('en')}
  characters in its body's \`innerText\`.${costTwin ? ' *Twin*: a second do-nothing control in a browser of its own, loaded as often, the three in turn; *noise Δ* = control minus twin, what the comparison shows when neither side does anything.' : ''}
- **Broke** (exit code 1): the page failed to load with Backstory, Backstory caused an error, or it changed the DOM.
  Unless the error came from Backstory's own world or files, both runs are made again and it must happen again;
  what does not is reported as *not reproduced*. A page that does not settle within the per-page timeout is
  reported, not failed.`;

function scoreTables(rows) {
  const scored = rows.filter((r) => r.score);
  if (!scored.length) return '';
  const lines = ['## Precision and recall', ''];
  for (const mode of Object.keys(MODES)) {
    const ofMode = scored.filter((r) => r.mode === mode);
    if (!ofMode.length) continue;
    const total = ofMode.reduce(
      (t, r) => ({ expected: t.expected + r.score.expected, marked: t.marked + r.score.marked, tp: t.tp + r.score.truePositives }),
      { expected: 0, marked: 0, tp: 0 },
    );
    lines.push(`### ${MODES[mode].label}`, '');
    lines.push('| Page | Expected mentions | Visible marks | Matched | Precision | Recall |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of ofMode) {
      lines.push(`| ${cell(r.page)} | ${r.score.expected} | ${r.score.marked} | ${r.score.truePositives} | ${percent(r.score.precision)} | ${percent(r.score.recall)} |`);
    }
    lines.push(
      `| **overall** | **${total.expected}** | **${total.marked}** | **${total.tp}** | **${percent(total.marked ? total.tp / total.marked : null)}** | **${percent(total.expected ? total.tp / total.expected : null)}** |`,
      '',
    );
    lines.push(`#### Misses (${MODES[mode].short})`, '');
    lines.push('“alias” = the text is an alias of the entity in the packs (the matcher missed it); “not an alias” = the packs do not spell it so.', '');
    for (const r of ofMode) {
      if (!r.score.misses.length) continue;
      const items = r.score.misses.map((m) => `${m.text} → ${m.entity} ×${m.count} (${m.isAlias ? 'alias' : 'not an alias'})`);
      lines.push(`- **${r.page}**: ${items.join('; ')}`);
    }
    const spans = ofMode.filter((r) => r.score.otherSpans.length);
    if (spans.length) {
      lines.push('', `#### Matched, but the mark covers other text than the mention (${MODES[mode].short})`, '');
      for (const r of spans) lines.push(`- **${r.page}**: ${r.score.otherSpans.map((o) => `${o.span} ×${o.count}`).join('; ')}`);
    }
    lines.push('', `#### False marks (${MODES[mode].short})`, '');
    for (const r of ofMode) {
      if (!r.score.falseMarks.length) continue;
      const items = r.score.falseMarks.map((f) => `“${f.text}” as ${f.entities.length ? f.entities.join(' or ') : `? (${f.kind})`} ×${f.count}`);
      lines.push(`- **${r.page}**: ${items.join('; ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The whole report in Markdown. */
export function markdownReport({ rows, header, costs = [], settings }) {
  const lines = ['# Backstory on the real-page corpus', '', ...header, ''];
  const broke = rows.filter((r) => r.broke.length);
  const timeouts = rows.filter((r) => !r.broke.length && r.outcome === 'timeout');
  lines.push(
    `**${new Set(rows.map((r) => r.page)).size} pages, ${rows.length} runs: ${broke.length} broke, ${timeouts.length} timed out.**`,
    '',
  );
  if (broke.length) {
    lines.push('## Broke', '');
    for (const r of broke) {
      lines.push(`- **${r.page}** (${MODES[r.mode].short}): ${r.broke.join('; ')}`);
      for (const e of r.errors?.backstory ?? []) {
        const where = e.world === 'backstory' ? 'Backstory’s world' : 'not seen without Backstory';
        lines.push(`  - ${e.kind} (${where}): ${cell(e.text.slice(0, 300))}${e.url ? ` — ${e.url.slice(0, 200)}` : ''}`);
      }
      if (r.dom.verdict === 'changed') lines.push(`  - DOM: ${cell(r.dom.detail)}`);
    }
    lines.push('');
  }
  lines.push('## Pages', '');
  lines.push('| Page | Mode | Entities | Marks (hidden) | Errors (same without Backstory) | DOM | First mark ms | All marks ms | P | R | Status |');
  lines.push('| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const marks = r.marks === null || r.marks === undefined ? '–' : `${r.marks}${r.hiddenMarks ? ` (${r.hiddenMarks})` : ''}`;
    const errors = r.errors ? `${r.errors.total} (${r.errors.sameWithout}${r.errors.iconFetches ? `, icon ${r.errors.iconFetches}` : ''})` : '–';
    const dom = r.dom ? (r.dom.verdict === 'unchanged' ? 'unchanged' : `${r.dom.verdict}`) : '–';
    lines.push(
      `| ${cell(r.page)} | ${MODES[r.mode].short} | ${r.entities ?? '–'} | ${marks} | ${errors} | ${dom} | ${ms(r.timings?.firstMark)} | ${ms(r.timings?.allMarks)} | ${percent(r.score?.precision)} | ${percent(r.score?.recall)} | ${cell(status(r))} |`,
    );
  }
  lines.push('', onScreenTables(rows), costTables(costs, settings.costMode, settings.costQuiet), scoreTables(rows), legend(settings), '');
  return lines.join('\n');
}
