import { DEFAULT_PAGE_SETTINGS, type PageSettings, type SiteStatus, type SwitchScope } from '../messages';
import type { BackstoryDatabase } from './db';

const EVERYWHERE = 'enabled:everywhere';
const siteKey = (host: string) => `enabled:site:${host.toLowerCase()}`;

const PAGE_SETTINGS = 'page-settings';

/** The reader's settings for how pages are marked, over the defaults for what they never set. */
export async function readPageSettings(db: BackstoryDatabase): Promise<PageSettings> {
  const row = await db.settings.get(PAGE_SETTINGS);
  const stored = row && typeof row.value === 'object' && row.value !== null ? (row.value as Partial<PageSettings>) : {};
  const settings = { ...DEFAULT_PAGE_SETTINGS };
  for (const key of Object.keys(settings) as (keyof PageSettings)[]) {
    if (typeof stored[key] === typeof settings[key]) (settings as Record<string, unknown>)[key] = stored[key];
  }
  return settings;
}

/** Changes some of the page settings, in one transaction, and returns them all. */
export function writePageSettings(db: BackstoryDatabase, change: Partial<PageSettings>): Promise<PageSettings> {
  return db.transaction('rw', db.settings, async () => {
    const settings = { ...(await readPageSettings(db)), ...change };
    await db.settings.put({ key: PAGE_SETTINGS, value: settings });
    return settings;
  });
}

/** Switches are on unless the reader turned them off; only an "off" is stored. */
export async function readSiteStatus(db: BackstoryDatabase, host: string): Promise<SiteStatus> {
  const [everywhere, site] = await db.settings.bulkGet([EVERYWHERE, siteKey(host)]);
  const status = { host, everywhere: everywhere?.value !== false, site: site?.value !== false };
  return { ...status, enabled: status.everywhere && status.site, settings: await readPageSettings(db) };
}

export async function writeSwitch(db: BackstoryDatabase, scope: SwitchScope, host: string, on: boolean): Promise<SiteStatus> {
  const key = scope === 'everywhere' ? EVERYWHERE : siteKey(host);
  if (on) await db.settings.delete(key);
  else await db.settings.put({ key, value: false });
  return readSiteStatus(db, host);
}
