// `npm run demo`: builds Backstory, serves the demo article from localhost and opens Chromium with
// the extension loaded. Without a display (or with --headless) it hovers the first marked name and
// writes screenshots of the page, the popover and the popup to demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath, launchWithExtension, MISSING_CHROMIUM } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
// --name TEXT hovers the first mark that reads TEXT instead of the first mark of the page.
const nameIndex = process.argv.indexOf('--name');
const wantedName = nameIndex > 0 ? process.argv[nameIndex + 1] : null;

if (!chromiumPath()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
if (!process.argv.includes('--no-build')) {
  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startStaticServer({ root: join(root, 'tests/fixtures') });
const url = `${server.origin}/demo/`;
const browser = await launchWithExtension({ headless, viewport: { width: 1280, height: 860 } });
const page = await browser.context.newPage();
await page.goto(url);

if (!headless) {
  console.log(`Backstory is loaded in Chromium on ${url} — hover or click a marked name. Close the browser to stop.`);
  browser.context.on('close', () => server.close().then(() => process.exit(0)));
} else {
  const out = join(root, 'demo-output');
  mkdirSync(out, { recursive: true });
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((name) => name.startsWith('backstory-')), null, { timeout: 20_000 });
  await page.waitForTimeout(800);
  const shots = { page: join(out, 'page.png'), popover: join(out, 'popover.png'), popup: join(out, 'popup.png'), reader: join(out, 'reader.png') };
  await page.screenshot({ path: shots.page });

  const first = await page.evaluate((wanted) => {
    const ranges = [];
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('backstory-')) ranges.push(...highlight);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const range = ranges.find((r) => !wanted || r.toString() === wanted) ?? ranges[0];
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { text: range.toString(), x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, wantedName);
  await page.mouse.move(first.x, first.y);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: shots.popover });

  const worker = browser.context.serviceWorkers()[0];
  const tabId = await worker.evaluate((target) => chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === target)?.id), url);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 320, height: 420 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.entity', { timeout: 10_000 });
  await popup.screenshot({ path: shots.popup, fullPage: true });

  // The reading mode, as the popup's "Read with Backstory" opens it, with Lukashenka's card open.
  const reader = await browser.context.newPage();
  await reader.goto(`chrome-extension://${browser.extensionId}/reader.html?tab=${tabId}`);
  await reader.waitForFunction(() => document.documentElement.dataset.reader === 'ready', null, { timeout: 20_000 });
  await reader.locator('article .bs-mark', { hasText: 'Lukashenka' }).first().click();
  await reader.locator('.bs-overlay .entity-name').waitFor();
  await reader.waitForTimeout(500);
  await reader.screenshot({ path: shots.reader });

  console.log(`Hovered the first marked name, “${first.text}”. Screenshots:`);
  for (const path of Object.values(shots)) console.log(`  ${path}`);
  await browser.close();
  await server.close();
}
