/** A message that depends on a number: one form per plural category of the language (Intl.PluralRules). */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** A text with {placeholders}, or plural forms of one (chosen by the {count} parameter). */
export type Message = string | PluralForms;

/** A catalogue: every key of the English one (lib/i18n/en.ts), in another language. */
export type Catalogue = Record<import('./en').Key, Message>;
