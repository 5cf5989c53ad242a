// Starts Debian's Firefox ESR with the built Firefox extension installed as a temporary add-on, for
// the Firefox end-to-end tests. puppeteer-core drives it over WebDriver BiDi (no geckodriver) and
// never downloads a browser.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => path && existsSync(path));
}

export const MISSING_FIREFOX =
  'Firefox end-to-end tests skipped: install firefox-esr (`sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH to a Firefox 140+ binary).';

// The machine may have no network but localhost: keep Firefox from reaching out (updates, telemetry,
// studies, remote settings, safe browsing, captive portal and connectivity checks, prefetching).
// puppeteer's own profile defaults already turn off much of this; these close the rest.
const QUIET_PREFS = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'browser.discovery.enabled': false,
  'browser.ml.enable': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'browser.translations.enable': false,
  'captivedetect.canonicalURL': '',
  'datareporting.usage.uploadEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'geo.provider.network.url': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};
// Deliberately not set: 'extensions.originControls.grantByDefault'. Its default (true) is what grants
// an MV3 add-on the hosts of its content scripts at install, for users as for these tests.

/**
 * A fresh temporary profile (removed on close), headless by default, with the extension installed as
 * a temporary add-on (as about:debugging → Load Temporary Add-on does).
 * @param {{ headless?: boolean, extension?: string, viewport?: {width:number,height:number} }} options
 */
export async function launchFirefoxWithExtension({ headless = true, extension = FIREFOX_EXTENSION_DIR, viewport = { width: 1280, height: 900 } } = {}) {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error(MISSING_FIREFOX);
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No built extension in ${extension}: run \`npm run build:firefox\` first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless,
    defaultViewport: viewport,
    extraPrefsFirefox: QUIET_PREFS,
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    // A shared, busy machine can take a while to start Firefox.
    timeout: 90_000,
    protocolTimeout: 90_000,
  });
  try {
    const extensionId = await browser.installExtension(extension);
    return { browser, extensionId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
