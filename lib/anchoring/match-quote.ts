import { withoutWhitespace, type CompactText } from './compact-text';
import { Effort, runSteps, type Steps } from './effort';
import { longQuoteCandidates, LONG_QUOTE } from './long-quote';
import { exactWork, searchSteps } from './search-steps';

export interface QuoteContext {
  /**
   * Text that stood just before the quote. '' gives no context, as undefined does: the Web Annotation
   * model makes the prefix optional, and tools write '' for "none", so it cannot mean "began the text".
   */
  prefix?: string | undefined;
  /** Text that stood just after the quote; '' gives no context, as for `prefix`. */
  suffix?: string | undefined;
  /** Where the quote began, as an offset into the original text. */
  hint?: number | undefined;
}

export interface QuoteMatch {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** 'quote': the quote itself, whitespace aside; 'fuzzy': an approximation of it. */
  method: 'quote' | 'fuzzy';
  /** 0..1, see `WEIGHTS`. */
  score: number;
}

/**
 * How much each piece of evidence counts towards a candidate's score. The quote dominates: a
 * candidate is the passage the researcher saved, perhaps edited, only if it reads like it. The text
 * around it tells repeated or edited passages apart. The old position barely counts — pages grow
 * and shrink — and serves to break ties.
 */
const WEIGHTS = { quote: 0.7, prefix: 0.14, suffix: 0.14, position: 0.02 };

/**
 * The least score at which a fuzzy match is accepted. With the weights above:
 * - an edited passage still in its place (prefix and suffix agree) scores at least
 *   0.7 × 0.75 + 0.28 ≈ 0.81 even at the most edits fuzzy search allows, so it is kept;
 * - a look-alike somewhere else, whose surroundings agree about as much as unrelated text does
 *   (about 0.3), scores 0.7 × q + 0.1 and must read 92% like the quote to pass — a reworded
 *   sentence in another paragraph is not taken for the saved one.
 */
export const DEFAULT_THRESHOLD = 0.75;

/** Fuzzy search allows this many edits per character of the quote. */
const MAX_ERROR_RATE = 0.25;

/**
 * Extra characters of surrounding text compared with a prefix or suffix, so that a few inserted
 * characters cost only themselves rather than shifting the whole comparison.
 */
const CONTEXT_SLACK = 8;

/**
 * How far from its old position, in characters either way (whitespace aside), a quote is looked for
 * approximately before the whole text is searched: room for a paragraph or two added or removed above it.
 */
const NEARBY_REACH = 2000;

/**
 * How well `expected` agrees with the text touching a candidate, 0..1: one minus the fewest edits
 * that turn `expected` into a stretch of `neighbour` touching the candidate, per character of
 * `expected`. Both strings are read from the candidate outwards: from their ends for a prefix,
 * from their starts for a suffix.
 */
