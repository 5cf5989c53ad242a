// `npm run corpus -- DIR [--pack FILE]`: loads every page of a folder of saved real pages in Chromium
// with Backstory — once with the page's own scripts blocked, once with them running — and beside the
// same page without the extension. Prints what Backstory found on each, the console errors it caused,
// whether the page's DOM stayed as the page made it, and how long the marks took; with expected
// mentions (tests/corpus/expected/<page>.json) also the precision and recall of the marks. Then, as
// a reader sees it: at places reached by jumps and screen by screen, whether the names visible on
// screen are painted, and how soon after a jump (lib/on-screen.mjs); and, loading each page alone
// beside a do-nothing control extension, what Backstory costs its main thread (lib/corpus-cost.mjs).
// With --reader, also opens every page in the reading mode (lib/corpus-reader.mjs): what it extracted,
// and that nothing of the page ran in the reader page.
// Writes the report to bench-output/corpus.md (or --out) and exits 1 when a page broke (see the legend
// in the report), or when, with --reader, a page's script, handler, frame, form or request was active
// in the reader page.
//
//   --pack FILE         import this pack through the options page first (exit 2 if it is refused)
//   --expected DIR      expected mentions (default tests/corpus/expected; --no-expected to skip scoring)
//   --only a,b          only these pages (names of their folders)
//   --modes blocked,scripts
//   --timeout S         per page and mode (default 15); a page that does not settle is reported, not failed
//   --no-build          use the corpus run's last build (.output/corpus/chrome-mv3)
//   --extension DIR     use this built extension instead (e.g. an earlier build, for a before/after)
//   --places N          jumps per page for the on-screen figures (default 8)
//   --scroll-steps N    screens scrolled one at a time at most per page (default 30, spread over a longer page)
//   --no-on-screen      leave out the on-screen figures (jumps and screen-by-screen scrolling)
//   --no-cost           leave out the main-thread cost against a do-nothing control extension
//   --cost-runs N       loads per page with Backstory and with the control for the cost (default 2)
//   --cost-mode M       the mode the cost is measured in: blocked (default) or scripts
//   --cost-quiet        start each load of the cost once the machine is quiet (processors 90 % idle), not after a fixed pause
//   --cost-twin         also load each page as often beside a second do-nothing control: control minus twin is the noise floor
//   --reader            also open every page, in each mode, in the reading mode (reader.html?tab=ID)
//   --out FILE          write the report there instead (e.g. the figures of an earlier build beside the last run's)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromiumPath, launchWithExtension, MISSING_CHROMIUM } from './lib/browser.mjs';
import { importPackThroughOptions, openOptions, Tab, within } from './lib/corpus-browser.mjs';
import { backstoryErrors, domVerdict, unmatched } from './lib/corpus-compare.mjs';
import { listPages } from './lib/corpus-pages.mjs';
import { markdownReport, MODES, progressLine } from './lib/corpus-report.mjs';
import { measureCost } from './lib/corpus-cost.mjs';
import { emptyExtension } from './lib/bench-browser.mjs';
import { ON_SCREEN_DEFAULTS, onScreenBudgetMs, onScreenSummary } from './lib/on-screen.mjs';
import { Knowledge, readExpected, score } from './lib/corpus-score.mjs';
import { readCorpus, readerProgressLine, readerSection } from './lib/corpus-reader.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const USAGE =
  'Usage: npm run corpus -- DIR [--pack FILE] [--expected DIR | --no-expected] [--only a,b] [--modes blocked,scripts] [--timeout S] [--no-build | --extension DIR] [--places N] [--scroll-steps N] [--no-on-screen] [--no-cost] [--cost-runs N] [--cost-mode blocked|scripts] [--cost-quiet] [--cost-twin] [--reader] [--out FILE]';

