// Starts Debian's Chromium with the built extension loaded, as the end-to-end tests, the demo, the
// bench and the corpus run all need it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

export const MISSING_CHROMIUM = 'Chromium is missing: install it with `sudo apt-get install -y chromium` (or set CHROME_PATH to a Chromium or Chrome binary).';

/**
 * @param {{ headless?: boolean, userDataDir?: string, extension?: string | null, viewport?: {width:number,height:number}, lang?: string }} options
 * extension: null starts the browser without Backstory (for comparisons). lang: the browser's language
 * (e.g. 'ru'): LANGUAGE and --lang for Chromium's UI (which needs the locale's .pak; Debian ships only
 * en-US without chromium-l10n), and Playwright's locale, which pages, content scripts included, see
 * through navigator.language and i18n.getUILanguage().
 */
export async function launchWithExtension({ headless = true, userDataDir, extension = EXTENSION_DIR, viewport = { width: 1280, height: 900 }, lang } = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(MISSING_CHROMIUM);
  if (extension && !existsSync(join(extension, 'manifest.json'))) throw new Error(`No built extension in ${extension}: run \`npm run build\` first.`);
  const ownDir = !userDataDir;
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
  if (headless) args.unshift('--headless=new');
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  if (lang) args.push(`--lang=${lang}`, `--accept-lang=${lang}`);
  const env = lang ? { ...process.env, LANGUAGE: lang, LANG: `${lang}_${lang.toUpperCase()}.UTF-8`, LC_ALL: undefined } : undefined;
  const context = await chromium.launchPersistentContext(dir, { executablePath, headless: false, args, viewport, ...(lang ? { env, locale: lang } : {}) });
  let extensionId = null;
  if (extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    userDataDir: dir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (ownDir && !keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}
