import { isAcronym } from '../alias-language';
import { tokenize } from '../tokenize';
import type { RomanisationSystem, RomanisedLanguage } from './system';
import { SYSTEMS } from './systems';
import { cyrillicLettersOf, transliterate, writtenIn } from './transliterate';
import { STOP_WORDS } from './stop-words';

/**
 * Which systems spell an alias whose language the pack does not give. Russian, Ukrainian and
 * Belarusian are told apart by their alphabets (і and ў are not Russian, ы and э not Ukrainian, и and
 * щ not Belarusian), so every one whose alphabet writes the alias serves. Kazakh Cyrillic holds every
 * Russian letter, so it serves only a word with a letter of its own, or an entity of Kazakhstan.
 */
const LANGUAGE_RULES: Readonly<Record<RomanisedLanguage, { readonly byAlphabet: boolean; readonly ownLetters?: RegExp; readonly countries: readonly string[] }>> = {
  ru: { byAlphabet: true, countries: ['russia', 'ru'] },
  uk: { byAlphabet: true, countries: ['ukraine', 'ua'] },
  be: { byAlphabet: true, countries: ['belarus', 'by'] },
  kk: { byAlphabet: false, ownLetters: /[әғқңөұүһ]/iu, countries: ['kazakhstan', 'kz'] },
};

const CYRILLIC = /\p{Script=Cyrillic}/u;

export interface SourceAlias {
  readonly text: string;
  /** BCP 47 when the pack says. */
  readonly lang?: string;
  readonly shared?: boolean;
}

/** The systems that spell this alias: those of its language when the pack gives one, else as LANGUAGE_RULES says. */
export function systemsFor(alias: SourceAlias, country?: string): RomanisationSystem[] {
  if (!CYRILLIC.test(alias.text) || isAcronym(alias.text)) return [];
  const primary = alias.lang?.split(/[-_]/)[0]!.toLowerCase();
  const letters = cyrillicLettersOf(alias.text);
  return SYSTEMS.filter((system) => {
    if (!writtenIn(letters, system)) return false;
    if (primary) return primary === system.language;
    const rule = LANGUAGE_RULES[system.language];
    return rule.byAlphabet || rule.ownLetters?.test(alias.text) || (country !== undefined && rule.countries.includes(country.toLowerCase()));
  });
}

/** An alias's words folded as the matcher folds them, space-separated: two texts with one key match the same words. */
export function matchKey(text: string): string {
  return tokenize(text).folded.join(' ');
}

/** The Latin spellings of an alias under every system that serves it, one per match key, each with the first system that gave it. */
export function romanisationsOf(alias: SourceAlias, country?: string): { text: string; system: string; key: string }[] {
  const texts = new Set<string>();
  const keys = new Set<string>();
  const out: { text: string; system: string; key: string }[] = [];
  for (const system of systemsFor(alias, country)) {
    const text = transliterate(alias.text, system);
    // Many systems spell a name alike: fold each distinct text once.
    if (texts.has(text)) continue;
    texts.add(text);
    const key = matchKey(text);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    out.push({ text, system: system.id, key });
  }
  return out;
}

export interface EntityAliases {
  readonly id: string;
  /** The entity's kind: see PHRASE_KINDS. */
  readonly kind?: string;
  readonly country?: string;
  readonly names: readonly SourceAlias[];
}

export interface GeneratedAlias {
  readonly text: string;
  readonly system: string;
  readonly shared?: true;
}

/**
 * Kinds whose names of several words are phrases ("Коллективный договор…", "Оранжевая революция") that
 * the press translates rather than transliterates: only their one-word names (Роскомнадзор, Евромайдан)
 * are spelled in Latin. People's and places' names of any length are.
 */
const PHRASE_KINDS: ReadonlySet<string> = new Set(['organization', 'party', 'event']);

/** A one-word spelling that is an ordinary word, or too short to tell a name by. */
function tooCommon(key: string): boolean {
  return !key.includes(' ') && ([...key].length < 4 || STOP_WORDS.has(key));
}

/**
 * The Latin spellings of the entities' Cyrillic aliases that they do not list already. A spelling is
 * left out when it is (as the matcher folds it) an alias of another entity or a spelling generated
 * for one, or a common word: a generated alias never makes a match across entities.
 */
export function generatedAliases(entities: readonly EntityAliases[]): Map<string, GeneratedAlias[]> {
  // The spellings first: a pack without Cyrillic aliases (most) costs a regular expression per alias.
  const candidates = new Map<string, { key: string; alias: GeneratedAlias }[]>();
  for (const entity of entities) {
    const found: { key: string; alias: GeneratedAlias }[] = [];
    const keys = new Set<string>();
    const phrases = entity.kind !== undefined && PHRASE_KINDS.has(entity.kind);
    for (const source of entity.names) {
      if (!CYRILLIC.test(source.text) || (phrases && matchKey(source.text).includes(' '))) continue;
      for (const { text, system, key } of romanisationsOf(source, entity.country)) {
        if (keys.has(key) || tooCommon(key)) continue;
        keys.add(key);
        found.push({ key, alias: source.shared ? { text, system, shared: true } : { text, system } });
      }
    }
    if (found.length) candidates.set(entity.id, found);
  }
  if (!candidates.size) return new Map();
  // Then who owns each folded text: the entities giving it as an alias, and those it was generated for.
  const owners = new Map<string, Set<string>>();
  const own = (key: string, id: string) => {
    let ids = owners.get(key);
    if (!ids) owners.set(key, (ids = new Set()));
    ids.add(id);
  };
  const given = new Set<string>();
  for (const entity of entities) {
    for (const alias of entity.names) {
      const key = matchKey(alias.text);
      own(key, entity.id);
      given.add(`${entity.id}\u0000${key}`);
    }
  }
  for (const [id, found] of candidates) for (const { key } of found) own(key, id);
  const out = new Map<string, GeneratedAlias[]>();
  for (const [id, found] of candidates) {
    // Kept: what no other entity owns and the entity does not give already.
    const kept = found.filter(({ key }) => owners.get(key)!.size === 1 && !given.has(`${id}\u0000${key}`)).map(({ alias }) => alias);
    if (kept.length) out.set(id, kept);
  }
  return out;
}
