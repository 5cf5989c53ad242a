import { useEffect, useState } from 'preact/hooks';
import type { Dossier } from '../../lib/messages';
import { kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useLanguage } from '../shared/use-language';
import { EntityCard } from './EntityCard';

export interface Choice {
  id: string;
  name: string;
  kind: string;
}

export interface PopoverProps {
  /** The entities the marked name may refer to, likeliest first. */
  choices: Choice[];
  getDossier(id: string): Promise<Dossier | null>;
  onClose(): void;
}

type Loaded = { id: string; dossier: Dossier | null } | { id: string; error: string };

export function Popover({ choices, getDossier, onClose }: PopoverProps) {
  useLanguage();
  const [selected, setSelected] = useState(choices[0]?.id);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => setSelected(choices[0]?.id), [choices]);
  useEffect(() => {
    if (!selected) return;
    let live = true;
    getDossier(selected).then(
      (dossier) => live && setLoaded({ id: selected, dossier }),
      (error: unknown) => live && setLoaded({ id: selected, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [selected, getDossier]);

  const choice = choices.find((c) => c.id === selected) ?? choices[0];
  if (!choice) return null;
  const current = loaded?.id === selected ? loaded : null;
  return (
    <div class="popover" role="dialog" tabIndex={-1} aria-label={t('popover.label', { name: choice.name })}>
      <button class="close" type="button" aria-label={t('common.close')} title={t('popover.closeTitle')} onClick={onClose}>
        ×
      </button>
      {choices.length > 1 ? (
        <nav class="choices" aria-label={t('popover.mayReferTo')}>
          <span class="choices-label">{t('popover.mayReferTo')}</span>
          {choices.map((c) => (
            <button key={c.id} type="button" class={c.id === selected ? 'choice selected' : 'choice'} aria-pressed={c.id === selected} onClick={() => setSelected(c.id)}>
              {c.name}
            </button>
          ))}
        </nav>
      ) : null}
      {current && 'dossier' in current && current.dossier ? (
        <EntityCard dossier={current.dossier} />
      ) : (
        <article class={`entity-card entity-${choice.kind}`} aria-busy={!current}>
          <header>
            <h2 class="entity-name">{choice.name}</h2>
            <div class="entity-line">
              <span class={`kind kind-${choice.kind}`}>{kindLabel(choice.kind)}</span>
            </div>
          </header>
          {current && 'error' in current ? (
            <p class="error">{t('popover.readFailed', { error: current.error })}</p>
          ) : current ? (
            <p class="error">{t('popover.gone')}</p>
          ) : (
            <p class="loading">{t('common.loading')}</p>
          )}
        </article>
      )}
      <footer class="popover-footer">{t('popover.footer')}</footer>
    </div>
  );
}
