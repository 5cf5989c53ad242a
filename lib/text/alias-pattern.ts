import { inflectionLanguagesOf, isAcronym } from './alias-language';
import { Script } from './characters';
import type { InflectionLanguage } from './inflections';
import { casedWord } from './fold';
import { TokenFlag, joinerBetween, tokenize } from './tokenize';
import type { AliasSpec } from './types';

/**
 * The joiner of a word that follows an abbreviated word's period and a space (St. Petersburg, Gen.
 * Gerasimov, EE. UU.): the text may write the period or leave it out (St Petersburg). After a single
 * letter the period stays required: it is what makes the letter an initial, and without it "A.
 * Lukashenka" would take in the article of "a Lukashenka ally", and "U. S." the words "U S".
 */
export const OPTIONAL_PERIOD: unique symbol = Symbol('optional period');
export type Joiner = string | typeof OPTIONAL_PERIOD;

/** An alias made ready for matching. */
export interface AliasPattern {
  readonly text: string;
  readonly entityId: string;
  readonly weight: number;
  /** Position among the aliases given: breaks ties in which alias text a match reports. */
  readonly order: number;
  /** Folded tokens. */
  readonly tokens: readonly string[];
  /** What must join each token to the one before: null for spaces and hyphens (and for the first token). */
  readonly joiners: readonly (Joiner | null)[];
  /** The tokens as written (folded but for case) when the alias must match as written; else null. */
  readonly cased: readonly string[] | null;
  /** The inflection table entries whose endings the alias's tokens may take. */
  readonly languages: ReadonlySet<InflectionLanguage>;
  /**
   * A dotted abbreviation (U.S., U.N., U.S.S.R.): its last token is joined by a period. Its match takes
   * in the period after its last letter (in "left the U.S." that period also ends the sentence), and it
   * is not matched where the dotted letters go on (U.S. in "U.S.A." or "A.U.S.").
   */
  readonly dotted: boolean;
}

const SPACE = /\s/u;

/** The alias ready for matching, or null if it has no word in it. */
export function aliasPatternOf(spec: AliasSpec, order: number): AliasPattern | null {
  const text = spec.text ?? '';
  const tokens = tokenize(text);
  if (tokens.count === 0) return null;
  const joiners = tokens.folded.map((_, i): Joiner | null => {
    if (i === 0 || !(tokens.flags[i]! & TokenFlag.JoinedBefore)) return null;
    const joiner = joinerBetween(text, tokens.end[i - 1]!, tokens.start[i]!);
    const afterAbbreviatedWord =
      joiner === '.' && [...tokens.folded[i - 1]!].length > 1 && SPACE.test(text.slice(tokens.end[i - 1]!, tokens.start[i]!));
    return afterAbbreviatedWord ? OPTIONAL_PERIOD : joiner;
  });
  const lastJoiner = joiners[joiners.length - 1];
  const caseSensitive = spec.caseSensitive ?? isAcronym(text);
  const cased = caseSensitive ? tokens.folded.map((_, i) => casedWord(text, tokens.start[i]!, tokens.end[i]!)) : null;
  let script: Script = Script.Other;
  for (let i = 0; i < tokens.count && script === Script.Other; i++)
    script = (tokens.flags[i]! & TokenFlag.ScriptMask) as Script;
  return {
    text,
    entityId: spec.entityId,
    weight: spec.weight ?? 0,
    order,
    tokens: tokens.folded,
    joiners,
    cased,
    languages: inflectionLanguagesOf({ text, lang: spec.lang }, script),
    dotted: (lastJoiner === '.' || lastJoiner === OPTIONAL_PERIOD) && text.trimEnd().endsWith('.'),
  };
}
