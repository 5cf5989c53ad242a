import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import { readPageSettings, writePageSettings } from '../../lib/store/settings';

export interface SettingsPanelProps {
  db: BackstoryDatabase;
  /** Tells open pages to mark names again with the new settings. */
  onChanged(): void;
}

/** How Backstory behaves in pages: stored in the database, applied to open tabs at once. */
export function SettingsPanel({ db, onChanged }: SettingsPanelProps) {
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
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <label class="setting">
        <input
          type="checkbox"
          checked={shown.hideFromPages}
          disabled={!settings}
          onChange={(e) => void change({ hideFromPages: (e.currentTarget as HTMLInputElement).checked })}
          aria-describedby="hide-from-pages-help"
        />
        <span>Hide Backstory from pages</span>
      </label>
      <p id="hide-from-pages-help" class="muted setting-help">
        Pages’ own scripts can read the names Backstory marks from your packs. With this on, every mark is drawn where pages
        cannot read it. Your saved passages and your own entities are always hidden from pages.
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
