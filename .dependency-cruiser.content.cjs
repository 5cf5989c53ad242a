// What the content script runs holds no Dexie and no value of lib/store (README › Architecture): the page
// asks the background by message. Checked by dependency-cruiser on every `npm test` (`npm run
// lint:boundaries`), next to the rules of .dependency-cruiser.cjs.
//
// This config cruises the graph as it is after TypeScript compiles (tsPreCompilationDeps: false): imports
// that are only types (`import type { Dossier } from '~/lib/store/queries'`, or names used only as types)
// are gone, as they are from the bundle. It has to be a separate run: dependency-cruiser's `reachable`
// rules follow every edge of the graph and cannot be told to skip type-only ones.
//
// The content script's entries: entrypoints/content/** (the declared content script), and
// entrypoints/page-marker.ts, entrypoints/page-ui.ts and entrypoints/page-saved.ts, which it loads with import(browser.runtime.getURL(…)),
// an import no static analysis follows — so they are entries of their own.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const base = require('./.dependency-cruiser.cjs');

const ENTRY_NAMES = ['content', 'page-marker', 'page-ui', 'page-saved'];
const CONTENT_SCRIPT_ENTRIES = `^entrypoints/(${ENTRY_NAMES.join('|')})(/|\\.[cm]?[jt]sx?$)`;

// A renamed entry would make the rule below match nothing and pass in silence: refuse to run instead.
const entrypoints = readdirSync(join(__dirname, 'entrypoints'));
const lost = ENTRY_NAMES.filter((name) => !entrypoints.some((file) => file === name || file.replace(/\.[cm]?[jt]sx?$/, '') === name));
if (lost.length) {
  throw new Error(`.dependency-cruiser.content.cjs: no entrypoints/${lost.join(', entrypoints/')}: update ENTRY_NAMES to the content script's entries`);
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'content-script-no-dexie-or-store-values',
      comment:
        'The content script (and everything it imports, at any depth) must not run Dexie or code of lib/store: ' +
        'it would put the database code in every page and bypass the background. Ask the background with a ' +
        'message of lib/messages instead; type-only imports are fine (they vanish at compilation).',
      severity: 'error',
      from: { path: CONTENT_SCRIPT_ENTRIES },
      to: { path: ['(^|/)node_modules/dexie/', '^dexie$', '^lib/store/'], reachable: true },
    },
    {
      name: 'content-script-carries-only-the-reader-snapshot',
      comment:
        'The reading mode extracts, sanitises and marks the article in its own page (reader.html). The page ' +
        'only hands over its HTML (lib/page/reader/snapshot.ts): Readability, DOMPurify, d3-force and the ' +
        "rest of lib/page/reader and lib/study would be evaluated on every page for nothing.",
      severity: 'error',
      from: { path: CONTENT_SCRIPT_ENTRIES },
      to: {
        path: ['^lib/page/reader/', '^lib/study/', '^components/reader/', '(^|/)node_modules/(@mozilla/readability|dompurify|d3-[a-z]+)/'],
        pathNot: '^lib/page/reader/snapshot\\.ts$',
        reachable: true,
      },
    },
    {
      name: 'content-script-no-suffix-list',
      comment:
        'The Public Suffix List (tldts, 137 KB) decides in the background which site a page may speak for ' +
        '(lib/page/metadata/site.ts, used by the router); every page would otherwise evaluate it.',
      severity: 'error',
      from: { path: CONTENT_SCRIPT_ENTRIES },
      to: { path: ['(^|/)node_modules/tldts', '^lib/page/metadata/site\\.ts$'], reachable: true },
    },
    {
      name: 'marker-carries-no-anchoring',
      comment:
        'Finding saved passages again and describing a selection (lib/anchoring, approx-string-match, ' +
        'lib/page/find-passages.ts) is needed on a page with saved passages, or on a save: the content ' +
        'script loads it then (entrypoints/page-saved.ts). The loader and the marker, which every page ' +
        'evaluates, reach it only through the PassageFinder type of lib/page/saved-passages.ts.',
      severity: 'error',
      from: { path: '^entrypoints/(content/|page-marker\\.)' },
      to: { path: ['^lib/anchoring/', '^lib/page/find-passages\\.ts$', '(^|/)node_modules/approx-string-match/'], reachable: true },
    },
    base.forbidden.find((rule) => rule.name === 'not-to-unresolvable'),
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
