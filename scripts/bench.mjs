// `npm run bench`: prints how fast Backstory imports knowledge bases of 10 to 100,000 entities and
// marks generated article pages of 100 KB to 5 MB with each, beside the same pages without the
// extension and marked by mark.js, and what the reader sees of the marks after jumps and while
// scrolling (lib/on-screen.mjs); then how fast saved passages are found again on a page and
// searched in a library of 50,000; then how fast the reading mode shows an article with every name
// marked, and what the page being read pays meanwhile (lib/bench-reader.mjs). A program that prints
// figures: it checks nothing, and exits 0 whatever they are. The Markdown it prints is also written
// to bench-output/results.md, the figures to bench-output/results.json.
//
//   --no-build           use the bench's last build (.output/bench/chrome-mv3)
//   --extension DIR      use this built extension instead (e.g. an earlier build, for a before/after)
//   --kb 10,100,1000     KB sizes (default 10,100,1000,100000)
//   --pages 100k,1m,5m   page sizes (default all three)
//   --runs N             page loads per case; the median is shown (default 1)
//   --profile            unminified build, plus one CPU-profiled load per case, summarised in the report
//   --import-timeout S   give up waiting for an import after S seconds (default 180; 0: wait for it)
//   --markjs-timeout S   stop mark.js after S seconds (default 60)
//   --no-markjs          leave mark.js out
//   --no-cost            leave out the main-thread cost against a do-nothing control (with the first KB)
//   --cost-runs N        loads with Backstory and with the control per page for that cost (default 3)
//   --only saved         only the saved passages: re-anchoring 200 on a page, searching a library of 50,000
//   --only reader        only the reading mode: the demo article and a 1 MB article opened in reader.html
//   --only stealth       only "Hide Backstory from pages": the 1 MB and 5 MB articles in both painting modes
//   --only first-marks   only the first marks on a news page after DOMContentLoaded, step by step, worker warm and cold
//   --first-runs N       loads per worker state for that (default 7)
//   --stealth-runs N     loads per mode and page for that comparison (default 3)
//   --reader-runs N      openings of the reading mode per article; median, and p95 from 5 runs (default 5)
//   (--only prints its section and writes nothing.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, launchWithExtension, MISSING_CHROMIUM } from './lib/browser.mjs';
import { articlePage, benchPack, PAGE_PEOPLE, SEED } from './lib/bench-data.mjs';
import {
  countRows,
  emptyExtension,
  firstLine,
  importThroughOptions,
  indexedDbOnDisk,
  MARKJS_BATCH,
  measurePage,
  openOptions,
  removeStarterPack,
  storageEstimate,
  timeMarkJs,
} from './lib/bench-browser.mjs';
import { benchSavedPassages, savedPassagesReport } from './lib/bench-library.mjs';
import { benchReader } from './lib/bench-reader.mjs';
import { benchStealth, stealthReport } from './lib/bench-stealth.mjs';
import { benchFirstMarks, firstMarksReport } from './lib/bench-first-marks.mjs';
import { measureCosts } from './lib/bench-cost.mjs';
import { longestDuringImport, measureEditor, probeOptions } from './lib/bench-editor.mjs';
import { profileReader } from './lib/bench-profile.mjs';
import { ON_SCREEN_DEFAULTS, onScreenSummary } from './lib/on-screen.mjs';
import { longestWithin, markdownReport, readerReport } from './lib/bench-report.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'bench-output');
const markJsPath = join(root, 'node_modules/mark.js/dist/mark.min.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const PAGE_SIZES = { '100k': ['100 KB', 100 * 1024], '1m': ['1 MB', 2 ** 20], '5m': ['5 MB', 5 * 2 ** 20] };
const kbSizes = option('kb', '10,100,1000,100000').split(',').map(Number);
const pageKeys = option('pages', '100k,1m,5m').split(',');
const runs = Math.max(1, Number(option('runs', '1')));
const profile = flag('profile');
const importTimeout = Number(option('import-timeout', '180')) * 1000 || 0;
const markJsTimeout = Number(option('markjs-timeout', '60')) * 1000;
const withMarkJs = !flag('no-markjs');
const costRuns = flag('no-cost') ? 0 : Math.max(1, Number(option('cost-runs', '3')));
const ownExtension = option('extension', null);
const only = option('only', '');
const readerRuns = Number(option('reader-runs', '5'));
const extensionDir = ownExtension ? resolve(ownExtension) : join(root, '.output/bench/chrome-mv3');
/** mark.js walks the whole page once per term: beyond this many terms it is not run at all. */
const MARKJS_MAX_TERMS = 20_000;

const began = performance.now();
const log = (message) => console.error(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

if (!chromiumPath()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
const badInteger = (n) => !Number.isInteger(n) || n < 1;
if (pageKeys.some((key) => !PAGE_SIZES[key]) || kbSizes.some(badInteger) || !['', 'saved', 'reader', 'stealth', 'first-marks'].includes(only) || badInteger(readerRuns)) {
  console.error('Usage: npm run bench -- [--kb 10,100,1000,100000] [--pages 100k,1m,5m] [--runs N] [--profile] [--no-build | --extension DIR] [--only saved | --only reader | --only stealth | --only first-marks] [--reader-runs N]');
  process.exit(1);
}
if (ownExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(`No built extension in ${extensionDir}.`);
  process.exit(1);
}

// The bench builds its own copy (.output/bench), so a build started by someone else meanwhile cannot
// replace the extension under it.
if (!flag('no-build') && !ownExtension) {
  log(`building the extension${profile ? ' (unminified, for readable profiles)' : ''}…`);
  const build = spawnSync('npx', ['wxt', 'build', '-c', 'scripts/lib/bench-wxt-config.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BACKSTORY_BENCH_UNMINIFIED: profile ? '1' : '0' },
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    process.exit(build.status ?? 1);
  }
}

// --only saved: the saved-passages part alone (re-anchoring, library search), printed, nothing written.
if (only === 'saved') {
  log('saved passages: re-anchoring and library search');
  console.log(savedPassagesReport(await benchSavedPassages({ extension: extensionDir, log })));
  process.exit(0);
}
// --only reader: the reading-mode part alone, printed, nothing written.
if (only === 'reader') {
  console.log(readerReport(await benchReader({ extension: extensionDir, log, runs: readerRuns })));
  process.exit(0);
}

// --only stealth: the two painting modes alone, printed, nothing written.
const stealthRuns = Math.max(1, Number(option('stealth-runs', '3')));
const stealthOf = async () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'backstory-stealth-'));
  try {
    return await benchStealth({ extension: extensionDir, workDir: dir, root, runs: stealthRuns, log });
  } catch (error) {
    return { error: firstLine(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
if (only === 'stealth') {
  console.log(stealthReport(await stealthOf()));
  process.exit(0);
}

// --only first-marks: the first marks on a news page, step by step, printed, nothing written.
const firstRuns = Math.max(1, Number(option('first-runs', '7')));
const firstMarksOf = () => benchFirstMarks({ extension: extensionDir, root, runs: firstRuns, log }).catch((error) => ({ error: firstLine(error) }));
if (only === 'first-marks') {
  console.log(firstMarksReport(await firstMarksOf()));
  process.exit(0);
}

const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
const loadAverage = () => os.loadavg().map((n) => n.toFixed(1)).join(' / ');
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown CPU',
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.versions.node,
  commit: git('rev-parse', '--short', 'HEAD') || 'unknown commit',
  dirty: git('status', '--porcelain').split('\n').filter(Boolean).length,
  loadBefore: loadAverage(),
};

// Pages: generated once, served from memory for every KB.
const pages = pageKeys.map((key) => {
  const [label, bytes] = PAGE_SIZES[key];
  const { html, mentions } = articlePage(bytes, { title: `Bench article, ${label}` });
  return { key: label, path: `/article-${key}.html`, html, bytes: Buffer.byteLength(html), mentions, text: pageText(html) };
});
const routes = Object.fromEntries(pages.map((p) => [p.path, () => ({ body: p.html })]));
const server = await startStaticServer({ root: join(root, 'tests/fixtures'), routes });
const urlOf = (page) => `${server.origin}${page.path}`;

function pageText(html) {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const fold = (word) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(fold);

/** Roughly what the background answers a page: the KB's aliases whose every word the page contains. */
function aliasesUnderPageKeys(pack, page) {
  page.words ??= new Set(words(page.text));
  let count = 0;
  for (const entity of pack.entities) {
    for (const text of new Set([entity.name, ...entity.aliases])) if (words(text).every((w) => page.words.has(w))) count++;
  }
  return count;
}

/** What the CPU profile of one load says about the marking window, its longest blocks and its longest frame. */
function profileSummary(measured, about) {
  const reader = profileReader(measured.cpuProfile, measured.clockSyncAt);
  const t = measured.timings;
  const summary = { ...about, byOrigin: reader.byOrigin(), aligned: reader.aligned, tasks: [], frames: [] };
  if (!t?.allMarks || !reader.aligned) return summary;
  const inWindow = (e) => e.start < t.allMarks && e.start + e.duration > t.start;
  summary.marking = { from: t.start, to: t.allMarks, ...reader.between(t.start, t.allMarks) };
  summary.tasks = measured.blocks
    .filter(inWindow)
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map((task) => ({ ...task, ...reader.between(task.start, task.start + task.duration) }));
  const frame = longestWithin(measured.frames, t.start, t.allMarks);
  if (frame) summary.frames.push({ ...frame, ...reader.between(frame.start, frame.start + frame.duration) });
  return summary;
}

const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const msOf = (x) => (x === null ? 'n/a' : `${Math.round(x)} ms`);
const median = (list, by) => [...list].sort((a, b) => by(a) - by(b))[Math.floor((list.length - 1) / 2)];
const allMarksOf = (run) => run.timings?.allMarks ?? Infinity;

const workDir = mkdtempSync(join(os.tmpdir(), 'backstory-bench-'));
mkdirSync(outDir, { recursive: true });
const markJsVersion = JSON.parse(readFileSync(join(root, 'node_modules/mark.js/package.json'), 'utf8')).version;
const results = {
  date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  machine,
  settings: {
    runs,
    seed: `0x${SEED.toString(16)}`,
    unminified: profile,
    markJsVersion,
    markJsTimeoutS: markJsTimeout / 1000,
    markJsBatch: MARKJS_BATCH,
    pagePeople: PAGE_PEOPLE,
    onScreen: ON_SCREEN_DEFAULTS,
    extension: ownExtension ? extensionDir : null,
    readerRuns,
  },
  pages,
  kbs: [],
  profiles: [],
};

// Without the extension: the pages alone (baseline for heap and long tasks), and mark.js.
let plain = await launchWithExtension({ extension: null });
{
  const page = await plain.context.newPage();
  const cdp = await plain.context.newCDPSession(page);
  machine.chromium = `Chromium ${(await cdp.send('Browser.getVersion')).product.split('/').pop()}`;
  await page.close();
}
// One load first, not counted, so the figures are of a browser that has loaded a page before.
await measurePage(plain.context, urlOf(pages[0]), { backstory: false, settleMs: 0 });
for (const page of pages) {
  log(`page alone: ${page.key}`);
  const measured = [];
  try {
    for (let i = 0; i < runs; i++) measured.push(await measurePage(plain.context, urlOf(page), { backstory: false }));
  } catch (error) {
    log(`  failed: ${firstLine(error)}`);
  }
  page.baseline = measured.length ? median(measured, (m) => m.load ?? 0) : null;
}

// The same pages with an extension whose content script does nothing: the browser's own cost of
// injecting a content script into a page (on a 5 MB page, a frame held for about 200 ms here).
{
  const control = await launchWithExtension({ extension: emptyExtension(join(workDir, 'empty-extension')) });
  try {
    await measurePage(control.context, urlOf(pages[0]), { backstory: false, settleMs: 0 });
    for (const page of pages) {
      log(`page with an empty content script: ${page.key}`);
      const measured = await measurePage(control.context, urlOf(page), { backstory: false, settleMs: 1500 });
      page.emptyContentScript = { at: measured.contentScriptAt, longest: longestWithin(measured.blocks, measured.contentScriptAt ?? 0, Infinity)?.duration ?? 0 };
    }
  } catch (error) {
    log(`  failed: ${firstLine(error)}`);
  } finally {
    await control.close();
  }
}

/** Imports the KB into a fresh profile, then loads every page with it. */
async function measureKb(kb, file) {
  const session = await launchWithExtension({ extension: extensionDir });
  try {
    const options = await openOptions(session);
    try {
      await removeStarterPack(options);
      kb.starterRemoved = true;
    } catch (error) {
      kb.starterRemoved = false;
      log(`could not remove the starter pack (${firstLine(error)}): it stays in the KB`);
    }
    await probeOptions(options);
    kb.import = await importThroughOptions(options, file, { timeout: importTimeout });
    kb.import.longestTask = await longestDuringImport(options).catch(() => null);
    if (kb.import.unfinished) log(`import still running after ${(kb.import.ms / 1000).toFixed(0)} s (${kb.import.progress}): pages not measured with this KB`);
    else if (kb.import.failed) log(`import failed: ${kb.import.status}`);
    else log(`imported in ${(kb.import.ms / 1000).toFixed(2)} s`);
    if (kb.import.unfinished || kb.import.failed) {
      for (const c of kb.cases) c.skipped = kb.import.failed ? 'import failed' : 'import unfinished';
      return;
    }
    kb.rows = await countRows(options);
    try {
      kb.editor = await measureEditor(session, kb.sample);
    } catch (error) {
      kb.editor = { error: firstLine(error) };
      log(`  editor not measured: ${kb.editor.error}`);
    }
    kb.estimate = await storageEstimate(options);
    kb.onDisk = indexedDbOnDisk(session.userDataDir, session.extensionId);
    // Not counted either: wakes the service worker and the database after the import.
    await measurePage(session.context, urlOf(pages[0]), { backstory: true, settleMs: 0 }).catch(() => undefined);

    for (const page of pages) {
      const c = kb.cases.find((x) => x.page === page.key);
      log(`  ${page.key} page with ${kb.size.toLocaleString('en')} entities`);
      try {
        for (let i = 0; i < runs; i++) c.runs.push(await measurePage(session.context, urlOf(page), { backstory: true, onScreen: ON_SCREEN_DEFAULTS }));
      } catch (error) {
        c.skipped = `failed: ${firstLine(error)}`;
        log(`  ${c.skipped}`);
      }
      if (!c.runs.length) continue;
      c.run = median(c.runs, allMarksOf);
      c.onScreen = onScreenSummary(c.runs.map((run) => run.onScreen));
      const o = c.onScreen;
      log(
        `    on screen: recall ${pct(o.jumpRecall)} after jumps, ${pct(o.scrollRecall)} scrolling; jump→marks median ${msOf(o.jumpMedianMs)}, p95 ${msOf(o.jumpP95Ms)}; ` +
          `${o.missed.length} places incomplete after ${ON_SCREEN_DEFAULTS.limitMs / 1000} s`,
      );
      if (profile) {
        try {
          const profiled = await measurePage(session.context, urlOf(page), { backstory: true, profile: true });
          const name = `profile-${kb.size}-${page.path.replace(/^\/article-|\.html$/g, '')}.cpuprofile`;
          mkdirSync(join(outDir, 'profiles'), { recursive: true });
          writeFileSync(join(outDir, 'profiles', name), JSON.stringify(profiled.cpuProfile));
          results.profiles.push(profileSummary(profiled, { page: page.key, kb: kb.size, file: `bench-output/profiles/${name}` }));
        } catch (error) {
          log(`  profiling failed: ${firstLine(error)}`);
        }
      }
    }
    if (costRuns && kb === results.kbs[0]) kb.costs = await measureCosts(session, pages, { runs: costRuns, controlDir: join(workDir, 'cost-control'), urlOf, log });
    kb.rowsAfter = await countRows(options);
  } finally {
    await session.close();
  }
}

for (const size of kbSizes) {
  const pack = benchPack(size);
  const kb = { size, cases: pages.map((page) => ({ page: page.key, runs: [], candidates: aliasesUnderPageKeys(pack, page) })) };
  // An entity from the middle of the pack, searched for in the editor by its surname.
  const sample = pack.entities[Math.floor(pack.entities.length / 2)];
  kb.sample = { search: sample.aliases[0], expect: sample.name };
  results.kbs.push(kb);
  const file = join(workDir, `bench-${size}.json`);
  writeFileSync(file, JSON.stringify(pack));
  kb.fileBytes = Buffer.byteLength(readFileSync(file));

  log(`KB of ${size.toLocaleString('en')} entities: fresh profile, removing the starter pack, importing…`);
  try {
    await measureKb(kb, file);
  } catch (error) {
    kb.error = firstLine(error);
    log(`  stopped: ${kb.error}`);
    for (const c of kb.cases) c.skipped ??= c.runs.length ? undefined : `failed: ${kb.error}`;
  }

  const terms = [...new Set(pack.entities.flatMap((e) => [e.name, ...e.aliases]))].sort((a, b) => b.length - a.length);
  let previous = null;
  for (const page of pages) {
    const c = kb.cases.find((x) => x.page === page.key);
    c.markjs = { terms: terms.length, timeout: markJsTimeout };
    if (!withMarkJs) {
      c.markjs.skipped = 'not run (--no-markjs)';
      continue;
    }
    if (terms.length > MARKJS_MAX_TERMS) {
      c.markjs.skipped = `${terms.length.toLocaleString('en')} terms: too slow, not run`;
      continue;
    }
    // mark.js's time grows with the page: skip a run that the previous page says would take far longer
    // than the timeout, except 1,000 entities on 1 MB, the case the target names.
    const estimate = previous ? (previous.ms * page.bytes) / previous.bytes : 0;
    const target = size === 1000 && page.key === '1 MB';
    if (estimate > markJsTimeout && !target) {
      c.markjs.skipped = `≈ ${(estimate / 1000).toFixed(0)} s${previous.timedOut ? ' or more' : ''} by the ${previous.page} page: not run`;
      continue;
    }
    log(`  mark.js: ${page.key} page, ${terms.length.toLocaleString('en')} terms`);
    try {
      Object.assign(c.markjs, await timeMarkJs(plain.context, urlOf(page), terms, markJsPath, { timeout: markJsTimeout }));
    } catch (error) {
      c.markjs.skipped = `failed: ${firstLine(error)}`;
    }
    if (c.markjs.timedOut) {
      // The page is still busy inside mark.js: start again from a new browser.
      await plain.close();
      plain = await launchWithExtension({ extension: null });
    }
    if (c.markjs.ms !== undefined || c.markjs.timedOut) previous = { ms: c.markjs.ms ?? markJsTimeout, timedOut: !!c.markjs.timedOut, bytes: page.bytes, page: page.key };
  }
}

await plain.close();
await server.close();
rmSync(workDir, { recursive: true, force: true });

log('saved passages: re-anchoring and library search');
const saved = await benchSavedPassages({ extension: extensionDir, log });

// In a browser of its own, with the starter pack (the names a reader meets first).
results.reader = await benchReader({ extension: extensionDir, log, runs: readerRuns });
log('hidden from pages: both painting modes');
results.stealth = await stealthOf();
log('first marks on a news page: worker warm and cold');
results.firstMarks = await firstMarksOf();

machine.loadAfter = loadAverage();
results.totalMs = performance.now() - began;
const markdown = `${markdownReport(results)}\n\n${savedPassagesReport(saved)}\n\n${readerReport(results.reader)}\n\n${stealthReport(results.stealth)}\n\n${firstMarksReport(results.firstMarks)}\n`;
writeFileSync(join(outDir, 'results.md'), markdown);
// The same figures for programs (to compare two runs), without the pages' text.
const pagesWithoutText = pages.map(({ html, text, words, ...page }) => page);
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ ...results, pages: pagesWithoutText }, null, 1));
console.log(markdown);
log(`written to ${join(outDir, 'results.md')}`);
