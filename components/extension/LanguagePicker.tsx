import { useState } from 'preact/hooks';
import { browserLanguage, LANGUAGES, matchLanguage, t, type Key } from '../../lib/i18n';
import type { BackstoryDatabase } from '../../lib/store/db';
import { readLanguageSetting, writeLanguageSetting } from '../../lib/store/ui-language';
import { useLanguage } from '../shared/use-language';
import { useLive } from './use-live';

/**
 * The language of Backstory's pages and popover: the browser's, or one the reader picks. Open extension
 * pages follow the stored setting live (lib/store/ui-language.ts); a page's popover asks for it each
 * time it opens, so no page needs to be told (and none is re-marked).
 */
export function LanguagePicker({ db }: { db: BackstoryDatabase }) {
  useLanguage();
  const setting = useLive(() => readLanguageSetting(db), [db]);
  const [error, setError] = useState('');
  const browserName = t(`language.${matchLanguage(browserLanguage())}` as Key);
  return (
    <p class="language-picker">
      <label>
        <span>{t('language.label')}</span>{' '}
        <select
          value={setting ?? 'auto'}
          disabled={setting === undefined}
          onChange={async (e) => {
            try {
              await writeLanguageSetting(db, e.currentTarget.value);
              setError('');
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          <option value="auto">{t('language.auto', { language: browserName })}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`language.${language}` as Key)}
            </option>
          ))}
        </select>
      </label>
      {error ? <span role="alert" class="field-error">{error}</span> : null}
    </p>
  );
}
