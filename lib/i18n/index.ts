import type { Key } from './en';
import type { Message } from './types';

export type { Key } from './en';
export type { Catalogue, Message, PluralForms } from './types';

/** The languages Backstory speaks; English is the source catalogue and the fallback. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What the reader chose in Settings: a language, or 'auto' (the browser's). */
export type LanguageSetting = Language | 'auto';

/**
 * The messages t() knows, by language, as each bundle registers them (lib/i18n/messages-page.ts in the
 * page's UI, messages-all.ts in the extension's pages): the page's UI so carries only its own.
 */
const catalogues: Record<Language, Partial<Record<Key, Message>>> = { en: {}, ru: {} };

export function addMessages(messages: { [L in Language]: Partial<Record<Key, Message>> }): void {
  for (const language of LANGUAGES) Object.assign(catalogues[language], messages[language]);
}

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
export const isLanguageSetting = (value: unknown): value is LanguageSetting => value === 'auto' || isLanguage(value);

/** 'ru-RU' → 'ru'; a language Backstory does not speak → 'en'. */
export function matchLanguage(tag: string | undefined): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : 'en';
}

/** The browser's UI language: browser.i18n where the page has it, else navigator.language. */
export function browserLanguage(): string | undefined {
  const scope = globalThis as { browser?: { i18n?: { getUILanguage?(): string } }; chrome?: { i18n?: { getUILanguage?(): string } } };
  try {
    return scope.browser?.i18n?.getUILanguage?.() ?? scope.chrome?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}

/** The reader's setting if it names a language, else the browser's language, else English. */
export function resolveLanguage(setting: unknown, uiLanguage = browserLanguage()): Language {
  return isLanguage(setting) ? setting : matchLanguage(uiLanguage);
}

let current: Language = 'en';
const listeners = new Set<(language: Language) => void>();

export const getLanguage = (): Language => current;

/** Sets the language every later t() speaks, and tells the views that follow it (see onLanguageChange). */
export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  globalThis.document?.documentElement?.setAttribute('lang', language);
  for (const listener of listeners) listener(language);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}

/** The text of `message` with its {placeholders} filled; a plural message picks its form by `count`. */
export function render(message: Message, params: Params | undefined, language: Language): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params?.count ?? 0);
    text = message[pluralCategory(language, count)] ?? message.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, language) : value;
  });
}

/** The text of `key` in the current language (English where the catalogue lacks it; the key if neither has it). */
export function t(key: Key, params?: Params): string {
  const message = catalogues[current][key] ?? catalogues.en[key];
  return message === undefined ? key : render(message, params, current);
}

export function formatNumber(value: number, language: Language = current): string {
  return value.toLocaleString(language);
}

/** 'a, b and c' in the current language. */
export function formatList(items: string[], type: 'conjunction' | 'disjunction' = 'conjunction', language: Language = current): string {
  return new Intl.ListFormat(language, { style: 'long', type }).format(items);
}

/** Dates in English are written day month year (as in British usage), as Backstory always wrote them. */
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru' };

/** '2024' → '2024', '2024-04' → 'Apr 2024' / 'апр. 2024 г.', '2024-04-16' → '16 Apr 2024' / '16 апр. 2024 г.'. */
export function formatPartialDate(date: string | undefined, language: Language = current): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  if (!Number.isFinite(year)) return date;
  if (!month) return String(year);
  const at = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(at.getTime())) return date;
  // Months abbreviated, also alone: Russian's nominative 'декабрь 1991 г.' would read wrongly after
  // 'с' (since), which needs the genitive; 'дек. 1991 г.' reads right in every phrase.
  const options: Intl.DateTimeFormatOptions = day ? { day: 'numeric', month: 'short', year: 'numeric' } : { month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { ...options, timeZone: 'UTC' }).format(at);
}

/** A moment (milliseconds since 1970), as a date or a date and time in the reader's time zone. */
export function formatMoment(ms: number, withTime = false, language: Language = current): string {
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(DATE_LOCALES[language], options).format(new Date(ms));
}

/** Keeps the page's <title> in the reader's language (the HTML carries the English one). */
export function localizeTitle(key: Key): void {
  const apply = () => {
    if (globalThis.document) document.title = t(key);
  };
  apply();
  onLanguageChange(apply);
}
