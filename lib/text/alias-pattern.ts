import { inflectionLanguagesOf, isAcronym } from './alias-language';
import { Script } from './characters';
import type { InflectionLanguage } from './inflections';
import { casedWord } from './fold';
import { TokenFlag, joinerBetween, tokenize } from './tokenize';
import type { AliasSpec } from './types';

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
  readonly joiners: readonly (string | null)[];
  /** The tokens as written (folded but for case) when the alias must match as written; else null. */
  readonly cased: readonly string[] | null;
  /** The inflection table entries whose endings the alias's tokens may take. */
  readonly languages: ReadonlySet<InflectionLanguage>;
  /**
   * A dotted abbreviation (U.S., U.N., U.S.S.R.): its last token is joined by a period. Its match takes
   * in the period after its last letter (in "left the U.S." that period also ends the sentence), and it
   * is not matched where the dotted letters go on (U.S. in "U.S.A.").
   */
  readonly dotted: boolean;
}

/** The alias ready for matching, or null if it has no word in it. */
export function aliasPatternOf(spec: AliasSpec, order: number): AliasPattern | null {
  const text = spec.text ?? '';
  const tokens = tokenize(text);
  if (tokens.count === 0) return null;
  const joiners = tokens.folded.map((_, i) =>
    i > 0 && tokens.flags[i]! & TokenFlag.JoinedBefore
      ? joinerBetween(text, tokens.end[i - 1]!, tokens.start[i]!)
      : null,
  );
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
    dotted: joiners[joiners.length - 1] === '.' && text.trimEnd().endsWith('.'),
  };
}
