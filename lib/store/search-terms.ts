import { foldForSearch } from '../text';

/** The distinct folded words of a query or a name: "Alexander  Lukashenka" → ['alexander', 'lukashenka']. */
export function foldedWords(text: string): string[] {
  const folded = foldForSearch(text);
  return folded ? [...new Set(folded.split(' '))] : [];
}

/** Every word an entity can be found by in the editor: the words of its name and of its aliases. */
export function searchTerms(entity: { name: string; aliases: readonly { text: string }[] }): string[] {
  return [...new Set([entity.name, ...entity.aliases.map((alias) => alias.text)].flatMap(foldedWords))];
}
