import { useEffect, useState } from 'preact/hooks';
import type { BackstoryDatabase } from '../../lib/store/db';
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
      setMessage(`Backstory is on again on ${host}.`);
      load();
    } catch (e) {
      setMessage(`Not changed: ${(e as Error).message}`);
    }
  };

  return (
    <div class="setting-group">
      <h3 class="setting-legend">Sites where Backstory is off</h3>
      {sites === null ? null : sites.length ? (
        <ul class="site-list">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" class="secondary" onClick={() => void switchOn(host)} aria-label={`Switch Backstory on for ${host}`}>
                Switch on
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None. Switch Backstory off for a site from the toolbar button’s popup.</p>
      )}
      <p role="status" class="muted">
        {message}
      </p>
    </div>
  );
}
