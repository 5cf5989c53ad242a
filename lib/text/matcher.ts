import { OPTIONAL_PERIOD, aliasPatternOf, type AliasPattern } from './alias-pattern';
import { Deinflector, type DeinflectionRule } from './deinflect';
import type { InflectionLanguage } from './inflections';
import { TokenWindow } from './token-window';
import { forEachToken, offsetBeforeFoldedEnding } from './tokenize';
import type { AliasSpec, TextMatch } from './types';

/** A node of the token trie: children keyed by folded token, kept apart by what joins them to this one. */
interface TrieNode {
  spaced: Map<string, TrieNode> | null;
  joined: Map<string, Map<string, TrieNode>> | null;
  /** Children after an abbreviated word's period, which the text may leave out (see OPTIONAL_PERIOD). */
  afterOptionalPeriod: Map<string, TrieNode> | null;
  /** The aliases that end here. */
  patterns: AliasPattern[] | null;
}

function newNode(): TrieNode {
  return { spaced: null, joined: null, afterOptionalPeriod: null, patterns: null };
}

/** The best match found so far from one start token. */
interface Candidate {
  last: number;
  end: number;
  /** How many tokens matched by an ending rather than as written: fewer wins a tie. */
  inflected: number;
  patterns: AliasPattern[];
}

/** A findAll call under way: its tokens, the path being walked, and the best match from the current start. */
interface Scan {
  readonly tokens: TokenWindow;
  /** How each token of the path being walked was matched: as written (null) or by a rule. */
  readonly via: (DeinflectionRule | null)[];
  best: Candidate | null;
}

/**
 * Finds aliases in text: a trie over folded tokens, walked from each token with the token as written
 * and with every base form the inflection table allows. Linear in the length of the text.
 */
export class Matcher {
  readonly #root = newNode();
  readonly #deinflector: Deinflector;
  /** Tokens in the longest alias: how far a walk can reach. */
  #reach = 0;

  constructor(aliases: AliasSpec[]) {
    const languages = new Set<InflectionLanguage>();
    aliases.forEach((spec, order) => {
      const pattern = aliasPatternOf(spec, order);
      if (!pattern) return;
      for (const language of pattern.languages) languages.add(language);
      this.#insert(pattern);
    });
    this.#deinflector = new Deinflector(languages);
  }

  /** All non-overlapping matches, leftmost first, each the longest that starts there. */
  findAll(text: string): TextMatch[] {
    if (this.#reach === 0 || !text) return [];
    const tokens = new TokenWindow(text, this.#reach, this.#deinflector);
    const scan: Scan = { tokens, via: [], best: null };
    const matches: TextMatch[] = [];
    let first = 0;
    const resolveFirst = (): void => {
      scan.best = null;
      this.#walk(scan, this.#root, first, first);
      const best = scan.best as Candidate | null;
      if (best) {
        matches.push(textMatchOf(tokens.start(first), best));
        first = best.last + 1;
      } else first++;
    };
    forEachToken(text, (folded, start, end, flags) => {
      tokens.push(folded, start, end, flags);
      // A start is settled once every token a walk from it could reach has arrived.
      while (tokens.count - first >= this.#reach) resolveFirst();
    });
    while (first < tokens.count) resolveFirst();
    return matches;
  }

  #insert(pattern: AliasPattern): void {
    let node = this.#root;
    pattern.tokens.forEach((token, i) => {
      const joiner = pattern.joiners[i];
      let children: Map<string, TrieNode>;
      if (joiner === null || joiner === undefined) children = node.spaced ??= new Map();
      else if (joiner === OPTIONAL_PERIOD) children = node.afterOptionalPeriod ??= new Map();
      else {
        node.joined ??= new Map();
        let byJoiner = node.joined.get(joiner);
        if (!byJoiner) node.joined.set(joiner, (byJoiner = new Map()));
        children = byJoiner;
      }
      let child = children.get(token);
      if (!child) children.set(token, (child = newNode()));
      node = child;
    });
    (node.patterns ??= []).push(pattern);
    this.#reach = Math.max(this.#reach, pattern.tokens.length);
  }

  #walk(scan: Scan, node: TrieNode, first: number, index: number): void {
    const joiner = index === first || !scan.tokens.joinedBefore(index) ? null : scan.tokens.joinerBefore(index);
    this.#walkInto(scan, joiner === null ? node.spaced : node.joined?.get(joiner), first, index);
    if (node.afterOptionalPeriod && (joiner === null || joiner === '.'))
      this.#walkInto(scan, node.afterOptionalPeriod, first, index);
  }

  #walkInto(scan: Scan, children: Map<string, TrieNode> | null | undefined, first: number, index: number): void {
    if (!children) return;
    this.#step(scan, children, first, index, scan.tokens.folded(index), null);
    const deinflections = scan.tokens.deinflectionsOf(index);
    if (deinflections) for (const { base, rule } of deinflections) this.#step(scan, children, first, index, base, rule);
  }

