import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageEntity, SavedStatus, SiteStatus, SwitchScope } from '../../lib/messages';
import { kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useLanguage } from '../shared/use-language';
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
  useLanguage();
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
        setProblem(t('popup.switchFailed', { error: e.message }));
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
        <p class="note">{t('popup.cannotRun')}</p>
      ) : (
        <>
          <button type="button" class="primary read" onClick={api.openReader}>
            {t('popup.read')}
          </button>
          <div class="switches">
            <Switch label={t('popup.onThisSite')} checked={status?.site ?? true} disabled={!status} onChange={flip('site')} />
            <Switch label={t('popup.everywhere')} checked={status?.everywhere ?? true} disabled={!status} onChange={flip('everywhere')} />
          </div>
          {problem ? <p class="error">{problem}</p> : null}
          {status && !status.enabled ? (
            <p class="note">{status.everywhere ? t('popup.offOnSite') : t('popup.offEverywhere')}</p>
          ) : entities === null ? (
            <p class="note">{t('popup.notRead')}</p>
          ) : entities.length === 0 ? (
            <p class="note">{t('popup.noNames')}</p>
          ) : (
            <section aria-labelledby="names-heading">
              <h2 id="names-heading">
                {t('popup.namesHeading', { count: entities.length })} · {t('count.mentions', { count: total })}
              </h2>
              <ul class="entities">
                {entities.map((e) => (
                  <li key={e.id}>
                    <button type="button" class="entity" onClick={() => api.showEntity(e.id)}>
                      <span class={`dot kind-${e.kind}`} aria-hidden="true" />
                      <span class="visually-hidden">{t('popup.showFirstMention')} </span>
                      <span class="name">{e.name}</span>
                      <span class="visually-hidden">, {kindLabel(e.kind).toLowerCase()},</span>{' '}
                      <span class="count" aria-hidden="true">{e.count}</span>
                      <span class="visually-hidden">{t('count.mentions', { count: e.count })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {saved && (saved.anchored > 0 || saved.orphaned.length > 0) ? (
        <section class="saved" aria-label={t('popup.savedRegion')}>
          <h2>
            {t('popup.savedHeading', { anchored: saved.anchored })}
            {saved.orphaned.length ? t('popup.orphanedCount', { count: saved.orphaned.length }) : ''}
          </h2>
          {saved.orphaned.length ? (
            <>
              <p class="note">{t('popup.orphanedNote')}</p>
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
            {t('popup.library')}
          </button>
          <button type="button" class="link" onClick={api.openOptions}>
            {t('popup.knowledgeBase')}
          </button>
        </span>
        <span class="private">{t('popup.private')}</span>
      </footer>
    </main>
  );
}
