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

export interface ReaderSettingsProps {
  prefs: ReaderPrefs;
  onChange(prefs: ReaderPrefs): void;
}

const LINE_HEIGHT_LABELS: Record<ReaderLineHeight, string> = { 1.3: 'Compact', 1.6: 'Normal', 2: 'Relaxed' };
const WIDTH_LABELS: Record<ReaderWidth, string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' };
const THEME_LABELS: Record<ReaderTheme, string> = { auto: 'Auto (as the system)', light: 'Light', sepia: 'Sepia', dark: 'Dark' };

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
      <summary>Reading settings</summary>
      <div class="reader-settings-body">
        <FontSize size={prefs.fontSize} onSize={(fontSize) => set({ fontSize })} />
        <Choices
          legend="Line spacing"
          name={`${id}-line-height`}
          options={READER_LINE_HEIGHTS}
          labels={LINE_HEIGHT_LABELS}
          value={prefs.lineHeight}
          onPick={(lineHeight) => set({ lineHeight })}
        />
        <Choices legend="Width" name={`${id}-width`} options={READER_WIDTHS} labels={WIDTH_LABELS} value={prefs.width} onPick={(width) => set({ width })} />
        <Choices legend="Theme" name={`${id}-theme`} options={READER_THEMES} labels={THEME_LABELS} value={prefs.theme} onPick={(theme) => set({ theme })} />
        <fieldset>
          <legend>Font</legend>
          <label class="reader-switch">
            <input
              type="checkbox"
              role="switch"
              checked={prefs.font === 'dyslexic'}
              onChange={(event) => set({ font: event.currentTarget.checked ? 'dyslexic' : 'standard' })}
            />
            Dyslexia-friendly font
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
      <legend>Text size</legend>
      {button('Smaller text', 'A−', size - step, size > min)}
      <output aria-live="polite">{size} px</output>
      {button('Larger text', 'A+', size + step, size < max)}
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
  labels: Record<T, string>;
  value: T;
  onPick(value: T): void;
}) {
  return (
    <fieldset class="reader-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={name} value={String(option)} checked={option === value} onChange={() => onPick(option)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
