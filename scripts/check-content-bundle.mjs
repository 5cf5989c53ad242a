// Checks that the built content script holds no Dexie and no `indexedDB`: the page's code reaches the
// knowledge base only through messages to the background (README › Architecture), and Dexie inlined into
// the content script would cost every page ~100 KB of parsing for nothing.
//
// The files checked are the ones the content script runs, read from the built manifest: the declared
// content scripts (content-scripts/content.js) and the web-accessible scripts it loads with import()
// (page-marker.js, page-ui.js, page-saved.js). Each is a self-contained bundle, so checking them is checking everything
// the content script executes.
//
// Usage: node scripts/check-content-bundle.mjs [OUTPUT_DIR ...]   (default: .output/chrome-mv3)
// Exits non-zero, naming the file and the marker, when a file holds one of the markers or is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

// What gives Dexie away in a minified bundle: string literals that survive minification. Each one is
// verified to be in the built background script, which bundles Dexie 4.
const markers = [
  { what: "Dexie's name list database ('__dbnames')", pattern: /__dbnames/ },
  { what: "Dexie's error names ('DatabaseClosed')", pattern: /[`'"]DatabaseClosed(Error)?[`'"]/ },
  { what: "Dexie's promise tag ('Dexie.Promise')", pattern: /Dexie\.Promise/ },
  { what: "Dexie's import wrapper ('Two different versions of Dexie')", pattern: /Two different versions of Dexie/ },
  { what: 'the identifier indexedDB', pattern: /\bindexedDB\b/ },
];

// The four files the content script runs today; the manifest may add more, never fewer.
const expected = ['content-scripts/content.js', 'page-marker.js', 'page-ui.js', 'page-saved.js'];

function contentScriptFiles(outputDir) {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8'));
  const declared = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  const loaded = (manifest.web_accessible_resources ?? [])
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.resources ?? [])))
    .filter((file) => file.endsWith('.js'));
  return [...new Set([...expected, ...declared, ...loaded].map((file) => file.replace(/^\//, '')))];
}

const outputDirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3'];
const problems = [];
let checked = 0;

for (const dir of outputDirs) {
  const outputDir = resolve(root, dir);
  if (!existsSync(join(outputDir, 'manifest.json'))) {
    problems.push(`${dir}: no manifest.json (build first: npx wxt build)`);
    continue;
  }
  for (const file of contentScriptFiles(outputDir)) {
    const path = join(outputDir, file);
    const shown = path.startsWith(root) ? relative(root, path) : path;
    if (!existsSync(path)) {
      problems.push(`${shown}: missing (the content script loads it)`);
      continue;
    }
    const code = readFileSync(path, 'utf8');
    checked += 1;
    for (const { what, pattern } of markers) {
      const match = pattern.exec(code);
      if (match) {
        const context = code.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40).replace(/\s+/g, ' ');
        problems.push(`${shown}: holds ${what} at offset ${match.index}: …${context}…`);
      }
    }
  }
}

if (problems.length) {
  console.error(`Content script bundle check FAILED (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const problem of problems) console.error(`  ✘ ${problem}`);
  console.error('The content script must reach the knowledge base through messages to the background, never Dexie or IndexedDB.');
  process.exit(1);
}
console.log(`Content script bundle check: ${checked} files hold no Dexie and no indexedDB (${outputDirs.join(', ')}).`);