const argv = process.argv.slice(2);
const VALUED = new Set(['pack', 'expected', 'only', 'modes', 'timeout', 'extension', 'places', 'scroll-steps', 'cost-runs', 'cost-mode', 'out']);
const options = {};
const positional = [];
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (!arg.startsWith('--')) positional.push(arg);
  else if (VALUED.has(arg.slice(2))) options[arg.slice(2)] = argv[++i];
  else options[arg.slice(2)] = true;
}
const fail = (message, code = 2) => {
  console.error(message);
  process.exit(code);
};
const dir = positional[0] && resolve(positional[0]);
if (!dir || positional.length > 1 || !existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir ? `Not a folder: ${dir}\n` : ''}${USAGE}`);
const packFile = options.pack && resolve(options.pack);
if (packFile && !existsSync(packFile)) fail(`No pack file at ${packFile}.`);
const modes = (options.modes ?? 'blocked,scripts').split(',');
if (modes.some((m) => !MODES[m])) fail(`--modes takes blocked and/or scripts.\n${USAGE}`);
const timeout = Number(options.timeout ?? 15) * 1000;
if (!(timeout > 0)) fail(`--timeout takes seconds.\n${USAGE}`);
const expectedDir = options['no-expected'] ? null : resolve(options.expected ?? join(root, 'tests/corpus/expected'));
if (options.expected && !existsSync(expectedDir)) fail(`No folder of expected mentions at ${expectedDir}.`);
const onScreen = options['no-on-screen']
  ? null
  : { ...ON_SCREEN_DEFAULTS, places: Number(options.places ?? ON_SCREEN_DEFAULTS.places), scrollSteps: Number(options['scroll-steps'] ?? ON_SCREEN_DEFAULTS.scrollSteps) };
if (onScreen && !(Number.isInteger(onScreen.places) && onScreen.places >= 1 && Number.isInteger(onScreen.scrollSteps) && onScreen.scrollSteps >= 0)) {
  fail(`--places takes a number of jumps, --scroll-steps a number of screens.\n${USAGE}`);
}
const costRuns = options['no-cost'] ? 0 : Number(options['cost-runs'] ?? 2);
if (!options['no-cost'] && !(Number.isInteger(costRuns) && costRuns >= 1)) fail(`--cost-runs takes a number of loads.\n${USAGE}`);
const costMode = options['cost-mode'] ?? 'blocked';
const costQuiet = options['cost-quiet'] === true;
const costTwin = options['cost-twin'] === true;
if (!MODES[costMode]) fail(`--cost-mode takes blocked or scripts.\n${USAGE}`);
if (!chromiumPath()) fail(MISSING_CHROMIUM, 1);

let pages = listPages(dir);
if (options.only) {
  const wanted = new Set(options.only.split(','));
  const unknown = [...wanted].filter((name) => !pages.some((p) => p.name === name));
  if (unknown.length) fail(`No such page in ${dir}: ${unknown.join(', ')}`);
  pages = pages.filter((p) => wanted.has(p.name));
}
if (!pages.length) fail(`No pages in ${dir} (looked for */source.html and *.html).`);

const began = performance.now();
const elapsed = () => `${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s`;
const log = (message) => console.error(`[corpus ${elapsed()}] ${message}`);

// Its own build (.output/corpus), so a build someone else starts meanwhile cannot swap the extension
// under a running corpus; only the entrypoints a page run needs.
const extensionDir = options.extension ? resolve(options.extension) : join(root, '.output/corpus/chrome-mv3');
if (options.extension) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) fail(`No built extension in ${extensionDir}.`);
} else if (!options['no-build']) {
  log('building the extension…');
  const build = spawnSync(
    'npx',
    ['wxt', 'build', '-c', 'scripts/lib/corpus-wxt-config.mjs'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (build.status !== 0) fail(`The build failed:\n${build.stderr.slice(-3000)}\nFix it, or rerun with --no-build to use the last build.`, 1);
} else if (!existsSync(join(extensionDir, 'manifest.json'))) fail(`No corpus build in ${extensionDir}: run without --no-build.`);

// Scoring: which pages have expected mentions, and what the packs (bundled + --pack) say about aliases.
const bundledPacks = readdirSync(join(root, 'public/packs'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(root, 'public/packs', f));
const knowledge = new Knowledge([...bundledPacks, ...(packFile ? [packFile] : [])]);
const expectedFor = new Map();
if (expectedDir && existsSync(expectedDir)) {
  for (const page of pages) {
    const file = join(expectedDir, `${page.name}.json`);
    if (!existsSync(file)) continue;
    const expected = readExpected(file);
    const unknownIds = [...new Set(expected.mentions.map((m) => m.entity).filter((id) => !knowledge.has(id)))];
    if (unknownIds.length) log(`${page.name}: expected mentions name entities no pack holds: ${unknownIds.join(', ')}`);
    expectedFor.set(page.name, expected);
  }
}

// One server per mode, both rooted at the corpus folder: a page's relative links resolve in its own folder.
const servers = {
  blocked: await startStaticServer({ root: dir, headers: () => ({ 'content-security-policy': "script-src 'none'" }) }),
  scripts: await startStaticServer({ root: dir }),
};
const isLocal = (url) => url.hostname === '127.0.0.1' || url.protocol === 'chrome-extension:';

log(`starting Chromium with and without Backstory (${extensionDir})…`);
const withExtension = await launchWithExtension({ extension: extensionDir });
const without = await launchWithExtension({ extension: null });
for (const session of [withExtension, without]) await session.context.route((url) => !isLocal(url), (route) => route.abort());

let importStatus = 'starter pack only';
{
  const optionsPage = await openOptions(withExtension);
  if (packFile) {
    log(`importing ${packFile}…`);
    const outcome = await importPackThroughOptions(optionsPage, packFile);
    if (!outcome.ok) {
      console.error(`The pack ${packFile} was not imported: ${outcome.status}`);
      for (const problem of outcome.problems) console.error(`  - ${problem}`);
      await Promise.all([withExtension.close(), without.close()]);
      process.exit(2);
    }
    importStatus = `${packFile.replace(`${root}/`, '')}: ${outcome.status}`;
    log(outcome.status);
  }
  await optionsPage.close();
}

const HUNG = { outcome: 'timeout', reason: 'the run hung', errors: [], dom: null, backstory: null, settleMs: 0 };
const tabs = { with: await Tab.open(withExtension.context, { extensionId: withExtension.extensionId }), without: await Tab.open(without.context) };

/** One page load, with a last guard for a tab that stops answering: it is replaced and the run goes on. */
async function run(which, url, opts) {
  const result = await within(tabs[which].load(url, { timeout, ...opts }), timeout + 30_000, HUNG);
  if (result === HUNG) await tabs[which].reset();
  return result;
}

/**
 * The reader's walk (jumps, then a screen at a time) over the page the tab with Backstory holds, once
 * the look is done and nothing else loads; with a last guard, like run()'s.
 */
async function walk() {
  const budget = onScreenBudgetMs(onScreen);
  const walked = await within(tabs.with.walk(onScreen, budget), budget + 10_000, null);
  if (!walked) await tabs.with.reset();
  return walked;
}

/** N errors with Backstory, M of them seen one for one without it, and which are Backstory's. */
function errorCounts(withRun, baselines, errors) {
  let notSeen = withRun.errors;
  for (const baseline of baselines) notSeen = unmatched(notSeen, baseline.errors);
  return {
    total: withRun.errors.length,
    sameWithout: withRun.errors.length - notSeen.length,
    iconFetches: notSeen.filter((e) => e.world === 'browser').length,
    backstory: errors.all,
  };
}

/**
 * One look at a page in one mode: with and without Backstory side by side, and a second run without it
 * when the two differ, to tell a page that differs by itself from one that Backstory changed.
 */
async function look(url, { scripts, settled }) {
  const [withRun, firstBaseline] = await Promise.all([
    run('with', url, { backstory: true }),
    run('without', url, { backstory: false, holdMs: scripts ? settled : 0 }),
  ]);
  const baselines = [firstBaseline];
  let errors = backstoryErrors(withRun, baselines);
  let dom = domVerdict(withRun, baselines, { scripts });
  if (withRun.outcome !== 'failed' && (errors.unexplained.length || (scripts && dom.verdict !== 'unchanged'))) {
    baselines.push(await run('without', url, { backstory: false, holdMs: scripts ? withRun.settleMs : 0 }));
    errors = backstoryErrors(withRun, baselines);
    dom = domVerdict(withRun, baselines, { scripts });
  }
  const broke = [];
  if (withRun.outcome === 'failed') broke.push(`failed to load: ${withRun.reason}`);
  if (errors.all.length) broke.push(`${errors.all.length} error${errors.all.length > 1 ? 's' : ''} caused by Backstory`);
  if (dom.verdict === 'changed') broke.push(`DOM changed (${dom.detail})`);
  return { withRun, baselines, errors, dom, broke };
}

/** Whether a broken look may be the page's own timing: no error from Backstory's own world or files. */
const mayBeTiming = (seen) => seen.withRun.outcome !== 'failed' && !seen.errors.own.length;

const rows = [];
log(`${pages.length} pages × ${modes.length} modes, ${expectedFor.size} with expected mentions`);
for (const page of pages) {
  // How long the page took to settle with Backstory in the previous mode: how long the run without it
  // waits before its snapshot when both load side by side.
  let settled = 1000;
  for (const mode of modes) {
    const url = `${servers[mode].origin}${page.path}`;
    const scripts = mode === 'scripts';
    let seen = await look(url, { scripts, settled });
    let notReproduced = null;
    // What Backstory seems to have caused only counts when it happens again.
    if (seen.broke.length && mayBeTiming(seen)) {
      const again = await look(url, { scripts, settled: seen.withRun.settleMs });
      if (again.broke.length) seen = again;
      else notReproduced = seen.broke;
    }
    const { withRun, baselines, errors, dom } = seen;
    if (withRun.outcome === 'ok') settled = withRun.settleMs;
    const state = withRun.backstory;
    const visible = state?.marks.filter((m) => m.visible) ?? [];
    const walked = onScreen && state ? await walk() : null;
    const row = {
      page: page.name,
      mode,
      outcome: withRun.outcome,
      reason: notReproduced ? `not reproduced on a second look: ${notReproduced.join('; ')}` : withRun.reason,
      entities: state ? state.counts.length : null,
      marks: state ? state.marks.length : null,
      hiddenMarks: state ? state.marks.length - visible.length : 0,
      errors: withRun.outcome === 'failed' ? null : errorCounts(withRun, baselines, notReproduced ? { all: [] } : errors),
      dom: notReproduced && dom.verdict === 'changed' ? { verdict: 'varies', detail: dom.detail } : dom,
      timings: state?.timings ?? null,
      score: state && expectedFor.has(page.name) ? score(visible, expectedFor.get(page.name), knowledge) : null,
      onScreen: walked?.walk ? onScreenSummary([walked.walk]) : null,
      broke: notReproduced ? [] : seen.broke,
    };
    if (walked?.errors.length) {
      row.errors.backstory.push(...walked.errors);
      row.broke.push(`${walked.errors.length} error${walked.errors.length > 1 ? 's' : ''} in Backstory's world while the page was walked`);
    }
    rows.push(row);
    console.log(`[corpus ${elapsed()}] ${progressLine(row)}`);
  }
}

