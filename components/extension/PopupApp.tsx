import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageEntity, SavedStatus, SiteStatus, SwitchScope } from '../../lib/messages';
import { KIND_LABELS } from '../../lib/format';
import { Shortcuts, type Shortcut } from './PopupShortcuts';

export interface PopupApi {
  /** The page's host name; empty where Backstory cannot run (browser pages, files). */
  host: string;
  pageEntities(): Promise<PageEntity[]>;
  savedStatus(): Promise<SavedStatus>;
  siteStatus(): Promise<SiteStatus>;
  setSwitch(scope: SwitchScope, on: boolean): Promise<SiteStatus>;
  openOptions(): void;
  openLibrary(): void;
  /** Opens the reading mode for the page. */
  openReader(): void;
  /** Scrolls the page to the entity's first mention and opens its card. */
  showEntity(id: string): void;
  /** The extension's keyboard commands, with the keys the reader has set (empty when none). */
  shortcuts(): Promise<Shortcut[]>;
}

function Switch({ label, checked, disabled, onChange }: { label: string; checked: boolean; disabled?: boolean; onChange(on: boolean): void }) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span class="track" aria-hidden="true" />
      <span class="label">{label}</span>
    </label>
  );
}

export function PopupApp({ api }: { api: PopupApi }) {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [entities, setEntities] = useState<PageEntity[] | null>(null);
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState<SavedStatus | null>(null);

  const refreshEntities = useCallback(() => {
    api.pageEntities().then(setEntities, () => setEntities(null));
    api.savedStatus().then(setSaved, () => setSaved(null));
  }, [api]);

  useEffect(() => {
    if (!api.host) return;
    api.siteStatus().then(setStatus, (e: Error) => setProblem(e.message));
    refreshEntities();
    // Marks arrive progressively on big pages; keep the list current while the popup is open.
    const timer = setInterval(refreshEntities, 1000);
    return () => clearInterval(timer);
  }, [api, refreshEntities]);

  const flip = (scope: SwitchScope) => (on: boolean) => {
    // Show the switch where the reader put it at once; the stored state follows.
    setStatus((current) => {
      if (!current) return current;
      const next = { ...current, [scope]: on };
      return { ...next, enabled: next.site && next.everywhere };
    });
    api.setSwitch(scope, on).then(
      (next) => {
        setStatus(next);
        setTimeout(refreshEntities, 300);
      },
      (e: Error) => {
        setProblem(`Could not save the switch: ${e.message}`);
        api.siteStatus().then(setStatus, () => undefined);
      },
    );
  };

  const total = entities?.reduce((sum, e) => sum + e.count, 0) ?? 0;
  return (
    <main class="popup">
      <header>
        <img src="/icons/32.png" alt="" width={20} height={20} />
        <h1>Backstory</h1>
        {api.host ? <span class="host" title={api.host}>{api.host}</span> : null}
      </header>
      {!api.host ? (
        <p class="note">Backstory marks names on web pages (http and https). It cannot run on this page.</p>
      ) : (
        <>
          <button type="button" class="primary read" onClick={api.openReader}>
            Read with Backstory
          </button>
          <div class="switches">
            <Switch label="On this site" checked={status?.site ?? true} disabled={!status} onChange={flip('site')} />
            <Switch label="Everywhere" checked={status?.everywhere ?? true} disabled={!status} onChange={flip('everywhere')} />
          </div>
          {problem ? <p class="error">{problem}</p> : null}
          {status && !status.enabled ? (
            <p class="note">Marks are off {status.everywhere ? 'on this site' : 'everywhere'}.</p>
          ) : entities === null ? (
            <p class="note">This page has not been read yet. Reload it to let Backstory mark its names.</p>
          ) : entities.length === 0 ? (
            <p class="note">No known names on this page.</p>
          ) : (
            <section aria-labelledby="names-heading">
              <h2 id="names-heading">
                {entities.length} {entities.length === 1 ? 'name' : 'names'} on this page · {total} {total === 1 ? 'mention' : 'mentions'}
              </h2>
              <ul class="entities">
                {entities.map((e) => (
                  <li key={e.id}>
                    <button type="button" class="entity" onClick={() => api.showEntity(e.id)}>
                      <span class={`dot kind-${e.kind}`} aria-hidden="true" />
                      <span class="visually-hidden">Show first mention of </span>
                      <span class="name">{e.name}</span>
                      <span class="visually-hidden">, {(KIND_LABELS[e.kind] ?? e.kind).toLowerCase()},</span>{' '}
                      <span class="count">{e.count}</span>
                      <span class="visually-hidden"> {e.count === 1 ? 'mention' : 'mentions'}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {saved && (saved.anchored > 0 || saved.orphaned.length > 0) ? (
        <section class="saved" aria-label="Your saved passages on this page">
          <h2>
            Your saved passages: {saved.anchored} highlighted
            {saved.orphaned.length ? `, ${saved.orphaned.length} orphaned` : ''}
          </h2>
          {saved.orphaned.length ? (
            <>
              <p class="note">These could not be found on the page as it is now; they stay in your library:</p>
              <ul class="orphaned">
                {saved.orphaned.map((o) => (
                  <li key={o.id} class="orphan">
                    “{o.quote.length > 120 ? `${o.quote.slice(0, 120)}…` : o.quote}”
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <Shortcuts load={api.shortcuts} />
      <footer>
        <span class="links">
          <button type="button" class="link" onClick={api.openLibrary}>
            Library
          </button>
          <button type="button" class="link" onClick={api.openOptions}>
            Knowledge base…
          </button>
        </span>
        <span class="private">Stored only in this browser</span>
      </footer>
    </main>
  );
}
