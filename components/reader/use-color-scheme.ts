import { useEffect, useState } from 'preact/hooks';

const DARK = '(prefers-color-scheme: dark)';

/**
 * The theme to draw: the reader's choice, or for "auto" the system's colour scheme, followed as it
 * changes. Resolving "auto" here keeps each theme's colours in one place in the stylesheet.
 */
export function useResolvedTheme<T extends string>(theme: T | 'auto'): T | 'light' | 'dark' {
  const query = typeof matchMedia === 'function' ? matchMedia(DARK) : null;
  const [dark, setDark] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = () => setDark(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [query?.media]);
  return theme === 'auto' ? (dark ? 'dark' : 'light') : theme;
}
