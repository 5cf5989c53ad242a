// `npm run bench`, stealth part: the 1 MB and 5 MB bench articles marked with a pack of 1,000 entities,
// loaded with the default painting (marks of packs in the page's highlight registry) and with "Hide
// Backstory from pages" on (every mark drawn in Backstory's closed layer): time to all marks, the longest
// stretch the page's own task could not run while marking, and how many marks are drawn on screen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from './browser.mjs';
import { articlePage, benchPack } from './bench-data.mjs';
import { firstLine, importThroughOptions, measurePage, openOptions, removeStarterPack } from './bench-browser.mjs';
import { longestWithin } from './bench-report.mjs';
import { startStaticServer } from './static-server.mjs';

const SIZES = [
  ['1 MB', 2 ** 20],
  ['5 MB', 5 * 2 ** 20],
];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function setHidden(options, on) {
  await options.bringToFront();
  const box = options.getByLabel('Hide Backstory from pages');
  if ((await box.isChecked()) !== on) await box.setChecked(on);
  // The pages are told at once; the setting is read by each page as it loads.
  await options.waitForTimeout(1000);
}

/** Measures both modes on each page, `runs` loads each. */
export async function benchStealth({ extension, workDir, root, runs = 3, log }) {
  const routes = {};
  const pages = SIZES.map(([label, bytes]) => {
    const path = `/stealth-${bytes}.html`;
    const { html } = articlePage(bytes, { title: `Bench article, ${label}` });
    routes[path] = () => ({ body: html });
    return { label, path };
  });
  const server = await startStaticServer({ root: join(root, 'tests/fixtures'), routes });
  const session = await launchWithExtension({ extension });
  const result = { runs, pages: [] };
  try {
    const options = await openOptions(session);
    await removeStarterPack(options).catch((error) => log(`  the starter pack stays (${firstLine(error)})`));
    const file = join(workDir, 'stealth-pack.json');
    writeFileSync(file, JSON.stringify(benchPack(1000)));
    const imported = await importThroughOptions(options, file, { timeout: 180_000 });
    if (imported.failed || imported.unfinished) throw new Error(`import: ${imported.status ?? 'unfinished'}`);
    await measurePage(session.context, `${server.origin}${pages[0].path}`, { backstory: true, settleMs: 0 }).catch(() => undefined);
    // One mode at a time: changing the setting tells every page and the background, which should not
    // fall into a measured load. Each mode starts with a load that is not counted.
    const measured = new Map(pages.map((page) => [page, { registry: [], hidden: [] }]));
    for (const mode of ['registry', 'hidden']) {
      await setHidden(options, mode === 'hidden');
      await measurePage(session.context, `${server.origin}${pages[0].path}`, { backstory: true, settleMs: 0 }).catch(() => undefined);
      for (const page of pages) {
        for (let i = 0; i < runs; i++) {
          log(`  stealth: ${page.label}, ${mode === 'hidden' ? 'hidden from the page' : 'default'}, load ${i + 1} of ${runs}`);
          const run = await measurePage(session.context, `${server.origin}${page.path}`, { backstory: true });
          const t = run.timings;
          measured.get(page)[mode].push({
            allMarksMs: t?.allMarks !== undefined ? t.allMarks - t.start : null,
            firstMarkMs: t?.firstMark !== undefined ? t.firstMark - t.start : null,
            longestMs: t ? (longestWithin(run.blocks ?? [], t.start, t.allMarks ?? Infinity)?.duration ?? 0) : null,
            marks: run.marks,
          });
        }
      }
    }
    const summary = (list) => ({
      firstMarkMs: median(list.map((r) => r.firstMarkMs ?? Infinity)),
      allMarksMs: median(list.map((r) => r.allMarksMs ?? Infinity)),
      longestMs: median(list.map((r) => r.longestMs ?? Infinity)),
      marks: median(list.map((r) => r.marks ?? 0)),
    });
    for (const [page, modes] of measured) result.pages.push({ page: page.label, registry: summary(modes.registry), hidden: summary(modes.hidden) });
    await setHidden(options, false);
  } finally {
    await session.close();
    await server.close();
  }
  return result;
}

export function stealthReport(stealth) {
  if (!stealth?.pages?.length) return `## Hidden from pages\n\nNot measured${stealth?.error ? `: ${stealth.error}` : ''}.`;
  const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const rows = stealth.pages.map(
    ({ page, registry: r, hidden: h }) =>
      `| ${page} | ${r.marks.toLocaleString('en')} | ${ms(r.firstMarkMs)} / ${ms(h.firstMarkMs)} | ${ms(r.allMarksMs)} / ${ms(h.allMarksMs)} (${ratio(h.allMarksMs, r.allMarksMs)}) | ${ms(r.longestMs)} / ${ms(h.longestMs)} |`,
  );
  return [
    '## Hidden from pages',
    '',
    `The bench articles marked with 1,000 entities, default painting (marks of packs in the page's highlight registry) / "Hide Backstory from pages" on (every mark drawn in Backstory's closed layer); medians of ${stealth.runs} loads each.`,
    '',
    '| page | marks | first mark | all marks (hidden ÷ default) | longest block while marking |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
