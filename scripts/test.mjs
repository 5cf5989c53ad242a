// `npm test`: type check, the boundary check (dependency-cruiser), unit tests, production builds for
// Chrome and Firefox, the check that the built content script holds no Dexie, the Firefox lint,
// then the end-to-end tests in Chromium, then in Firefox if it is installed (skipped, not failed,
// when it is not). Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, MISSING_CHROMIUM } from './lib/browser.mjs';
import { firefoxPath, MISSING_FIREFOX } from './lib/firefox.mjs';

if (!chromiumPath()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}

const reports = join(import.meta.dirname, '..', 'node_modules', '.cache', 'backstory-tests');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0 };
let broken = [];

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`  ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) broken.push(label);
  return result.status === 0;
}

function vitest(label, config) {
  const out = join(reports, `${label}.json`);
  run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  // A run that failed outside any test (e.g. the browser did not start in beforeAll) reports its tests
  // as skipped, not failed: count it as one failure.
  const failedOutsideTests = report.numTotalTests === 0 || (!report.success && report.numFailedTests === 0);
  totals.failed += report.numFailedTests + (failedOutsideTests ? 1 : 0);
}

run('generated pack validator is current', 'node', ['scripts/gen-validator.mjs', '--check']);
run('type check', 'npx', ['tsc', '--noEmit']);
// The rooms' boundaries (.dependency-cruiser.cjs), then what the content script runs (.dependency-cruiser.content.cjs,
// on the compiled graph). Same commands as `npm run lint:boundaries`, as two steps so that both report.
run('boundaries', 'npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long', 'lib', 'components', 'entrypoints']);
run('boundaries (content script)', 'npx', ['depcruise', '--config', '.dependency-cruiser.content.cjs', '--output-type', 'err-long', 'entrypoints']);
vitest('unit', 'vitest.config.ts');
const built = run('build (Chrome)', 'npx', ['wxt', 'build']) & run('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (built) {
  run('content script bundle holds no Dexie', 'node', ['scripts/check-content-bundle.mjs', '.output/chrome-mv3', '.output/firefox-mv3']);
  run('web-ext lint (Firefox build)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery', '--warnings-as-errors=false']);
  vitest('e2e', 'vitest.e2e.config.ts');
  if (firefoxPath()) vitest('e2e-firefox', 'vitest.firefox.config.ts');
  else console.log(`\n${MISSING_FIREFOX}`);
}

if (broken.length) console.log(`\nFailed steps: ${broken.join(', ')}`);
// A failed step that is not a test (type check, build, lint) counts as one failure.
const stepFailures = broken.filter((step) => !['unit', 'e2e', 'e2e-firefox'].includes(step)).length;
console.log(`${totals.passed} passed, ${totals.failed + stepFailures} failed`);
process.exit(broken.length || totals.failed ? 1 : 0);
