import { forEachToken } from './tokenize';

/**
 * The words of a string folded as the Matcher folds them (case, accents, compatibility forms,
 * look-alike letters, invisibles), joined by single spaces; punctuation is dropped. Words of scripts
 * written without spaces stay side by side as they stood.
 */
export function foldForSearch(text: string): string {
  let out = '';
  let previousEnd = -1;
  forEachToken(text, (folded, start, end) => {
    if (previousEnd >= 0 && start > previousEnd) out += ' ';
    out += folded;
    previousEnd = end;
  });
  return out;
}
