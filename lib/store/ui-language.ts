import { isLanguageSetting, resolveLanguage, setLanguage, type LanguageSetting } from '../i18n';
import type { BackstoryDatabase } from './db';
import { watch } from './live';

/** The reader's choice of language in the settings table: 'auto' (the browser's), 'en' or 'ru'. */
export const UI_LANGUAGE_KEY = 'ui-language';

export async function readLanguageSetting(db: BackstoryDatabase): Promise<LanguageSetting> {
  const row = await db.settings.get(UI_LANGUAGE_KEY);
  return isLanguageSetting(row?.value) ? row.value : 'auto';
}

/** Stores the choice ('auto' removes it); anything else is refused and nothing is written. */
export async function writeLanguageSetting(db: BackstoryDatabase, setting: unknown): Promise<void> {
  if (!isLanguageSetting(setting)) throw new Error(`Unknown language setting: ${String(setting)}`);
  if (setting === 'auto') await db.settings.delete(UI_LANGUAGE_KEY);
  else await db.settings.put({ key: UI_LANGUAGE_KEY, value: setting });
}

/**
 * Makes this page speak the reader's language, now and whenever the setting changes (in any of the
 * extension's pages). Resolves once the first language is set, so a page can render in it at once.
 */
export function followLanguageSetting(db: BackstoryDatabase): Promise<void> {
  return new Promise((resolve) => {
    const apply = (setting: unknown) => {
      setLanguage(resolveLanguage(setting));
      resolve();
    };
    watch(() => readLanguageSetting(db), {
      next: apply,
      error: (error) => {
        console.warn('Backstory could not read the language setting:', error);
        apply('auto');
      },
    });
  });
}
