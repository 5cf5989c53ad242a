import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import type { EntityRow } from '../../lib/store/rows';
import { searchEntities } from '../../lib/store/entity-search';
import { getEntity } from '../../lib/store/knowledge';
import { kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { ControlProps } from './FormField';
import { useDebounced } from './use-debounced';
import { useLive } from './use-live';

export interface EntityPickerProps {
  db: BackstoryDatabase;
  /** The chosen entity's id, or what the reader has typed so far. */
  value: string;
  onInput(value: string): void;
  /** Only offer entities of this kind. */
  kind?: EntityKind;
  control: ControlProps;
}

/**
 * A text box for an entity's id that suggests entities by name or alias as the reader types, and
 * says which entity the id names, so that a pick among 100,000 needs no endless list.
 */
export function EntityPicker({ db, value, onInput, kind, control }: EntityPickerProps) {
  const typed = useDebounced(value.trim(), 150);
  const [suggestions, setSuggestions] = useState<EntityRow[]>([]);
  useEffect(() => {
    let current = true;
    if (!typed) setSuggestions([]);
    else void searchEntities(db, { text: typed, kind, limit: 20 }).then((page) => current && setSuggestions(page.rows));
    return () => {
      current = false;
    };
  }, [db, typed, kind]);
  const chosen = useLive(async () => (typed ? ((await getEntity(db, typed)) ?? null) : null), [db, typed]);
  const listId = `${control.id}-suggestions`;
  const hintId = `${control.id}-picked`;

  return (
    <>
      <input
        {...control}
        aria-describedby={[control['aria-describedby'], hintId].filter(Boolean).join(' ')}
        type="text"
        list={listId}
        value={value}
        autocomplete="off"
        spellcheck={false}
        placeholder={kind === 'country' ? t('picker.country') : t('picker.any')}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <datalist id={listId}>
        {suggestions.map((e) => (
          <option key={e.id} value={e.id}>
            {`${e.name} · ${kindLabel(e.kind)}`}
          </option>
        ))}
      </datalist>
      <span id={hintId} class="picked">
        {!typed || chosen === undefined ? '' : chosen ? `${chosen.name} · ${kindLabel(chosen.kind)}` : t('picker.unknown')}
      </span>
    </>
  );
}
