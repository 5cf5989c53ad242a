/**
 * A romanisation system as data: one table per system, like the inflection table (inflections.ts).
 * transliterate.ts reads any table of this shape; adding a system is adding a table to SYSTEMS.
 */
export type RomanisedLanguage = 'ru' | 'uk' | 'be' | 'kk';

export interface RomanisationSystem {
  /** Short id, `<language>-<system>`, e.g. 'ru-bgn'. */
  readonly id: string;
  readonly language: RomanisedLanguage;
  /** The published standard or house style the table follows. */
  readonly source: string;
  /**
   * Lower-case Cyrillic letters, or runs of them, and their Latin spelling. A key may be marked:
   * `^x` applies at the start of a word, `<x` right after one of `vowels`, `x$` at the end of a word.
   * The longest key that applies wins; of equal length, `^`, then `<`, then `$`, then the plain key.
   * The plain one-letter keys are the system's alphabet: a system serves only words written in it.
   */
  readonly table: Readonly<Record<string, string>>;
  /** The letters after which `<` keys apply (vowels, and the signs the system treats like them). */
  readonly vowels: string;
}