export function contextAgreement(expected: string, neighbour: string, touching: 'start' | 'end'): number {
  if (touching === 'end' ? neighbour.endsWith(expected) : neighbour.startsWith(expected)) return 1;
  const fromEnd = touching === 'end';
  const codeAt = (text: string, i: number) => text.charCodeAt(fromEnd ? text.length - 1 - i : i);
  // row[j]: edits between the expected characters read so far and the first j of `neighbour`.
  const row = new Int32Array(neighbour.length + 1).map((_, j) => j);
  for (let i = 1; i <= expected.length; i++) {
    const code = codeAt(expected, i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= neighbour.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (code === codeAt(neighbour, j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return Math.max(0, 1 - Math.min(...row) / expected.length);
}

/** The weighted mean of the evidence at hand (0 when there is none); unknown evidence counts neither way. */
function weightedScore(evidence: [weight: number, value: number | undefined][]): number {
  let total = 0;
  let weights = 0;
  for (const [weight, value] of evidence) {
    if (value === undefined) continue;
    total += weight * value;
    weights += weight;
  }
  return weights === 0 ? 0 : total / weights;
}

interface Candidate {
  /** Offsets into the compact text, where candidates are compared. */
  start: number;
  end: number;
  /** Offsets into the original text, when already known exactly. */
  original?: { start: number; end: number };
  errors: number;
}

/**
 * Finds `quote` in `text` when it is no longer at its old position: first the quote itself
 * (whitespace aside), choosing among occurrences by agreement with `context.prefix` and
 * `context.suffix`, then by nearness to `context.hint`; failing that, the best approximate match
 * scoring at least `threshold`. Returns null when neither is found, or when `effort`'s budget ran
 * out first (`effort.gaveUp`).
 */
export function matchQuote(
  text: CompactText,
  quote: string,
  context: QuoteContext = {},
  threshold = DEFAULT_THRESHOLD,
  effort = new Effort(),
): QuoteMatch | null {
  return runSteps(matchQuoteSteps(text, quote, context, threshold, effort), effort);
}

/** `matchQuote` in steps of bounded work, for a caller that pauses between them. */
export function* matchQuoteSteps(
  text: CompactText,
  quote: string,
  context: QuoteContext,
  threshold: number,
  effort: Effort,
): Steps<QuoteMatch | null> {
  const pattern = withoutWhitespace(quote);
  if (pattern.length === 0) return null;
  const haystack = text.compact;
  const given = (context: string | undefined) => (context === undefined ? '' : withoutWhitespace(context));
  const prefix = given(context.prefix) || undefined;
  const suffix = given(context.suffix) || undefined;
  const hint = context.hint === undefined ? undefined : text.toCompact(context.hint);

  const prefixAgreement = (start: number) => {
    if (prefix === undefined) return undefined;
    const neighbour = haystack.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start);
    return contextAgreement(prefix, neighbour, 'end');
  };
  const suffixAgreement = (end: number) => {
    if (suffix === undefined) return undefined;
    return contextAgreement(suffix, haystack.slice(end, end + suffix.length + CONTEXT_SLACK), 'start');
  };
  const distance = (candidate: Candidate) => (hint === undefined ? 0 : Math.abs(candidate.start - hint));
  const nearness = (candidate: Candidate) =>
    hint === undefined ? undefined : 1 - Math.min(1, distance(candidate) / Math.max(1, haystack.length));

  const assess = (candidate: Candidate) => {
    const before = prefixAgreement(candidate.start);
    const after = suffixAgreement(candidate.end);
    return {
      candidate,
      context: weightedScore([[WEIGHTS.prefix, before], [WEIGHTS.suffix, after]]),
      score: weightedScore([
        [WEIGHTS.quote, 1 - candidate.errors / pattern.length],
        [WEIGHTS.prefix, before],
        [WEIGHTS.suffix, after],
        [WEIGHTS.position, nearness(candidate)],
      ]),
    };
  };
  const toMatch = ({ candidate, score }: ReturnType<typeof assess>, method: QuoteMatch['method']) => ({
    ...(candidate.original ?? text.toOriginal(candidate.start, candidate.end)),
    method,
    score,
  });

  if (!effort.take(exactWork(2 * haystack.length))) return null;
  const occurrences = exactOccurrences(text, quote, pattern);
  yield;
  if (occurrences.length > 0) {
    const best = occurrences
      .map(assess)
      .reduce((a, b) =>
        b.context > a.context || (b.context === a.context && distance(b.candidate) < distance(a.candidate)) ? b : a,
      );
    return toMatch(best, 'quote');
  }

  const maxErrors = Math.floor(pattern.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  const best = (candidates: Candidate[]) =>
    candidates
      .map(assess)
      .reduce((a, b) => (b.score > a.score || (b.score === a.score && distance(b.candidate) < distance(a.candidate)) ? b : a));

  if (pattern.length > LONG_QUOTE) {
    const candidates = yield* longQuoteCandidates(haystack, pattern, maxErrors, hint, effort);
    if (!candidates?.length) return null;
    const found = best(candidates);
    return found.score >= threshold ? toMatch(found, 'fuzzy') : null;
  }

  // Near the old position first: a passage edited where it stood is found there for a small part of
  // what a search of the whole page costs. Search reports only the matches with the fewest edits in
  // the text it is given, so the stretch right around the old position comes first — an edited passage
  // has a few more edits than a look-alike elsewhere may have — then a wider one, for a passage that
  // moved by a paragraph or two.
  const nearby: Candidate[] = [];
  let searchedAll = false;
  if (hint !== undefined) {
    for (const reach of [pattern.length, Math.max(2 * pattern.length, NEARBY_REACH)]) {
      const from = Math.max(0, hint - reach);
      const to = Math.min(haystack.length, hint + pattern.length + maxErrors + reach);
      const found = yield* searchSteps(haystack, pattern, maxErrors, from, to, effort);
      if (found === null) return null;
      nearby.push(...found);
      if (found.length > 0) {
        const top = best(found);
        if (top.score >= threshold) return toMatch(top, 'fuzzy');
      }
      if (to - from === haystack.length) {
        searchedAll = true;
        break;
      }
      yield;
    }
  }
  // Not near its old place: the whole text, whose best matches compete with those found nearby.
  let candidates = nearby;
  if (!searchedAll) {
    const found = yield* searchSteps(haystack, pattern, maxErrors, 0, haystack.length, effort);
    if (found === null) return null;
    candidates = [...found, ...nearby];
  }
  if (candidates.length === 0) return null;
  const found = best(candidates);
  return found.score >= threshold ? toMatch(found, 'fuzzy') : null;
}

/**
 * Where the quote occurs unchanged, whitespace aside. Where it occurs literally, the literal span is
 * kept, so that whitespace the quote begins or ends with stays part of the match.
 */
function exactOccurrences(text: CompactText, quote: string, pattern: string): Candidate[] {
  const literal = new Map<number, Candidate>();
  for (let at = text.original.indexOf(quote); at !== -1; at = text.original.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const start = text.toCompact(at);
    literal.set(start, { start, end: text.toCompact(end), original: { start: at, end }, errors: 0 });
  }
  const found: Candidate[] = [];
  for (let at = text.compact.indexOf(pattern); at !== -1; at = text.compact.indexOf(pattern, at + 1)) {
    found.push(literal.get(at) ?? { start: at, end: at + pattern.length, errors: 0 });
  }
  return found;
}
