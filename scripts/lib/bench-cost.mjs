// The bench's main-thread cost against a control extension whose content script does nothing, measured
// as the corpus run measures it on real pages (corpus-cost.mjs): loads alternate between the two
// browsers, each page alone.
import { launchWithExtension } from './browser.mjs';
import { emptyExtension, firstLine } from './bench-browser.mjs';
import { measureCost } from './corpus-cost.mjs';

/**
 * For each of `pages` (each with a `key`), the medians of `runs` loads in `session` (Backstory) and in
 * a control browser made in `controlDir`: [{ page, backstory, control } | { page, failed }].
 */
export async function measureCosts(session, pages, { runs, controlDir, urlOf, log }) {
  const control = await launchWithExtension({ extension: emptyExtension(controlDir) });
  const costs = [];
  try {
    // Not counted: the first load of a browser compiles what the later ones find cached.
    await measureCost({ backstory: session, control }, urlOf(pages[0]), { runs: 1, timeout: 180_000 }).catch(() => undefined);
    for (const page of pages) {
      log(`  main-thread cost on the ${page.key} page, against the control (${runs} loads each)`);
      const measured = await measureCost({ backstory: session, control }, urlOf(page), { runs, timeout: 180_000 }).catch((error) => {
        log(`    failed: ${firstLine(error)}`);
        return null;
      });
      costs.push({ page: page.key, ...(measured ?? { failed: true }) });
      if (measured) {
        log(
          `    longest stretch ${Math.round(measured.backstory.longest)} ms (control ${Math.round(measured.control.longest)}); ` +
            `timer loop ${Math.round(measured.backstory.longestTimer)} ms (control ${Math.round(measured.control.longestTimer)})`,
        );
      }
    }
  } finally {
    await control.close();
  }
  return costs;
}
