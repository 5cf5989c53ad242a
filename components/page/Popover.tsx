import { useEffect, useState } from 'preact/hooks';
import type { Dossier } from '../../lib/messages';
import { kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import { inOfficeAt, orderChoices } from '../../lib/choice-order';
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
  /** Entities named unambiguously elsewhere on the page: for a shared name, they come first. */
  namedElsewhere?: ReadonlySet<string>;
  /** The page's date (YYYY-MM-DD), for who was in office then; today when it has none. */
  pageDate?: string;
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Tab past the card's last control comes back to its first (and Shift+Tab the other way): the card never loses the keyboard while open. */
function keepTabInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const card = event.currentTarget as HTMLElement;
  const controls = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!controls.length) return;
  const active = (card.getRootNode() as ShadowRoot | Document).activeElement;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  if (!event.shiftKey && (active === last || active === card)) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && (active === first || active === card)) {
    event.preventDefault();
    last.focus();
  }
}

type Loaded = { id: string; dossier: Dossier | null } | { id: string; error: string };

/**
 * The choices for a shared name in the order to offer them (see lib/choice-order): null while the
 * dossiers that tell them apart load. One choice needs no order.
 */
function useOrderedChoices(choices: Choice[], getDossier: PopoverProps['getDossier'], namedElsewhere?: ReadonlySet<string>, pageDate?: string): Choice[] | null {
  const [ordered, setOrdered] = useState<Choice[] | null>(choices.length > 1 ? null : choices);
  useEffect(() => {
    if (choices.length <= 1) {
      setOrdered(choices);
      return;
    }
    setOrdered(null);
    let live = true;
    const date = pageDate ?? new Date().toISOString().slice(0, 10);
    void Promise.all(choices.map((c) => getDossier(c.id).catch(() => null))).then((dossiers) => {
      if (!live) return;
      const byId = new Map(dossiers.map((d, i) => [choices[i]!.id, d]));
      setOrdered(
        orderChoices(choices, (id) => {
          const entity = byId.get(id)?.entity;
          return { namedElsewhere: namedElsewhere?.has(id), inOffice: entity?.kind === 'person' && inOfficeAt(entity.roles, date) };
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [choices, getDossier, namedElsewhere, pageDate]);
  return ordered;
}

export function Popover({ choices: given, getDossier, onClose, namedElsewhere, pageDate }: PopoverProps) {
  useLanguage();
  const ordered = useOrderedChoices(given, getDossier, namedElsewhere, pageDate);
  const choices = ordered ?? given;
  const [selected, setSelected] = useState<string | undefined>(ordered?.[0]?.id);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => setSelected(ordered?.[0]?.id), [ordered]);
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
  if (!ordered) {
    // Which of the entities is meant is not known yet: no name is shown until it is.
    return (
      <div class="popover" role="dialog" aria-modal="false" tabIndex={-1} aria-label="Backstory" aria-busy="true" onKeyDown={keepTabInside}>
        <button class="close" type="button" aria-label={t('common.close')} title={t('popover.closeTitle')} onClick={onClose}>
          ×
        </button>
        <p class="loading">{t('common.loading')}</p>
      </div>
    );
  }
  const current = loaded?.id === selected ? loaded : null;
  return (
    <div class="popover" role="dialog" aria-modal="false" tabIndex={-1} aria-label={t('popover.label', { name: choice.name })} onKeyDown={keepTabInside}>
      <button class="close" type="button" aria-label={t('common.close')} title={t('popover.closeTitle')} onClick={onClose}>
        ×
      </button>
      {choices.length > 1 ? (
        <div class="choices" role="group" aria-label={t('popover.mayReferTo')}>
          <span class="choices-label">{t('popover.mayReferTo')}</span>
          {choices.map((c) => (
            <button key={c.id} type="button" class={c.id === selected ? 'choice selected' : 'choice'} aria-pressed={c.id === selected} onClick={() => setSelected(c.id)}>
              {c.name}
            </button>
          ))}
        </div>
      ) : null}
      {current && 'dossier' in current && current.dossier ? (
        <EntityCard dossier={current.dossier} />
      ) : (
        <div class={`entity-card entity-${choice.kind}`} aria-busy={!current}>
          <div class="card-head">
            <h2 class="entity-name">{choice.name}</h2>
            <div class="entity-line">
              <span class={`kind kind-${choice.kind}`}>{kindLabel(choice.kind)}</span>
            </div>
          </div>
          {current && 'error' in current ? (
            <p class="error">{t('popover.readFailed', { error: current.error })}</p>
          ) : current ? (
            <p class="error">{t('popover.gone')}</p>
          ) : (
            <p class="loading">{t('common.loading')}</p>
          )}
        </div>
      )}
      <p class="popover-footer">{t('popover.footer')}</p>
    </div>
  );
}
