import { getLanguage, type Language } from './i18n';

/** Facts checked longer ago than this many months are shown as possibly outdated. */
export const OUTDATED_AFTER_MONTHS = 12;

/** Whole months from an as-of date (YYYY, YYYY-MM or YYYY-MM-DD, its first day counting) to `today`. */
export function monthsSince(asOf: string, today: Date): number {
  const [year, month = 1] = asOf.split('-').map(Number);
  return (today.getUTCFullYear() - year!) * 12 + (today.getUTCMonth() + 1 - month);
}

export interface Freshness {
  /** "3 months ago", "last month", "this month" — in the reader's language. */
  age: string;
  possiblyOutdated: boolean;
}

/** How old the facts of an as-of date are, said in the reader's language (Intl.RelativeTimeFormat). */
export function freshnessOf(asOf: string, today = new Date(), language: Language = getLanguage()): Freshness {
  const months = Math.max(0, monthsSince(asOf, today));
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const age = months >= 24 ? relative.format(-Math.floor(months / 12), 'year') : relative.format(-months, 'month');
  return { age, possiblyOutdated: months > OUTDATED_AFTER_MONTHS };
}
