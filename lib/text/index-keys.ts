import type { Script } from './characters';
import { Deinflector } from './deinflect';
import { TokenFlag, forEachToken } from './tokenize';
import type { AliasSpec } from './types';

/**
 * The key under which the background files an alias: its last token, folded ('' for an alias with no
 * word in it, which the Matcher ignores). The last word of a name is the rarest as a rule (Lukashenka
 * in "Alexander Lukashenka", Sudan in "South Sudan"), so a page's words pull few aliases that do not
 * match; a first word such as a given name would pull every namesake of a large knowledge base.
 * Aliases are given in their base form, so no ending is removed.
 */
export function indexKey(alias: Pick<AliasSpec, 'text' | 'lang'>): string {
  let key = '';
  forEachToken(alias.text ?? '', (folded) => {
    key = folded;
  });
  return key;
}

/**
 * Whether every word of the alias is among a page's lookup keys: if not, the alias cannot occur on
 * that page, and the background need not send it.
 */
export function mayOccurIn(alias: Pick<AliasSpec, 'text'>, keys: ReadonlySet<string>): boolean {
  let all = true;
  forEachToken(alias.text ?? '', (folded) => {
    if (!keys.has(folded)) all = false;
  });
  return all;
}

/**
 * What a page tells the background about its text: its distinct folded words, and those of them seen
 * right before an apostrophe (where English possessives and Ukrainian apostrophes change which
 * endings a word may have).
 */
export interface PageWords {
  words: string[];
  beforeApostrophe: string[];
}

/** The distinct folded words of a page's text blocks. Cheap enough for the page: no inflection table is read. */
export function pageWordsOf(texts: Iterable<string>): PageWords {
  const words = new Set<string>();
  const beforeApostrophe = new Set<string>();
  const record = (folded: string, _start: number, _end: number, flags: number): void => {
    words.add(folded);
    if (flags & TokenFlag.ApostropheAfter) beforeApostrophe.add(folded);
  };
  for (const text of texts) forEachToken(text, record);
  return { words: [...words], beforeApostrophe: [...beforeApostrophe] };
}

// The page cannot know which languages its candidate aliases are in, so its words are given the base
// forms of every language: a Matcher only ever uses some of these rules, which keeps every alias it
// can match among the keys. Built once per background, not once per page.
let everyLanguage: Deinflector | null = null;

/**
 * The keys to look a page's aliases up by: its words and every base form the inflection table allows
 * for each (Токаева → токаев). Deduplicated.
 */
export function lookupKeysOf(page: PageWords): string[] {
  const deinflector = (everyLanguage ??= new Deinflector());
  const beforeApostrophe = new Set(page.beforeApostrophe);
  const keys = new Set(page.words);
  for (const word of page.words) {
    // A folded word reads as itself, with the script the page's text gave it.
    forEachToken(word, (folded, _start, _end, flags) => {
      for (const { base } of deinflector.deinflect(folded, (flags & TokenFlag.ScriptMask) as Script, beforeApostrophe.has(word))) keys.add(base);
    });
  }
  return [...keys];
}

/** The keys a page must ask the background for (see pageWordsOf and lookupKeysOf). */
export function lookupKeys(texts: Iterable<string>): string[] {
  return lookupKeysOf(pageWordsOf(texts));
}
