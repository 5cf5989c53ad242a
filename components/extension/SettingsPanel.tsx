import { useEffect, useState } from 'preact/hooks';
import { KIND_LABELS } from '../../lib/format';
import { DEFAULT_PAGE_SETTINGS, HOVER_DELAYS_MS, type EntityKind, type PageSettings } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import { readPageSettings, writePageSettings } from '../../lib/store/settings';
import { SiteSwitches } from './SiteSwitches';

export interface SettingsPanelProps {
  db: BackstoryDatabase;
  /** Tells open pages to mark names again with the new settings. */
  onChanged(): void;
  /** Switches Backstory back on for a site (through the background, which tells that site's tabs). */
  switchOnSite(host: string): Promise<unknown>;
}

const KINDS: EntityKind[] = ['person', 'organization', 'country', 'place', 'party', 'event'];

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
      setError(`Not saved: ${(e as Error).message}`);
    }
  };

  const shown = settings ?? DEFAULT_PAGE_SETTINGS;
  const toggleKind = (kind: EntityKind, marked: boolean) =>
    void change({ hiddenKinds: marked ? shown.hiddenKinds.filter((k) => k !== kind) : [...shown.hiddenKinds, kind] });
  return (
    <section class="card settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="muted">Changes apply to open pages at once.</p>
      <fieldset class="setting-group" disabled={!settings}>
        <legend>Names marked</legend>
        {KINDS.map((kind) => (
          <label key={kind} class="setting">
            <input type="checkbox" checked={!shown.hiddenKinds.includes(kind)} onChange={(e) => toggleKind(kind, (e.currentTarget as HTMLInputElement).checked)} />
            <span>{KIND_LABELS[kind]}</span>
          </label>
        ))}
      </fieldset>
      <Radios
        legend="Mentions"
        name="mentions"
        value={shown.mentions}
        onChange={(mentions) => void change({ mentions })}
        choices={[
          { value: 'every', label: 'Every mention' },
          { value: 'first-in-block', label: 'First mention in each paragraph' },
        ]}
      />
      <Radios
        legend="A name’s card opens"
        name="open-on"
        value={shown.openOn}
        onChange={(openOn) => void change({ openOn })}
        choices={[
          { value: 'hover', label: 'When the pointer rests on it' },
          { value: 'shift-hover', label: 'When the pointer rests on it with Shift held' },
          { value: 'click', label: 'On a click' },
        ]}
      />
      <label class="setting setting-select">
        <span>Resting time before a card opens</span>
        <select value={String(shown.hoverDelayMs)} disabled={shown.openOn === 'click'} onChange={(e) => void change({ hoverDelayMs: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {HOVER_DELAYS_MS.map((ms) => (
            <option key={ms} value={String(ms)}>
              {new Intl.NumberFormat(undefined, { style: 'unit', unit: 'millisecond' }).format(ms)}
            </option>
          ))}
        </select>
      </label>
      <Radios
        legend="How marks look"
        name="mark-style"
        value={shown.markStyle}
        onChange={(markStyle) => void change({ markStyle })}
        choices={[
          { value: 'both', label: 'Underline over a light tint' },
          { value: 'underline', label: 'Underline only' },
          { value: 'tint', label: 'Tint only' },
        ]}
      />
      <fieldset class="setting-group" disabled={!settings}>
        <legend>Saving and privacy</legend>
        <label class="setting">
          <input type="checkbox" checked={shown.saveButton} onChange={(e) => void change({ saveButton: (e.currentTarget as HTMLInputElement).checked })} />
          <span>Show “Save to Backstory” beside a selection</span>
        </label>
        <label class="setting">
          <input
            type="checkbox"
            checked={shown.hideFromPages}
            onChange={(e) => void change({ hideFromPages: (e.currentTarget as HTMLInputElement).checked })}
            aria-describedby="hide-from-pages-help"
          />
          <span>Hide Backstory from pages</span>
        </label>
        <p id="hide-from-pages-help" class="muted setting-help">
          Pages’ own scripts can read the names Backstory marks from your packs. With this on, every mark is drawn where pages
          cannot read it. Your saved passages and your own entities are always hidden from pages.
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
