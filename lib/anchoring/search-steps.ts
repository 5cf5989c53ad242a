import search from 'approx-string-match';
import { STEP_WORK, type Effort, type Steps } from './effort';

/** A stretch of text found for a pattern: offsets into the text searched, and its edits from the pattern. */
export interface Hit {
  start: number;
  end: number;
  errors: number;
}

/** Approximate search keeps about one 32-character block active per 32 errors allowed, and one more. */
const blocksFor = (maxErrors: number) => 1 + Math.ceil(maxErrors / 32);

/**
 * The work of an exact search (`indexOf`) through `chars` characters: a fraction of a nanosecond a
 * character, some 30 times less than a character's block comparison.
 */
export const exactWork = (chars: number) => Math.ceil(chars / 32);

/**
 * Approximate matches of `pattern` in `text` from `from` to `to`, with at most `maxErrors` edits, a
 * chunk of text per step. Each chunk reports its own best matches (those with the fewest edits in
 * it), so a match anywhere is found that a search of the whole stretch would report, and a few more.
 * Null when the budget ran out first.
 */
export function* searchSteps(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  effort: Effort,
): Steps<Hit[] | null> {
  const blocks = blocksFor(maxErrors);
  const overlap = pattern.length + maxErrors;
  const stride = Math.max(overlap, Math.floor(STEP_WORK / blocks) - overlap);
  const hits = new Map<string, Hit>();
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  for (let at = from; at < to; at += stride) {
    const end = Math.min(to, at + stride + overlap);
    if (!effort.take((end - at) * blocks)) return null;
    for (const match of search(text.slice(at, end), pattern, maxErrors)) {
      const hit = { start: match.start + at, end: match.end + at, errors: match.errors };
      hits.set(`${hit.start}:${hit.end}`, hit);
    }
    yield;
    if (end === to) break;
  }
  return [...hits.values()];
}

/** Where `piece` occurs exactly in `text` between `from` and `to`, the occurrence nearest `near`; -1 if nowhere. */
export function nearestOccurrence(text: string, piece: string, from: number, to: number, near: number): number {
  from = Math.max(0, from);
  // Searched in a slice of its own: a piece absent from the window must not send indexOf to the end of the text.
  const window = text.slice(from, Math.min(text.length, to));
  let best = -1;
  for (let at = window.indexOf(piece); at !== -1; at = window.indexOf(piece, at + 1)) {
    if (best === -1 || Math.abs(at + from - near) < Math.abs(best - near)) best = at + from;
    if (at + from >= near) break;
  }
  return best;
}
