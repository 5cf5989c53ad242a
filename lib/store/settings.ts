import type { SiteStatus, SwitchScope } from '../messages';
import type { BackstoryDatabase } from './db';

const EVERYWHERE = 'enabled:everywhere';
const siteKey = (host: string) => `enabled:site:${host.toLowerCase()}`;

/** Switches are on unless the reader turned them off; only an "off" is stored. */
export async function readSiteStatus(db: BackstoryDatabase, host: string): Promise<SiteStatus> {
  const [everywhere, site] = await db.settings.bulkGet([EVERYWHERE, siteKey(host)]);
  const status = { host, everywhere: everywhere?.value !== false, site: site?.value !== false };
  return { ...status, enabled: status.everywhere && status.site };
}

export async function writeSwitch(db: BackstoryDatabase, scope: SwitchScope, host: string, on: boolean): Promise<SiteStatus> {
  const key = scope === 'everywhere' ? EVERYWHERE : siteKey(host);
  if (on) await db.settings.delete(key);
  else await db.settings.put({ key, value: false });
  return readSiteStatus(db, host);
}
