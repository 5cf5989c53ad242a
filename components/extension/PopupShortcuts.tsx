import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export interface Shortcut {
  description: string;
  /** The keys, as the browser shows them; empty when the reader has set none. */
  shortcut: string;
}

/** The keyboard shortcuts, as the browser has them now (the reader may have changed them). */
export function Shortcuts({ load }: { load(): Promise<Shortcut[]> }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    load().then(setShortcuts, () => setShortcuts([]));
  }, [load]);
  if (!shortcuts.length) return null;
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('popup.shortcuts')}</h2>
      <dl>
        {shortcuts.map((s) => (
          <div key={s.description}>
            <dt>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="unset">{t('popup.shortcutNotSet')}</span>}</dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
