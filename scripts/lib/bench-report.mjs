// The bench's figures as Markdown: one table per question, then how they were measured.

const int = (n) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en'));
const mb = (bytes, digits = 1) => (bytes === null || bytes === undefined ? 'n/a' : (bytes / 2 ** 20).toFixed(digits));
/** Bytes more with the extension than without it; n/a when the page alone could not be measured. */
const delta = (run, page, field) => (page.baseline ? run.heap[field] - page.baseline.heap[field] : null);
const ratio = (x) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
const percent = (x) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);

/** A Markdown table: the first `labels` columns name the row, the figures after them align right. */
function table(head, rows, labels = 2) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i < labels ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The longest entry of `entries` ({start, duration}) that overlaps [from, to], or null. */
export function longestWithin(entries, from, to) {
  let longest = null;
  for (const e of entries) if (e.start < to && e.start + e.duration > from && (!longest || e.duration > longest.duration)) longest = e;
  return longest;
}

function importCell(kb) {
  const i = kb.import;
  if (!i) return 'not run';
  if (i.failed) return `failed: ${i.status}`;
  if (i.unfinished) return `> ${(i.ms / 1000).toFixed(0)} s: stopped unfinished${i.progress ? ` (“${i.progress}”)` : ''}`;
  return (i.ms / 1000).toFixed(i.ms < 10_000 ? 2 : 1);
}

/** On-screen recall after jumps, while scrolling, and jump → all visible marks (median / p95), with places left incomplete. */
function onScreenCells(o) {
  if (!o) return ['n/a', 'n/a', 'n/a'];
  const missed = o.missed.length ? ` (${o.missed.length} incomplete)` : '';
  return [percent(o.jumpRecall), percent(o.scrollRecall), `${int(o.jumpMedianMs)} / ${int(o.jumpP95Ms)}${missed}`];
}

function markJsCells(c) {
  const m = c.markjs;
  const ours = c.run?.timings ? c.run.timings.allMarks - c.run.timings.start : null;
  if (!m) return ['n/a', 'n/a'];
  if (m.skipped) return [`n/a (${m.skipped})`, 'n/a'];
  if (m.timedOut) return [`> ${int(m.timeout)} (stopped)`, ours ? `> ${ratio(m.timeout / ours)}` : 'n/a'];
  return [int(m.ms), ours ? ratio(m.ms / ours) : 'n/a'];
}

