import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useResolvedTheme } from '../../../components/reader/use-color-scheme';

/** A system colour scheme the test can switch, as matchMedia reports it. */
function systemScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    media: '(prefers-color-scheme: dark)',
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => query);
  return (next: boolean) => {
    query.matches = next;
    for (const listener of listeners) listener();
  };
}

function Theme({ theme }: { theme: 'auto' | 'light' | 'sepia' | 'dark' }) {
  return <div data-theme={useResolvedTheme(theme)} />;
}

afterEach(() => vi.unstubAllGlobals());

describe('the reading mode’s theme', () => {
  it('follows the system for "auto", as it changes, and keeps the reader’s own choice otherwise', () => {
    const switchTo = systemScheme(true);
    const root = document.createElement('div');
    act(() => render(<Theme theme="auto" />, root));
    expect(root.firstElementChild!.getAttribute('data-theme')).toBe('dark');
    act(() => switchTo(false));
    expect(root.firstElementChild!.getAttribute('data-theme')).toBe('light');
    act(() => render(<Theme theme="sepia" />, root));
    act(() => switchTo(true));
    expect(root.firstElementChild!.getAttribute('data-theme')).toBe('sepia');
  });
});
