import { useId } from 'preact/hooks';
import {
  READER_FONT_SIZE,
  READER_LINE_HEIGHTS,
  READER_THEMES,
  READER_WIDTHS,
  type ReaderLineHeight,
  type ReaderPrefs,
  type ReaderTheme,
  type ReaderWidth,
} from '../../lib/store/reader-prefs';
import { t, type Key } from '../../lib/i18n';

export interface ReaderSettingsProps {
  prefs: ReaderPrefs;
  onChange(prefs: ReaderPrefs): void;
}

const LINE_HEIGHT_LABELS: Record<ReaderLineHeight, Key> = { 1.3: 'settings.compact', 1.6: 'settings.normal', 2: 'settings.relaxed' };
const WIDTH_LABELS: Record<ReaderWidth, Key> = { narrow: 'settings.narrow', medium: 'settings.medium', wide: 'settings.wide' };
const THEME_LABELS: Record<ReaderTheme, Key> = { auto: 'settings.auto', light: 'settings.light', sepia: 'settings.sepia', dark: 'settings.dark' };

/** The reading-comfort settings, folded away until asked for so they do not crowd the article. */
export function ReaderSettings({ prefs, onChange }: ReaderSettingsProps) {
  const id = useId();
  const set = (patch: Partial<ReaderPrefs>) => onChange({ ...prefs, ...patch });
  // <details> has no Escape of its own; its body floats over the page, so the key that closes popups
  // closes it, and only it (not a card the page has open too).
  const onKeyDown = (event: KeyboardEvent) => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (event.key !== 'Escape' || !details.open) return;
    event.preventDefault();
    event.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };
  return (
    <details class="reader-settings" onKeyDown={onKeyDown}>
      <summary>{t('settings.heading')}</summary>
      <div class="reader-settings-body">
        <FontSize size={prefs.fontSize} onSize={(fontSize) => set({ fontSize })} />
        <Choices
          legend={t('settings.lineSpacing')}
          name={`${id}-line-height`}
          options={READER_LINE_HEIGHTS}
          labels={LINE_HEIGHT_LABELS}
          value={prefs.lineHeight}
          onPick={(lineHeight) => set({ lineHeight })}
        />
        <Choices legend={t('settings.width')} name={`${id}-width`} options={READER_WIDTHS} labels={WIDTH_LABELS} value={prefs.width} onPick={(width) => set({ width })} />
        <Choices legend={t('settings.theme')} name={`${id}-theme`} options={READER_THEMES} labels={THEME_LABELS} value={prefs.theme} onPick={(theme) => set({ theme })} />
        <fieldset>
          <legend>{t('settings.font')}</legend>
          <label class="reader-switch">
            <input
              type="checkbox"
              role="switch"
              checked={prefs.font === 'dyslexic'}
              onChange={(event) => set({ font: event.currentTarget.checked ? 'dyslexic' : 'standard' })}
            />
            {t('settings.dyslexic')}
          </label>
        </fieldset>
      </div>
    </details>
  );
}

/**
 * A− and A+ stay focusable at the ends of the range (aria-disabled, not disabled): a button that
 * disables itself under the pointer or the keyboard would throw the focus back to the page.
 */
function FontSize({ size, onSize }: { size: number; onSize(size: number): void }) {
  const { min, max, step } = READER_FONT_SIZE;
  const button = (label: string, text: string, next: number, allowed: boolean) => (
    <button type="button" aria-label={label} aria-disabled={!allowed} onClick={() => allowed && onSize(next)}>
      {text}
    </button>
  );
  return (
    <fieldset class="reader-font-size">
      <legend>{t('settings.textSize')}</legend>
      {button(t('settings.smaller'), 'A−', size - step, size > min)}
      <output aria-live="polite">{t('settings.px', { size })}</output>
      {button(t('settings.larger'), 'A+', size + step, size < max)}
    </fieldset>
  );
}

function Choices<T extends string | number>({
  legend,
  name,
  options,
  labels,
  value,
  onPick,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, Key>;
  value: T;
  onPick(value: T): void;
}) {
  return (
    <fieldset class="reader-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={name} value={String(option)} checked={option === value} onChange={() => onPick(option)} />
          {t(labels[option])}
        </label>
      ))}
    </fieldset>
  );
}