export function markdownReport(results) {
  const { machine, pages, kbs, settings } = results;
  const out = [];
  out.push(`# Backstory bench — ${results.date}`, '');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; load average ${machine.loadBefore} before, ${machine.loadAfter} after. ` +
      `${machine.chromium} (headless), Node ${machine.node}. ` +
      (settings.extension
        ? `Extension: ${settings.extension}, built elsewhere (the bench's scripts: ${machine.commit}${machine.dirty ? ` with ${machine.dirty} uncommitted file(s)` : ''}). `
        : `Build: ${machine.commit}${machine.dirty ? ` with ${machine.dirty} uncommitted file(s)` : ''}${settings.unminified ? ', unminified (--profile)' : ''}. `) +
      `Runs per case: ${settings.runs} (the median by time to all marks is shown). Total bench time: ${(results.totalMs / 1000).toFixed(0)} s.`,
    '',
  );
  const busiest = Math.max(...[machine.loadBefore, machine.loadAfter].map((load) => Number(load.split(' / ')[0])));
  if (busiest > machine.cores) {
    out.push(`**The machine was busy** (a load average of ${busiest} on ${machine.cores} cores): every duration below is longer, and less steady, than on an idle machine.`, '');
  }

  out.push('## Knowledge base import (options page → "Import pack")', '');
  out.push(
    table(
      ['KB', 'pack file MB', 'rows: entities / aliases / relations / statements', 'import s', 'options page longest task during import ms', 'IndexedDB (estimate) MB', 'IndexedDB on disk MB', 'entities when the pages were measured'],
      kbs.map((kb) => [
        `${int(kb.size)} entities`,
        mb(kb.fileBytes),
        kb.rows ? `${int(kb.rows.entities)} / ${int(kb.rows.aliases)} / ${int(kb.rows.relations)} / ${int(kb.rows.statements)}` : 'n/a',
        importCell(kb),
        kb.import?.longestTask === null || kb.import?.longestTask === undefined ? 'n/a' : int(kb.import.longestTask),
        mb(kb.estimate?.indexedDB ?? kb.estimate?.usage),
        mb(kb.onDisk),
        kb.rowsAfter ? int(kb.rowsAfter.entities) : 'n/a',
      ]),
      1,
    ),
    '',
  );
  const kept = kbs.filter((kb) => kb.starterRemoved === false).map((kb) => int(kb.size));
  out.push(
    kept.length
      ? `The starter pack could not be removed before importing the KB of ${kept.join(', ')} entities: its rows are in that KB too. Target: 100,000 entities imported in under 30 s.`
      : 'The starter pack was removed before each import: every KB holds the bench’s entities only. Target: 100,000 entities imported in under 30 s.',
    '',
  );

  out.push('## The knowledge-base editor (options page)', '');
  out.push(
    table(
      ['KB', 'entity list shown ms', 'search', 'search answered ms', 'longest task while listing ms', 'longest task while searching ms'],
      kbs.map((kb) => {
        const e = kb.editor;
        if (!e || e.error) return [`${int(kb.size)} entities`, e?.error ? `failed: ${e.error}` : 'not run', '', '', '', ''];
        return [`${int(kb.size)} entities`, int(e.listMs), `“${kb.sample.search}”`, int(e.searchMs), int(e.longestWhileListing), int(e.longestWhileSearching)];
      }),
      1,
    ),
    '',
  );
  out.push(
    'A freshly opened options page: "entity list shown" from navigation start to the first row of the entity list; "search answered" from one input event in the search box to a row naming the entity on screen, including the 200 ms the box waits for typing to pause. Longest task: the same probe as below (0 when no stretch reached 50 ms). During the import, the options page itself (the import runs in a worker).',
    '',
  );

  out.push('## Marking a page (page × KB)', '');
  const rows = [];
  const details = [];
  for (const page of pages) {
    for (const kb of kbs) {
      const c = kb.cases.find((x) => x.page === page.key);
      if (!c) continue;
      const r = c.run;
      const label = [page.key, `${int(kb.size)}`];
      if (!r || !r.timings || r.timedOut) {
        const why = c.skipped ?? (r?.timedOut ? 'no allMarks within the timeout' : 'not measured');
        rows.push([...label, `n/a (${why})`, '', '', '', '', '', '', '', '', ...markJsCells(c)]);
        continue;
      }
      const t = r.timings;
      const known = page.mentions.slice(0, kb.size).reduce((a, b) => a + b, 0);
      const block = longestWithin(r.blocks, t.start, t.allMarks);
      const next = longestWithin(
        r.blocks.filter((b) => b !== block),
        t.start,
        t.allMarks,
      );
      const longTask = longestWithin(r.longTasks, t.start, t.allMarks);
      const starved = longestWithin(r.starved, t.start, t.allMarks);
      const frame = longestWithin(r.frames, t.start, t.allMarks);
      rows.push([
        ...label,
        `${int(r.marks)} of ${int(known)}`,
        int(t.firstMark),
        int(t.allMarks),
        int(block?.duration ?? 0),
        int(next?.duration ?? 0),
        mb(delta(r, page, 'js')),
        ...onScreenCells(c.onScreen),
        ...markJsCells(c),
      ]);
      const spread = c.runs.length > 1 ? `${int(Math.min(...c.runs.map((x) => x.timings?.allMarks ?? Infinity)))}–${int(Math.max(...c.runs.map((x) => x.timings?.allMarks ?? 0)))}` : '';
      details.push([
        ...label,
        int(c.candidates),
        int(r.entities),
        int(r.domContentLoaded),
        int(t.start),
        int(t.allMarks - t.start),
        spread || '—',
        int(longTask?.duration ?? 0),
        int(starved?.duration ?? 0),
        frame ? `${int(frame.duration)} (${int(frame.blocking)})` : '0',
        mb(delta(r, page, 'embedder')),
        c.markjs?.count !== undefined ? `${int(c.markjs.terms)} → ${int(c.markjs.count)}` : c.markjs?.terms ? `${int(c.markjs.terms)} → n/a` : 'n/a',
      ]);
    }
  }
  out.push(
    table(
      ['page', 'KB entities', 'marks', 'first mark ms', 'all marks ms', 'longest task ms', 'next longest ms', 'heap Δ MB', 'on-screen recall after jumps', 'while scrolling', 'jump → visible marks median / p95 ms', 'mark.js ms', '× faster'],
      rows,
    ),
    '',
  );
  out.push('Details:', '');
  out.push(
    table(
      ['page', 'KB entities', 'aliases under the page’s keys (est.)', 'entities marked', 'DOMContentLoaded ms', 'marker start ms', 'marking ms', 'all marks, every run ms', 'Long Tasks API ms', 'page timers held up ms', 'longest frame ms (blocking)', 'DOM heap Δ MB', 'mark.js terms → marks'],
      details,
    ),
    '',
  );

  const costed = kbs.find((kb) => kb.costs?.length);
  if (costed) {
    out.push(`## Main-thread cost against a do-nothing control (KB of ${int(costed.size)} entities)`, '');
    const cell = (c, key) => (c.failed ? ['n/a', 'n/a', 'n/a'] : [int(c.backstory[key]), int(c.control[key]), int(c.backstory[key] - c.control[key])]);
    out.push(
      table(
        ['page', 'longest stretch: Backstory ms', 'control ms', 'Δ ms', 'timer loop: Backstory ms', 'control ms', 'Δ ms'],
        costed.costs.map((c) => [c.page, ...cell(c, 'longest'), ...cell(c, 'longestTimer')]),
      ),
      '',
      'Each page loaded alone, alternately in the browser with Backstory and in one with a control extension whose content script does nothing but ask for one frame; the medians of the loads (scripts/lib/corpus-cost.mjs, the same probe as the corpus run). Recorded in the page from the start of its document: the longest stretch counted from DOMContentLoaded on (one under way then counts from there), starting no later than Backstory\'s first full scan plus 1 s (the control\'s window as long), in which a `user-blocking` task posted every 10 ms could not run (*longest stretch*), or a 10 ms `setTimeout` chain could not (*timer loop*), counting stretches from 5 ms. Δ = Backstory minus control.',
      '',
    );
  }

  out.push('## Targets', '');
  const kbOf = (size) => kbs.find((kb) => kb.size === size);
  const caseOf = (size, pageKey) => kbOf(size)?.cases.find((c) => c.page === pageKey);
  const marking = (c) => (c?.run?.timings?.allMarks !== undefined ? c.run.timings.allMarks - c.run.timings.start : null);
  const oneMb = pages.find((p) => p.key === '1 MB');
  const c1000 = caseOf(1000, '1 MB');
  if (oneMb && c1000) {
    const [js, x] = markJsCells(c1000);
    out.push(`- 1,000 entities on the 1 MB page: mark.js ${js} ms, Backstory ${int(marking(c1000))} ms of marking → ${x}× faster (target: at least 20×).`);
  }
  const largest = Math.max(...kbs.map((kb) => kb.size));
  const largestKb = kbOf(largest);
  if (largestKb?.import?.unfinished || largestKb?.import?.failed) {
    out.push(`- ${int(largest)} entities against fewer: n/a, the import of ${int(largest)} entities ${largestKb.import.failed ? 'failed' : `was unfinished after ${(largestKb.import.ms / 1000).toFixed(0)} s`} (\`--import-timeout\` sets the wait).`);
  }
  for (const small of [100, 10]) {
    if (!kbOf(small) || largest <= small) continue;
    for (const page of pages) {
      const a = caseOf(largest, page.key);
      const b = caseOf(small, page.key);
      const ta = marking(a);
      const tb = marking(b);
      if (ta === null || tb === null) continue;
      const heapA = delta(a.run, page, 'js');
      const heapB = delta(b.run, page, 'js');
      out.push(
        `- ${page.key} page, ${int(largest)} vs ${int(small)} entities: marking ${int(ta)} vs ${int(tb)} ms → ${ratio(ta / tb)}×; ` +
          `all marks ${int(a.run.timings.allMarks)} vs ${int(b.run.timings.allMarks)} ms → ${ratio(a.run.timings.allMarks / b.run.timings.allMarks)}×; ` +
          `heap Δ ${mb(heapA)} vs ${mb(heapB)} MB → ${heapA !== null && heapB > 0 ? ratio(heapA / heapB) : 'n/a'}×${small === 100 ? ' (target: within 1.5×)' : ''}.`,
      );
    }
  }
  out.push('');

  out.push('## The pages alone (Chromium without the extension)', '');
  out.push(
    table(
      ['page', 'HTML bytes', `mentions of the ${settings.pagePeople} names`, 'DOMContentLoaded ms', 'load ms', 'longest task ms (whole load)', 'Long Tasks API ms', 'longest frame ms (blocking)', 'JS heap MB', 'DOM heap MB', 'longest task ms after an empty content script'],
      pages.map((p) => {
        const b = p.baseline;
        const control = p.emptyContentScript ? (p.emptyContentScript.at === null ? 'n/a (did not run)' : int(p.emptyContentScript.longest)) : 'n/a';
        if (!b) return [p.key, int(p.bytes), int(p.mentions.reduce((a, x) => a + x, 0)), 'n/a (failed)', '', '', '', '', '', '', control];
        const frame = b.frames.reduce((m, f) => (!m || f.duration > m.duration ? f : m), null);
        const longest = (entries) => entries.reduce((m, t) => Math.max(m, t.duration), 0);
        return [p.key, int(p.bytes), int(p.mentions.reduce((a, x) => a + x, 0)), int(b.domContentLoaded), int(b.load), int(longest(b.blocks)), int(longest(b.longTasks)), frame ? `${int(frame.duration)} (${int(frame.blocking)})` : '0', mb(b.heap.js), mb(b.heap.embedder), control];
      }),
      1,
    ),
    '',
  );

  if (results.profiles?.length) {
    out.push('## CPU profiles (one extra, profiled load per case)', '');
    out.push('(program) is the engine’s native work outside JavaScript: parsing, style, layout, paint. Functions: self ms; the extension’s functions also inclusive.', '');
    const list = (pairs) => pairs.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join('; ');
    for (const p of results.profiles) {
      const origin = Object.entries(p.byOrigin)
        .map(([k, v]) => `${k} ${int(v)} ms`)
        .join(', ');
      out.push(`### ${p.page} page, ${int(p.kb)} entities`, '', `Main thread over the whole load: ${origin}. Profile: \`${p.file}\`.`, '');
      if (!p.aligned) out.push('(The profile could not be lined up with the page’s clock.)', '');
      if (p.marking) {
        out.push(`- Marking window, ${int(p.marking.from)}–${int(p.marking.to)} ms: self ${list(p.marking.self)}.`);
        if (p.marking.extension.length) out.push(`  Extension, inclusive: ${list(p.marking.extension)}.`);
      }
      for (const task of p.tasks) {
        out.push(`- Main thread held ${int(task.duration)} ms at ${int(task.start)} ms (${int(task.sampled)} ms sampled): self ${list(task.self)}.`);
        if (task.extension.length) out.push(`  Extension, inclusive: ${list(task.extension)}.`);
      }
      for (const f of p.frames) {
        const render = f.renderStart > 0 ? `, rendering ${int(f.start + f.duration - f.renderStart)} ms of it (style and layout ${int(f.start + f.duration - f.styleAndLayoutStart)})` : '';
        out.push(`- Longest frame: ${int(f.duration)} ms at ${int(f.start)} ms (blocking ${int(f.blocking)}${render}; ${int(f.sampled)} ms sampled): self ${list(f.self)}.`);
        if (f.extension.length) out.push(`  Extension, inclusive: ${list(f.extension)}.`);
      }
      if (!p.tasks.length) out.push('- The main thread was never held 50 ms or more during marking.');
      out.push('');
    }
  }

  out.push('## How these were measured', '');
  out.push(
    [
      `- Knowledge bases: synthetic people (given names × syllable surnames, seeded PRNG ${settings.seed}), each with its name, the surname alone, a form with a second given name and another spelling; two relations and one statement each. Entity i is the same person in every KB.`,
      `- Pages: generated news prose of 100 KB, 1 MB and 5 MB naming the same ${settings.pagePeople} people (the first ${settings.pagePeople} entities of every KB: a KB of 10 knows 10 of them), in full, by surname, possessive, in other spellings, in links and bold, some split across elements; served from 127.0.0.1. "marks" counts Backstory’s marks against the mentions of names the KB knows.`,
      '- Import: from the "Import pack" input’s change event to the status that starts "Imported", timed in the options page; sizes from `navigator.storage.estimate()` in the options page and from the profile’s IndexedDB folder.',
      '- first mark / all marks: `globalThis.backstory.timings` read over CDP in the content script’s isolated world, in ms since navigation start; "marking ms" = all marks − the marker’s start (the content script runs at document_idle).',
      '- longest task: the longest stretch, overlapping the marking window, in which the main thread could not run a `user-blocking` task the page posts every 10 ms (0 when none reached 50 ms): Backstory’s script, the garbage collection it causes, and the style, layout and paint its highlights cause. Work that yields with `scheduler.yield()` does not count. Chrome’s Long Tasks API ("Long Tasks API ms") is shown beside it but leaves out a task that runs only extension code, such as the content script’s work after a `runtime.sendMessage` reply. "page timers held up" is the same probe with an ordinary timer, which `scheduler.yield()` continuations go before. "longest frame" is the longest `long-animation-frame` in the window, with its blocking duration. `npm run bench -- --profile` shows what ran in the longest blocks. "next longest": the longest stretch after that one, which tells a single stretch such as Chromium’s page-text capture (see the control column below) from repeated ones.',
      '- longest task ms after an empty content script: the same probe, on the same page in a browser with an extension whose content script does nothing but note when it ran and ask for one frame after the load event (injected at document_idle, as Backstory’s is), from that moment on: what the browser itself costs the page for injecting any content script that draws anything. The frame matters: at the first frame after load Chromium reads the whole page’s text for its language detection (ChromeRenderFrameObserver::CapturePageText, 130–250 ms on the 5 MB page in a trace here), which any extension that paints a mark, and any reader’s first scroll, sets off. Backstory’s longest task cannot be shorter than this on the same page.',
      `- on-screen recall and jump → visible marks: after each load's figures above, the page is walked as a reader would (scripts/lib/on-screen.mjs, the same walk as the corpus run's): ${settings.onScreen.places} jumps (instant \`scrollTo\`) to places evenly spaced from the top to the end, then a screen (\`innerHeight\`) at a time from the top, ${settings.onScreen.scrollSteps} steps at most, spread evenly over a longer page. After each move, in every frame, the marks the matcher found (\`globalThis.backstory.markList()\`) that are visible — a box wholly inside the viewport, rendered (\`checkVisibility\`), not covered (\`elementFromPoint\` at the centre of the first box) — are compared with the ranges registered in the \`backstory-*\` highlights. Recall: visible and registered / visible, summed over places, once each place has settled (all registered, or ${settings.onScreen.limitMs / 1000} s). Jump → visible marks: from the scroll to the first frame drawn with every visible mark registered, median / p95 over the jumps to places with a visible mark; a place still incomplete after ${settings.onScreen.limitMs / 1000} s counts as ${settings.onScreen.limitMs / 1000} s and is counted as incomplete. Every run of the case counts. The walk runs in one DevTools evaluation, in the content script's world. Its own looks at the marks hold the frames after them on the largest pages (tens of ms a frame at 17,000 marks): that time is left out of the jump times (results.json: the longest such look, \`onScreen.slowestCheckMs\`).`,
      '- heap Δ: `Runtime.getHeapUsage().usedSize` (V8) after `HeapProfiler.collectGarbage`, with the extension minus the same page without it; "DOM heap Δ" is the same for the embedder (Blink) heap, where Ranges and highlights live.',
      `- mark.js ${settings.markJsVersion}: in Chromium without the extension, on the loaded page, \`new Mark(document.body).mark(terms, { accuracy: { value: 'exactly', limiters: punctuation }, separateWordSearch: false, exclude: ['mark'] })\` with every name and alias of the KB as terms, longest first, in calls of ${settings.markJsBatch} terms one after the other (mark.js recurses once per term: thousands in one call overflow the stack), timed with performance.now() in the page; stopped after ${settings.markJsTimeoutS} s, and not run when the smaller page’s time says it would take longer. Without the punctuation limiters mark.js misses names followed by a comma or full stop; without the exclusion it marks a surname again inside a marked full name. "× faster" = mark.js ms ÷ Backstory’s marking ms.`,
      '- aliases under the page’s keys (est.): aliases of the KB whose every word (lower-cased, without diacritics) occurs on the page — about what the background sends the content script (inflected forms aside).',
      '- Each KB is measured in a fresh browser profile. Figures on a shared or busy machine vary from run to run; the load average above says how busy it was.',
    ].join('\n'),
    '',
  );
  return out.join('\n');
}

