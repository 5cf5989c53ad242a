import { getLanguage } from './index';

/** A pack's summary: one text, or texts by language ({ en: '…', ru: '…' }). */
export type LocalizedText = string | Record<string, string>;

/** The summary in the reader's language when the pack has it, else the pack's first; undefined when none. */
export function summaryIn(summary: LocalizedText | undefined, language: string = getLanguage()): string | undefined {
  if (summary === undefined || typeof summary === 'string') return summary || undefined;
  const texts = Object.entries(summary).filter(([, text]) => typeof text === 'string' && text.trim());
  return (texts.find(([lang]) => lang.toLowerCase().split('-')[0] === language) ?? texts[0])?.[1];
}
