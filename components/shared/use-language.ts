import { useEffect, useState } from 'preact/hooks';
import { getLanguage, onLanguageChange, type Language } from '../../lib/i18n';

/**
 * The language t() speaks, re-rendering the calling component (and so everything it renders) when it
 * changes. Each surface's top component calls it.
 */
export function useLanguage(): Language {
  const [language, setLanguage] = useState(getLanguage());
  useEffect(() => {
    setLanguage(getLanguage());
    return onLanguageChange(setLanguage);
  }, []);
  return language;
}