/** A phase's share of the time to shown, with its ms: "41.2% (96 ms)". */
const share = (ms, total) => (ms === null || ms === undefined || !total ? 'n/a' : `${percent(ms / total)} (${int(ms)} ms)`);

/** The reading-mode section (scripts/lib/bench-reader.mjs): time to the article shown, what it is spent on, and the source page's cost. */
export function readerReport(r) {
  const out = ['## Reading mode', ''];
  const p95 = r.runs >= 5;
  out.push(
    `\`reader.html?tab=ID\` opened in a new tab for a page already open and marked; ${r.runs} opening${r.runs === 1 ? '' : 's'} per article, in one fresh browser with the starter pack. *Shown*: the reader page's \`backstoryReader.shownAt\`, from its navigation start to the frame after the article was put in place with every name a button${p95 ? '' : ' (a p95 needs 5 runs or more)'}. The shares are those of the opening with the median time: parse + Readability, DOMPurify, matching (the lookup in the background, then matching and wrapping the names), and building and rendering — the rest, split below.`,
    '',
  );
  const dash = (x) => (x === null || x === undefined ? 'n/a' : int(x));
  out.push(
    table(
      ['article', 'HTML bytes', 'shown ms (median)', 'p95 ms', 'min–max ms', 'target ms', 'parse + Readability', 'DOMPurify', 'matching', 'building, rendering', 'marks in the article', 'source page: longest task, Long Tasks API ms', 'tasks ≥ 50 ms', 'longest task, trace ms (thread time)', 'tasks ≥ 50 ms'],
      r.cases.map((c) => {
        const s = c.summary;
        const m = s.medianRun;
        const total = m?.shownAt;
        const failed = s.failures.length ? ` (${s.failures.length} of ${s.runs} failed)` : '';
        return [
          c.key,
          c.bytes ? int(c.bytes) : 'n/a',
          `${int(s.medianMs)}${failed}`,
          p95 ? int(s.p95Ms) : 'n/a',
          s.minMs === null ? 'n/a' : `${int(s.minMs)}–${int(s.maxMs)}`,
          `≤ ${int(c.target)}`,
          share(m?.phases.extract, total),
          share(m?.phases.sanitize, total),
          share(m?.phases.matching, total),
          share(m?.phases.rest, total),
          c.mentionsWritten ? `${int(s.marks)} of ${int(c.mentionsWritten)} written` : int(s.marks),
          int(s.longestTask),
          int(s.tasksOver50),
          s.longestTraced === null ? 'n/a' : `${int(s.longestTraced)} (${int(s.longestTracedCpu)})`,
          dash(s.tracedOver50),
        ];
      }),
      1,
    ),
    '',
  );
  out.push('Matching, building and rendering, split (the median opening):', '');
  out.push(
    table(
      ['article', 'lookup in the background ms', 'finding the names ms', 'wrapping them in buttons ms', 'reader page start → snapshot asked ms', 'snapshot round trip ms', 'building the body ms', 'after the timed phases, build included (layout, paint) ms', 'reader DOMContentLoaded ms'],
      r.cases.map((c) => {
        const m = c.summary.medianRun;
        const p = m?.phases;
        return [c.key, dash(p?.lookup), dash(p?.match), dash(p?.wrap), dash(p?.start), dash(p?.snapshot), dash(p?.build), dash(p?.after), dash(m?.domContentLoaded)];
      }),
      1,
    ),
    '',
  );
  const first = r.firstOpening;
  out.push(
    first?.error
      ? `The first opening of the session (the demo article, not counted) failed: ${first.error}.`
      : `The first opening of the session (the demo article, not counted: it also compiles the reader's bundle and opens its database) showed the article at ${int(first?.shownAt)} ms.`,
    '',
  );
  out.push('Targets:', '');
  const verdict = (value, target) => (value === null || value === undefined ? 'n/a' : value <= target ? 'within' : 'over');
  for (const c of r.cases) {
    const s = c.summary;
    const worst = p95 ? s.p95Ms : s.maxMs;
    const traced =
      s.longestTraced === null
        ? 'n/a in the trace'
        : `${int(s.longestTraced)} ms in the trace (${s.tracedRuns} traced openings), ${int(s.tracedOver50)} of ${int(r.targets.sourceTaskMs)} ms or more (target: none: ${s.tracedOver50 ? 'over' : 'within'})`;
    out.push(
      `- ${c.key}: shown in ${int(s.medianMs)} ms at the median, ${int(worst)} ms at ${p95 ? 'the p95' : 'worst'} (target ≤ ${int(c.target)} ms: ${verdict(s.medianMs, c.target)}); ` +
        `longest task on the source page ${traced}; in the ${s.runs} timed openings the Long Tasks API saw ${int(s.longestTask)} ms at most, ${int(s.tasksOver50)} of ${int(r.targets.sourceTaskMs)} ms or more.`,
    );
  }
  out.push('');
  out.push(
    [
      '- Each opening: the article page is loaded in a new tab and left until Backstory has marked it (its first full scan done, the mark count unchanged for 400 ms); its tab id is asked of the extension\'s service worker (`chrome.tabs.query`); then a `PerformanceObserver` for `longtask` (`buffered: false`) starts in the page\'s main world, and `reader.html?tab=ID` opens in another new tab, until it sets `document.documentElement.dataset.reader`. Both tabs are closed after each opening.',
      `- Source page: its tasks that began between the reader's opening and its \`shownAt\` (on the source page's clock); the worst over the openings, and the count over all of them. The Long Tasks API does not report a task that runs only extension code, and the page's part — its content script serialising the page and answering the reader's request — is such a task (a 4 MB page here: tasks of 180–290 ms, not one long-task entry). So ${r.runs} more openings per article run under a trace of the browser's top-level tasks (\`toplevel\` category, over DevTools), in which the page's main thread is the one that made a User Timing mark as the reader opened; their times are not counted, since the trace slows the reader (by about 90 ms on the demo article here). "thread time": that task's CPU time (less than its duration when the thread waited for a core).`,
      '- Building and rendering, split: a script the bench adds to the reader page before its own notes when it sends the `reader-snapshot` request and when the answer arrives. *Start*: the reader page\'s bundle, its database and settings, its first render; *snapshot round trip*: the background, the content script serialising the page, the message both ways; *after*: from the answer on, what the reader\'s own timings do not count — building the body (`timings.build`), layout and paint of the frame it waits for.',
      '- The 1 MB article: generated prose (seeded) naming starter-pack people in full and by surname, organisations (CSTO, Eurasian Economic Union…), countries and capitals — about one name in three sentences, as on the marking bench\'s pages — some in links or bold; "marks in the article" against the mentions written. The demo article is `tests/fixtures/demo/`.',
      '- In a full run, the figures of every opening are in results.json (`reader.cases[].runs`, `reader.cases[].tracedRuns`), with the reader page\'s own `timings` (parse, readability, sanitize, build, lookup, match, wrap).',
    ].join('\n'),
  );
  return out.join('\n');
}
