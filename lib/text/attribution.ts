import { lazy } from './lazy';

/** Verbs of saying, as news reports attribute quotes. */
const VERBS =
  'said|says|say|told|tells|added|adds|stated|states|declared|declares|wrote|writes|noted|notes|argued|argues|insisted|insists|claimed|claims|warned|warns|replied|replies|asked|asks|explained|explains|announced|announces|continued|continues|stressed|stresses|insisted|urged|urges|admitted|admits|recalled|recalls|promised|promises|vowed|vows|answered|answers|remarked|remarks|commented|comments|tweeted|posted';
// Made on first use (./lazy.ts): the marker's module is evaluated on every page, and these take a while.
const AFTER = lazy(() => new RegExp(`^(?:,[^,.;]{1,60},)?[\\s,]*(?:(?:has|had|have|also|then|later|once|again|publicly|recently|reportedly|\\([^)]{0,40}\\)),?\\s+)*(?:${VERBS})\\b`, 'i'));
// Between the verb and the name, titles only ("said Belarusian President …"), never "said that …".
const EITHER_CASE = (words: string) => words.replace(/\b(\w)/g, (first: string) => `[${first.toUpperCase()}${first}]`);
const BEFORE = lazy(() => new RegExp(`(?:\\b(?:${EITHER_CASE(VERBS)})|\\b${EITHER_CASE('according to|quoted|quoting|in the words of')})[\\s,:]*(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}$`, 'u'));
const POSSESSIVE = /^['’]s?\b/;
/** A name after a preposition is spoken of ("critics of …", "signed by …"), not a speaker. */
const OBJECT = lazy(() => /\b(?:of|by|with|for|against|to|from|about|on|at|in|under|over)\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}$/u);

/**
 * Whether a sentence says that the name in it spoke: "…, Lukashenka said", "Lukashenka told reporters",
 * "said Lukashenka", "according to Lukashenka". `before` is the sentence's text up to the name, `after`
 * the text from the end of the name (a possessive "’s" after a name is not a speaker).
 */
export function attributesSpeech(before: string, after: string): boolean {
  if (POSSESSIVE.test(after)) return false;
  if (BEFORE().test(before)) return true;
  return !OBJECT().test(before) && AFTER().test(after);
}

/** Sentence ends: a stop, a question or exclamation mark, an ellipsis, then space (closing quotes allowed). */
export const SENTENCE_END = /[.!?…]["”’»)]?\s/g;

/** Whether what separates a quote from a name stays within one sentence ("in,” " and "in!” " both do). */
export function sameSentence(between: string): boolean {
  if (between.length > 400) return false;
  if (/^[\s,.!?…"“”'’»«:;—–-]*$/.test(between)) return true;
  return !(between.match(SENTENCE_END)?.length);
}
