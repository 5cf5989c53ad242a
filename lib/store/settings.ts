import { DEFAULT_PAGE_SETTINGS, HOVER_DELAYS_MS, type PageSettings, type SiteStatus, type SwitchScope } from '../messages';
import type { BackstoryDatabase } from './db';
import { ENTITY_KINDS } from './rows';

const EVERYWHERE = 'enabled:everywhere';
const siteKey = (host: string) => `enabled:site:${host.toLowerCase()}`;

const PAGE_SETTINGS = 'page-settings';

/** Each setting's allowed values: a stored value outside them (an older or damaged row) reads as the default. */
const VALID: { [K in keyof PageSettings]: (value: unknown) => boolean } = {
  hiddenKinds: (v) => Array.isArray(v) && v.every((kind) => (ENTITY_KINDS as readonly unknown[]).includes(kind)),
  mentions: (v) => v === 'every' || v === 'first-in-block',
  openOn: (v) => v === 'hover' || v === 'click' || v === 'shift-hover',
  hoverDelayMs: (v) => (HOVER_DELAYS_MS as readonly unknown[]).includes(v),
  saveButton: (v) => typeof v === 'boolean',
  markStyle: (v) => v === 'underline' || v === 'tint' || v === 'both',
  hideFromPages: (v) => typeof v === 'boolean',
};

/** The reader's settings for how pages are marked, over the defaults for what they never set. */
export async function readPageSettings(db: BackstoryDatabase): Promise<PageSettings> {
  const row = await db.settings.get(PAGE_SETTINGS);
  const stored = row && typeof row.value === 'object' && row.value !== null ? (row.value as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_PAGE_SETTINGS };
  for (const key of Object.keys(VALID) as (keyof PageSettings)[]) if (VALID[key](stored[key])) settings[key] = stored[key];
  return settings as unknown as PageSettings;
}

/** Changes some of the page settings, in one transaction, and returns them all. */
export function writePageSettings(db: BackstoryDatabase, change: Partial<PageSettings>): Promise<PageSettings> {
  for (const [key, value] of Object.entries(change)) {
    if (!VALID[key as keyof PageSettings]?.(value)) return Promise.reject(new Error(`Not a valid value for ${key}: ${JSON.stringify(value)}`));
  }
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

/** The sites on which the reader switched marking off, by host. */
export async function switchedOffSites(db: BackstoryDatabase): Promise<string[]> {
  const rows = await db.settings.where('key').startsWith('enabled:site:').toArray();
  return rows.filter((row) => row.value === false).map((row) => row.key.slice('enabled:site:'.length)).sort();
}