// Nothing of the last page may run on while the cost is measured, or while the reading mode is.
await Promise.all([tabs.with.close(), without.close()]);

// The reading mode, page by page in each mode, alone in Backstory's browser.
let readerRows = [];
if (options.reader) {
  log(`reading mode: ${pages.length} pages × ${modes.length} modes, one at a time…`);
  readerRows = await readCorpus(withExtension, pages, { modes, servers, timeout, onRow: (row) => console.log(`[corpus ${elapsed()}] ${readerProgressLine(row)}`) });
}

// The main-thread cost, page by page and one load at a time, against a content script that does nothing.
const costs = [];
if (costRuns > 0) {
  log(`main-thread cost (${MODES[costMode].label}): ${costRuns} loads per page with Backstory and with a do-nothing control, one at a time…`);
  const launchControl = async () => {
    const session = await launchWithExtension({ extension: emptyExtension(mkdtempSync(join(os.tmpdir(), 'backstory-control-'))) });
    await session.context.route((url) => !isLocal(url), (route) => route.abort());
    return session;
  };
  const control = await launchControl();
  const twin = costTwin ? await launchControl() : undefined;
  const cost = (page, runs) =>
    within(
      measureCost({ backstory: withExtension, control, twin }, `${servers[costMode].origin}${page.path}`, { runs, quiet: costQuiet }),
      runs * (twin ? 3 : 2) * (costQuiet ? 40_000 : 30_000),
      null,
    ).catch(() => null);
  // One load of each first, not counted: the figures are of browsers that have run each script before.
  await cost(pages[0], 1);
  for (const page of pages) {
    const measured = await cost(page, costRuns);
    if (measured) costs.push({ page: page.name, ...measured });
    const line = (key) =>
      `${Math.round(measured.backstory[key])} ms with Backstory, ${Math.round(measured.control[key])} ms with the control${measured.twin ? `, ${Math.round(measured.twin[key])} ms with its twin` : ''}`;
    log(`cost ${page.name}: ${measured ? `longest stretch ${line('longest')}; timer loop ${line('longestTimer')}; whole load ${line('longestWhole')}` : 'no figure'}`);
  }
  await twin?.close();
  await control.close();
}
await withExtension.close();
await Promise.all(Object.values(servers).map((s) => within(s.close(), 5000)));

const seconds = (performance.now() - began) / 1000;
const header = [
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${dir} · ${pages.length} pages · modes: ${modes.join(', ')} · per-page timeout ${timeout / 1000} s`,
  `Knowledge: ${importStatus} · run time ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s · ${os.cpus().length} cores, load ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')} (shared machine: times are noisy)`,
];
const markdown = `${markdownReport({ rows, header, costs, settings: { onScreen, costRuns, costMode, costQuiet, costTwin } })}${options.reader ? `\n${readerSection(readerRows)}` : ''}`;
console.log(`\n${markdown}`);
const outFile = options.out ? resolve(options.out) : join(root, 'bench-output/corpus.md');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, markdown);
log(`written to ${outFile}`);
process.exit(rows.some((r) => r.broke.length) || readerRows.some((r) => r.scriptRan) ? 1 : 0);
