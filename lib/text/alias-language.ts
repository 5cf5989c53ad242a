import { Script } from './characters';
import { INFLECTIONS, LANGUAGE_HINTS, type InflectionLanguage } from './inflections';

const LETTER = /\p{L}/u;
const UPPER_CASE = /\p{Lu}/u;
const MAX_ACRONYM_LETTERS = 5;

/**
 * Short all-capital aliases (CSTO, US, UN, ОДКБ, U.S.) are acronyms: written otherwise they are
 * usually ordinary words ("us", "cis"), and they never take case endings.
 */
export function isAcronym(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    if (!UPPER_CASE.test(ch)) return false;
    letters++;
  }
  return letters >= 1 && letters <= MAX_ACRONYM_LETTERS;
}

function primaryLanguageOf(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

function hintedLanguagesOf(text: string): InflectionLanguage[] {
  for (const hint of LANGUAGE_HINTS) if (hint.letters.test(text)) return [...hint.languages];
  return [];
}

const SCRIPT_NAMES: Readonly<Record<'Latin' | 'Cyrillic', Script>> = { Latin: Script.Latin, Cyrillic: Script.Cyrillic };

/**
 * The entries of the inflection table whose endings an alias written in `script` may take: those of
 * its language (as the pack gives it, else as its letters suggest), and those for every alias in
 * that script. None for acronyms.
 */
export function inflectionLanguagesOf(
  alias: { readonly text: string; readonly lang?: string },
  script: Script,
): Set<InflectionLanguage> {
  const languages = new Set<InflectionLanguage>();
  if (isAcronym(alias.text)) return languages;
  const hinted = alias.lang ? [] : hintedLanguagesOf(alias.text.normalize('NFC'));
  const primary = alias.lang ? primaryLanguageOf(alias.lang) : null;
  for (const key of Object.keys(INFLECTIONS) as InflectionLanguage[]) {
    const entry: {
      readonly script: 'Latin' | 'Cyrillic';
      readonly languages: readonly string[];
      readonly everyAliasInScript?: true;
    } = INFLECTIONS[key];
    if (SCRIPT_NAMES[entry.script] !== script) continue;
    if (entry.everyAliasInScript || hinted.includes(key) || (primary !== null && entry.languages.includes(primary)))
      languages.add(key);
  }
  return languages;
}
