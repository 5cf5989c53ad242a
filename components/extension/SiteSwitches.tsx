import { useEffect, useState } from 'preact/hooks';
import type { BackstoryDatabase } from '../../lib/store/db';
import { t } from '../../lib/i18n';
import { switchedOffSites } from '../../lib/store/settings';

/** The sites on which the reader switched Backstory off, each with a button to switch it back on. */
export function SiteSwitches({ db, switchOnSite }: { db: BackstoryDatabase; switchOnSite(host: string): Promise<unknown> }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');
  const load = () => void switchedOffSites(db).then(setSites, (e: Error) => setMessage(e.message));
  useEffect(load, [db]);

  const switchOn = async (host: string) => {
    try {
      await switchOnSite(host);
      setMessage(t('pageSettings.onAgain', { host }));
      load();
    } catch (e) {
      setMessage(t('pageSettings.notChanged', { error: (e as Error).message }));
    }
  };

  return (
    <div class="setting-group">
      <h3 class="setting-legend">{t('pageSettings.sitesOff')}</h3>
      {sites === null ? null : sites.length ? (
        <ul class="site-list">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" class="secondary" onClick={() => void switchOn(host)} aria-label={t('pageSettings.switchOnLabel', { host })}>
                {t('pageSettings.switchOn')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('pageSettings.noSitesOff')}</p>
      )}
      <p role="status" class="muted">
        {message}
      </p>
    </div>
  );
}
