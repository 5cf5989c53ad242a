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

// The page cannot know which languages its candidate aliases are in, so it asks for the base forms
// of every language: a Matcher only ever uses some of these rules, which keeps every alias it can
// match among the keys asked for.
let everyLanguage: Deinflector | null = null;

/**
 * The keys a page must ask the background for: every distinct folded token of its text blocks, and
 * every base form the inflection table allows for each (Токаева → токаев). Deduplicated.
 */
export function lookupKeys(texts: Iterable<string>): string[] {
  const scripts = new Map<string, number>();
  const beforeApostrophe = new Set<string>();
  const record = (folded: string, _start: number, _end: number, flags: number): void => {
    scripts.set(folded, flags & TokenFlag.ScriptMask);
    if (flags & TokenFlag.ApostropheAfter) beforeApostrophe.add(folded);
  };
  for (const text of texts) forEachToken(text, record);

  const deinflector = (everyLanguage ??= new Deinflector());
  const keys = new Set(scripts.keys());
  for (const [folded, script] of scripts) {
    for (const { base } of deinflector.deinflect(folded, script as Script, beforeApostrophe.has(folded)))
      keys.add(base);
  }
  return [...keys];
}
