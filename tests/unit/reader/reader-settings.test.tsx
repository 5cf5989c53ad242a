import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderSettings } from '../../../components/reader/ReaderSettings';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '../../../lib/store/reader-prefs';

let container: HTMLElement;
let onChange: ReturnType<typeof vi.fn<(prefs: ReaderPrefs) => void>>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  onChange = vi.fn<(prefs: ReaderPrefs) => void>();
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(patch: Partial<ReaderPrefs> = {}) {
  act(() => render(<ReaderSettings prefs={{ ...DEFAULT_READER_PREFS, ...patch }} onChange={onChange} />, container));
}

const fieldset = (legend: string) => [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)!;
const button = (label: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
/** The radio of that fieldset whose label reads `text`. */
const radio = (legend: string, text: string) =>
  [...fieldset(legend).querySelectorAll('label')].find((l) => l.textContent === text)!.querySelector<HTMLInputElement>('input[type="radio"]')!;

describe('the reading settings', () => {
  it('fold into a disclosure of labelled fieldsets', () => {
    mount();
    const details = container.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('Reading settings');
    expect([...details.querySelectorAll('fieldset > legend')].map((l) => l.textContent)).toEqual(['Text size', 'Line spacing', 'Width', 'Theme', 'Font']);
    for (const input of details.querySelectorAll('input')) expect(input.closest('label')).not.toBeNull();
  });

  it('show the current prefs', () => {
    mount({ fontSize: 22, lineHeight: 2, width: 'wide', theme: 'sepia', font: 'dyslexic' });
    expect(container.querySelector('output')!.textContent).toBe('22 px');
    expect(radio('Line spacing', 'Relaxed').checked).toBe(true);
    expect(radio('Width', 'Wide').checked).toBe(true);
    expect(radio('Theme', 'Sepia').checked).toBe(true);
    expect(container.querySelector<HTMLInputElement>('input[role="switch"]')!.checked).toBe(true);
  });

  it('step the text size by two pixels, and not past either end', () => {
    mount({ fontSize: 18 });
    act(() => button('Larger text').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, fontSize: 20 });
    act(() => button('Smaller text').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, fontSize: 16 });

    onChange.mockClear();
    mount({ fontSize: 28 });
    expect(button('Larger text').getAttribute('aria-disabled')).toBe('true');
    expect(button('Larger text').disabled).toBe(false);
    act(() => button('Larger text').click());
    mount({ fontSize: 14 });
    expect(button('Smaller text').getAttribute('aria-disabled')).toBe('true');
    act(() => button('Smaller text').click());
    expect(onChange).not.toHaveBeenCalled();
  });

  it('emit the line spacing, width and theme picked, keeping the rest', () => {
    mount();
    act(() => radio('Line spacing', 'Compact').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, lineHeight: 1.3 });
    act(() => radio('Width', 'Narrow').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, width: 'narrow' });
    act(() => radio('Theme', 'Dark').click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    expect(radio('Theme', 'Auto (as the system)')).toBeDefined();
  });

  it('switch the dyslexia-friendly font on and off', () => {
    mount();
    const toggle = () => container.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle().closest('label')!.textContent).toBe('Dyslexia-friendly font');
    act(() => toggle().click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, font: 'dyslexic' });
    mount({ font: 'dyslexic' });
    act(() => toggle().click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, font: 'standard' });
  });

  it('close on Escape and give the focus back to their summary', () => {
    mount();
    const details = container.querySelector('details')!;
    act(() => {
      details.open = true;
    });
    button('Larger text').focus();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    const page = vi.fn();
    document.addEventListener('keydown', page);
    act(() => {
      button('Larger text').dispatchEvent(escape);
    });
    document.removeEventListener('keydown', page);
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(details.querySelector('summary'));
    expect(page).not.toHaveBeenCalled();
  });
});
