import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Message } from '../../../lib/i18n';
import { CATALOGUES } from '../../../lib/i18n/messages-all';
import { en } from '../../../lib/i18n/en';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((text): text is string => typeof text === 'string');
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
};

/** The plural categories each language's grammar has for whole numbers (CLDR, through Intl.PluralRules). */
const categoriesOf = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();

describe('the message catalogues', () => {
  for (const language of LANGUAGES) {
    const catalogue = CATALOGUES[language];

    it(`${language} has exactly the keys of the English catalogue`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    });

    it(`${language} uses the same placeholders as English, key by key`, () => {
      const differing = Object.keys(en).filter(
        (key) => JSON.stringify(placeholders(catalogue[key as keyof typeof en])) !== JSON.stringify(placeholders(en[key as keyof typeof en])),
      );
      expect(differing).toEqual([]);
    });

    it(`${language}: a message is plural in both languages or in neither, and gives every form its grammar needs`, () => {
      const needed = categoriesOf(language);
      for (const [key, message] of Object.entries(catalogue)) {
        const english = en[key as keyof typeof en];
        expect(typeof message, key).toBe(typeof english);
        if (typeof message === 'string') continue;
        expect(Object.keys(message).sort(), `${language} ${key}`).toEqual(expect.arrayContaining(needed));
        expect(placeholders(message), key).toContain('count');
      }
    });

    it(`${language} has no empty message`, () => {
      const empty = Object.entries(catalogue).filter(([, m]) => (typeof m === 'string' ? !m.trim() : Object.values(m).some((text) => !text?.trim())));
      expect(empty).toEqual([]);
    });
  }

  it('Russian plurals give one, few and many forms', () => {
    expect(categoriesOf('ru')).toEqual(expect.arrayContaining(['one', 'few', 'many']));
    const plurals = Object.entries(CATALOGUES.ru).filter(([, m]) => typeof m !== 'string');
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key, forms] of plurals) expect(Object.keys(forms), key).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
  });
});

describe("the page's UI carries only its own messages", () => {
  it('every key the popover, the save button and lib/format ask for is among the page messages', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { enPage } = await import('../../../lib/i18n/en-page');
    const root = join(__dirname, '../../..');
    const files = [
      ...readdirSync(join(root, 'components/page')).filter((name) => /\.tsx?$/.test(name) && name !== 'SaveForm.tsx').map((name) => `components/page/${name}`),
      'lib/format.ts',
    ];
    const asked = files.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\bt\(\s*['`]([\w.]+)/g)].map((m) => m[1]!));
    expect(asked.length).toBeGreaterThan(20);
    const pageKeys = Object.keys(enPage);
    const missing = asked.filter((key) => (key.endsWith('.') ? !pageKeys.some((k) => k.startsWith(key)) : !pageKeys.includes(key)));
    expect(missing).toEqual([]);
  });
});
