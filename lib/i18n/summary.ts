import { getLanguage } from './index';

/** A pack's summary: one text, or texts by language ({ en: '…', ru: '…' }). */
export type LocalizedText = string | Record<string, string>;

/** The language of the text summaryIn shows (a key of the object), or undefined for a plain text. */
export function summaryLanguageIn(summary: LocalizedText | undefined, language: string = getLanguage()): string | undefined {
  if (summary === undefined || typeof summary === 'string') return undefined;
  const keys = Object.keys(summary).filter((key) => typeof summary[key] === 'string' && summary[key]!.trim());
  return keys.find((key) => key.toLowerCase().split('-')[0] === language) ?? keys[0];
}

/**
 * `summary` with the text in `language` set to `text` (removed when `text` is empty): how the editor
 * saves one language of a summary in several without losing the others. A plain text is replaced.
 */
export function withSummaryText(summary: LocalizedText | undefined, language: string | undefined, text: string): LocalizedText | undefined {
  if (summary === undefined || typeof summary === 'string' || language === undefined) return text || undefined;
  const next = { ...summary };
  if (text) next[language] = text;
  else delete next[language];
  return Object.keys(next).length ? next : undefined;
}

/** The summary in the reader's language when the pack has it, else the pack's first; undefined when none. */
export function summaryIn(summary: LocalizedText | undefined, language: string = getLanguage()): string | undefined {
  if (summary === undefined || typeof summary === 'string') return summary || undefined;
  const texts = Object.entries(summary).filter(([, text]) => typeof text === 'string' && text.trim());
  return (texts.find(([lang]) => lang.toLowerCase().split('-')[0] === language) ?? texts[0])?.[1];
}
