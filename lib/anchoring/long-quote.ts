import type { Effort, Steps } from './effort';
import { exactWork, nearestOccurrence, searchSteps, type Hit } from './search-steps';

/**
 * A quote longer than this (whitespace aside) is matched approximately by pieces: searching for the
 * whole of it costs its length over 32 block comparisons per character of the page — 20,000 characters
 * on a 1 MB page took seconds — while pieces of it cost a few each.
 */
export const LONG_QUOTE = 512;

/** The length of a piece, in characters (the last piece takes the rest, so up to twice as long). */
const PIECE = 64;

/** How many pieces, spread over the quote, are looked for exactly to find where it may begin. */
const SEED_PIECES = 16;

/** How many places a long quote may begin at are checked piece by piece. */
const MAX_SEEDS = 8;

/** How far a piece may lie from where the piece before it ended, in characters either way. */
const PIECE_REACH = 4096;

interface Piece {
  /** Where the piece begins in the quote. */
  offset: number;
  text: string;
}

function piecesOf(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  for (let offset = 0; offset < pattern.length; offset += PIECE) {
    const end = pattern.length - offset < 2 * PIECE ? pattern.length : offset + PIECE;
    pieces.push({ offset, text: pattern.slice(offset, end) });
    if (end === pattern.length) break;
  }
  return pieces;
}

/**
 * Places in `haystack` that look like a long quote, with an estimate of the edits between them and
 * the quote (at most `maxErrors`). First the pieces at the start, the end and between are looked for
 * exactly, each telling where the quote would begin; if none is found, the first and last pieces
 * approximately, near `hint` first. Each such beginning is then checked by following the quote piece
 * by piece. Null when the budget ran out first.
 */
export function* longQuoteCandidates(
  haystack: string,
  pattern: string,
  maxErrors: number,
  hint: number | undefined,
  effort: Effort,
): Steps<Hit[] | null> {
  const pieces = piecesOf(pattern);
  const seeds: number[] = [];
  for (const piece of seedPieces(pieces)) {
    if (!effort.take(exactWork(haystack.length))) return null;
    let count = 0;
    for (let at = haystack.indexOf(piece.text); at !== -1 && count < 4 * MAX_SEEDS; at = haystack.indexOf(piece.text, at + 1)) {
      seeds.push(at - piece.offset);
      count++;
    }
    yield;
  }
  let starts = rankSeeds(seeds, hint);
  if (starts.length === 0) {
    const fuzzy = yield* fuzzySeeds(haystack, [pieces[0]!, pieces[1]!, pieces.at(-2)!, pieces.at(-1)!], pattern.length, hint, effort);
    if (fuzzy === null) return null;
    starts = fuzzy;
  }
  const candidates: Hit[] = [];
  for (const start of starts) {
    const found = yield* follow(haystack, pieces, pattern.length, maxErrors, start, effort);
    if (found === null) return effort.gaveUp ? null : candidates;
    if (found.errors <= maxErrors) candidates.push(found);
  }
  return candidates;
}

function seedPieces(pieces: Piece[]): Piece[] {
  if (pieces.length <= SEED_PIECES) return pieces;
  const chosen = new Set<number>([0, 1, 2, 3, pieces.length - 4, pieces.length - 3, pieces.length - 2, pieces.length - 1]);
  const between = SEED_PIECES - chosen.size;
  for (let i = 1; i <= between; i++) chosen.add(Math.round((i * (pieces.length - 1)) / (between + 1)));
  return [...chosen].sort((a, b) => a - b).map((i) => pieces[i]!);
}

/** Seeds grouped where they lie close together, the groups with most seeds first, then the nearest to `hint`. */
function rankSeeds(seeds: number[], hint: number | undefined): number[] {
  const groups: { start: number; votes: number }[] = [];
  for (const seed of [...seeds].sort((a, b) => a - b)) {
    const last = groups.at(-1);
    if (last && seed - last.start <= 2 * PIECE) last.votes++;
    else groups.push({ start: seed, votes: 1 });
  }
  const distance = (start: number) => (hint === undefined ? 0 : Math.abs(start - hint));
  return groups
    .sort((a, b) => b.votes - a.votes || distance(a.start) - distance(b.start))
    .slice(0, MAX_SEEDS)
    .map((group) => group.start);
}

/** Beginnings suggested by approximate matches of a few pieces: near `hint` first, then anywhere. */
function* fuzzySeeds(haystack: string, pieces: Piece[], length: number, hint: number | undefined, effort: Effort): Steps<number[] | null> {
  const areas: [number, number][] = hint === undefined ? [] : [[hint - 2 * length, hint + 3 * length]];
  areas.push([0, haystack.length]);
  for (const [from, to] of areas) {
    const hits: (Hit & { offset: number })[] = [];
    for (const piece of pieces) {
      const found = yield* searchSteps(haystack, piece.text, Math.floor(piece.text.length / 4), from, to, effort);
      if (found === null) return null;
      for (const hit of found) hits.push({ ...hit, offset: piece.offset });
    }
    if (hits.length > 0) {
      hits.sort((a, b) => a.errors - b.errors);
      return rankSeeds(hits.slice(0, 4 * MAX_SEEDS).map((hit) => hit.start - hit.offset), hint);
    }
  }
  return [];
}

/**
 * Follows the quote piece by piece from `seed`: each piece is looked for exactly near where the piece
 * before it ended, else approximately, else counted as edited away. The edits are estimated from the
 * pieces' own edits and the gaps between them. Null when the budget ran out.
 */
function* follow(haystack: string, pieces: Piece[], length: number, maxErrors: number, seed: number, effort: Effort): Steps<Hit | null> {
  let pos = Math.max(0, seed);
  let errors = 0;
  /** Characters of the quote passed over since the last piece found (pieces edited away). */
  let missed = 0;
  let start = -1;
  let end = -1;
  for (const piece of pieces) {
    if (errors > maxErrors) break;
    const found = start >= 0;
    const reach = Math.min(PIECE_REACH, maxErrors - errors + PIECE);
    const from = pos - (found ? 2 * PIECE : reach);
    const to = pos + missed + piece.text.length + reach;
    if (!effort.take(exactWork(to - from))) return null;
    let hit: Hit | undefined;
    const at = nearestOccurrence(haystack, piece.text, from, to, pos + missed);
    if (at !== -1) hit = { start: at, end: at + piece.text.length, errors: 0 };
    else {
      const near = [pos - 2 * PIECE, pos + missed + piece.text.length + 2 * PIECE] as const;
      const hits = yield* searchSteps(haystack, piece.text, Math.floor(piece.text.length / 4), near[0], near[1], effort);
      if (hits === null) return null;
      const distance = (h: Hit) => Math.abs(h.start - pos - missed);
      hit = hits.sort((a, b) => a.errors - b.errors || distance(a) - distance(b))[0];
    }
    if (hit) {
      // A gap, or an overlap, between this piece and the last one found is text inserted or deleted.
      if (found) errors += Math.min(Math.abs(hit.start - pos), Math.abs(hit.start - pos - missed));
      errors += hit.errors;
      if (!found) start = Math.max(0, hit.start - piece.offset);
      end = Math.min(haystack.length, hit.end + (length - piece.offset - piece.text.length));
      pos = hit.end;
      missed = 0;
    } else {
      errors += piece.text.length;
      missed += piece.text.length;
    }
    yield;
  }
  if (start < 0 || end <= start) return { start: 0, end: 0, errors: Infinity };
  return { start, end, errors };
}
