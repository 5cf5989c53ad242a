import { foldForSearch } from '../text';

/** Where words split: at spaces, line breaks and punctuation. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

/** Past foldings of words: a library repeats its words, and folding one costs a tokenizer pass. */
const foldedTerms = new Map<string, string | string[] | null>();
const MAX_CACHED_TERMS = 100_000;

/** The words Backstory's matcher would see: case, accents, look-alike letters and invisibles folded. */
function foldWord(word: string): string | string[] | null {
  let folded = foldedTerms.get(word);
  if (folded === undefined) {
    const words = foldForSearch(word);
    folded = words === '' ? null : words.includes(' ') ? words.split(' ') : words;
    if (foldedTerms.size >= MAX_CACHED_TERMS) foldedTerms.clear();
    foldedTerms.set(word, folded);
  }
  return folded;
}

/** The folded words of a text, in order, repeats kept: what the library indexes and searches for. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const part of text.split(SEPARATORS)) {
    if (!part) continue;
    const folded = foldWord(part);
    if (folded === null) continue;
    if (typeof folded === 'string') out.push(folded);
    else out.push(...folded);
  }
  return out;
}
