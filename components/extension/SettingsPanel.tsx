import { useEffect, useState } from 'preact/hooks';
import { kindLabel } from '../../lib/format';
import { formatNumber, t } from '../../lib/i18n';
import { DEFAULT_PAGE_SETTINGS, HOVER_DELAYS_MS, type EntityKind, type PageSettings } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import { ENTITY_KINDS } from '../../lib/store/rows';
import { readPageSettings, writePageSettings } from '../../lib/store/settings';
import { LanguagePicker } from './LanguagePicker';
import { SiteSwitches } from './SiteSwitches';

export interface SettingsPanelProps {
  db: BackstoryDatabase;
  /** Tells open pages to mark names again with the new settings. */
  onChanged(): void;
  /** Switches Backstory back on for a site (through the background, which tells that site's tabs). */
  switchOnSite(host: string): Promise<unknown>;
}

interface Choice<T extends string> {
  value: T;
  label: string;
}

function Radios<T extends string>({ legend, name, value, choices, onChange }: { legend: string; name: string; value: T; choices: Choice<T>[]; onChange(value: T): void }) {
  return (
    <fieldset class="setting-group">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} class="setting">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** How Backstory behaves in pages: stored in the database, applied to open tabs at once, without a reload. */
export function SettingsPanel({ db, onChanged, switchOnSite }: SettingsPanelProps) {
  const [settings, setSettings] = useState<PageSettings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void readPageSettings(db).then(setSettings, (e: Error) => setError(e.message));
  }, [db]);

  const change = async (update: Partial<PageSettings>) => {
    setError('');
    try {
      setSettings(await writePageSettings(db, update));
      onChanged();
    } catch (e) {
      setError(t('pageSettings.notSaved', { error: (e as Error).message }));
    }
  };

  const shown = settings ?? DEFAULT_PAGE_SETTINGS;
  const toggleKind = (kind: EntityKind, marked: boolean) =>
    void change({ hiddenKinds: marked ? shown.hiddenKinds.filter((k) => k !== kind) : [...shown.hiddenKinds, kind] });
  return (
    <section class="card settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('pageSettings.heading')}</h2>
      <LanguagePicker db={db} />
      <p class="muted">{t('pageSettings.appliesAtOnce')}</p>
      <fieldset class="setting-group" disabled={!settings}>
        <legend>{t('pageSettings.namesMarked')}</legend>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind} class="setting">
            <input type="checkbox" checked={!shown.hiddenKinds.includes(kind)} onChange={(e) => toggleKind(kind, (e.currentTarget as HTMLInputElement).checked)} />
            <span>{kindLabel(kind)}</span>
          </label>
        ))}
      </fieldset>
      <Radios
        legend={t('pageSettings.mentions')}
        name="mentions"
        value={shown.mentions}
        onChange={(mentions) => void change({ mentions })}
        choices={[
          { value: 'every', label: t('pageSettings.everyMention') },
          { value: 'first-in-block', label: t('pageSettings.firstInBlock') },
        ]}
      />
      <Radios
        legend={t('pageSettings.cardOpens')}
        name="open-on"
        value={shown.openOn}
        onChange={(openOn) => void change({ openOn })}
        choices={[
          { value: 'hover', label: t('pageSettings.openHover') },
          { value: 'shift-hover', label: t('pageSettings.openShiftHover') },
          { value: 'click', label: t('pageSettings.openClick') },
        ]}
      />
      <label class="setting setting-select">
        <span>{t('pageSettings.hoverDelay')}</span>
        <select value={String(shown.hoverDelayMs)} disabled={shown.openOn === 'click'} onChange={(e) => void change({ hoverDelayMs: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {HOVER_DELAYS_MS.map((ms) => (
            <option key={ms} value={String(ms)}>
              {t('pageSettings.delayMs', { ms: formatNumber(ms) })}
            </option>
          ))}
        </select>
      </label>
      <Radios
        legend={t('pageSettings.markLook')}
        name="mark-style"
        value={shown.markStyle}
        onChange={(markStyle) => void change({ markStyle })}
        choices={[
          { value: 'both', label: t('pageSettings.styleBoth') },
          { value: 'underline', label: t('pageSettings.styleUnderline') },
          { value: 'tint', label: t('pageSettings.styleTint') },
        ]}
      />
      <fieldset class="setting-group" disabled={!settings}>
        <legend>{t('pageSettings.savingPrivacy')}</legend>
        <label class="setting">
          <input type="checkbox" checked={shown.saveButton} onChange={(e) => void change({ saveButton: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('pageSettings.saveButton')}</span>
        </label>
        <label class="setting">
          <input
            type="checkbox"
            checked={shown.hideFromPages}
            onChange={(e) => void change({ hideFromPages: (e.currentTarget as HTMLInputElement).checked })}
            aria-describedby="hide-from-pages-help"
          />
          <span>{t('pageSettings.hideFromPages')}</span>
        </label>
        <p id="hide-from-pages-help" class="muted setting-help">
          {t('pageSettings.hideFromPagesHelp')}
        </p>
      </fieldset>
      <SiteSwitches db={db} switchOnSite={switchOnSite} />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