  #step(
    scan: Scan,
    children: Map<string, TrieNode>,
    first: number,
    index: number,
    key: string,
    rule: DeinflectionRule | null,
  ): void {
    const child = children.get(key);
    if (!child) return;
    scan.via[index - first] = rule;
    if (child.patterns) considerTerminal(scan, child.patterns, first, index);
    if ((child.spaced || child.joined || child.afterOptionalPeriod) && index + 1 < scan.tokens.count)
      this.#walk(scan, child, first, index + 1);
  }
}

/** Whether the alias may be matched the way the walked path matched its tokens. */
function accepts(scan: Scan, pattern: AliasPattern, first: number, depth: number): boolean {
  for (let d = 0; d <= depth; d++) {
    const rule = scan.via[d];
    if (!rule) continue;
    if (!pattern.languages.has(rule.language)) return false;
    if (rule.outsideName && d !== depth) return false;
  }
  if (!pattern.cased) return true;
  for (let d = 0; d <= depth; d++) {
    const written = scan.tokens.casedOf(first + d);
    const wanted = pattern.cased[d]!;
    const rule = scan.via[d];
    if (!rule) {
      if (written !== wanted) return false;
      continue;
    }
    // Inflected: the root must be written as in the alias; the ending was compared when folded.
    const folded = scan.tokens.folded(first + d);
    if (written.length !== folded.length) return false;
    const root = folded.length - rule.inflected.length;
    if (written.slice(0, root) !== wanted.slice(0, root)) return false;
  }
  return true;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A full stop, also in its full-width and small forms, as joinerBetween folds them. */
function isPeriod(ch: string | undefined): boolean {
  return ch !== undefined && ch.normalize('NFKC') === '.';
}

/**
 * Where a match of `pattern` from `start` that ends its last token at `end` ends: one further for a
 * dotted abbreviation whose period follows; -1 when its dotted letters are part of a longer
 * abbreviation (U.S. in "U.S.A." or "A.U.S.").
 */
function endOf(pattern: AliasPattern, text: string, start: number, end: number): number {
  if (!pattern.dotted) return end;
  if (isPeriod(text[start - 1]) && LETTER_OR_DIGIT.test(text[start - 2] ?? '')) return -1;
  if (!isPeriod(text[end])) return end;
  return LETTER_OR_DIGIT.test(text[end + 1] ?? '') ? -1 : end + 1;
}

function considerTerminal(scan: Scan, patterns: readonly AliasPattern[], first: number, last: number): void {
  const depth = last - first;
  let tokenEnd = -1;
  let inflected = 0;
  for (const pattern of patterns) {
    if (!accepts(scan, pattern, first, depth)) continue;
    if (tokenEnd < 0) {
      const lastRule = scan.via[depth];
      tokenEnd = lastRule?.outsideName
        ? offsetBeforeFoldedEnding(
            scan.tokens.text,
            scan.tokens.start(last),
            scan.tokens.end(last),
            lastRule.inflected.length,
          )
        : scan.tokens.end(last);
      for (let d = 0; d <= depth; d++) if (scan.via[d]) inflected++;
    }
    const end = endOf(pattern, scan.tokens.text, scan.tokens.start(first), tokenEnd);
    if (end < 0) continue;
    const best = scan.best;
    if (!best || end > best.end || (end === best.end && inflected < best.inflected)) {
      scan.best = { last, end, inflected, patterns: [pattern] };
    } else if (end === best.end && inflected === best.inflected) {
      best.last = Math.max(best.last, last);
      best.patterns.push(pattern);
    }
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function textMatchOf(start: number, best: Candidate): TextMatch {
  // Each entity speaks through its weightiest alias (the first given, on a tie).
  const byEntity = new Map<string, AliasPattern>();
  for (const pattern of best.patterns) {
    const held = byEntity.get(pattern.entityId);
    if (!held || pattern.weight > held.weight || (pattern.weight === held.weight && pattern.order < held.order)) {
      byEntity.set(pattern.entityId, pattern);
    }
  }
  const entityIds = [...byEntity.keys()].sort(
    (a, b) => byEntity.get(b)!.weight - byEntity.get(a)!.weight || byCodeUnits(a, b),
  );
  return { start, end: best.end, entityIds, alias: byEntity.get(entityIds[0]!)!.text };
}
