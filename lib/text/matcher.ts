import { aliasPatternOf, type AliasPattern } from './alias-pattern';
import type { Script } from './characters';
import { Deinflector, type Deinflection, type DeinflectionRule } from './deinflect';
import { casedWord } from './fold';
import type { InflectionLanguage } from './inflections';
import { TokenFlag, forEachToken, joinerBetween, offsetBeforeFoldedEnding } from './tokenize';
import type { AliasSpec, TextMatch } from './types';

/** A node of the token trie: children keyed by folded token, kept apart by what joins them to this one. */
interface TrieNode {
  spaced: Map<string, TrieNode> | null;
  joined: Map<string, Map<string, TrieNode>> | null;
  /** The aliases that end here. */
  patterns: AliasPattern[] | null;
}

function newNode(): TrieNode {
  return { spaced: null, joined: null, patterns: null };
}

/** The best match found so far from one start token. */
interface Candidate {
  last: number;
  end: number;
  /** How many tokens matched by an ending rather than as written: fewer wins a tie. */
  inflected: number;
  patterns: AliasPattern[];
}

/**
 * One findAll call's view of its text: the last few tokens (no walk reaches further back than the
 * longest alias is long), in a ring indexed by token number, so a 5 MB page never lives in memory
 * as a million token objects.
 */
class Scan {
  readonly text: string;
  /** Tokens received so far. */
  count = 0;
  /** How each token of the path being walked was matched: as written (null) or by a rule. */
  readonly via: (DeinflectionRule | null)[] = [];
  best: Candidate | null = null;
  readonly #mask: number;
  readonly #folded: string[];
  readonly #start: Int32Array;
  readonly #end: Int32Array;
  readonly #flags: Int32Array;
  readonly #joiners: (string | undefined)[];
  readonly #cased: (string | undefined)[];
  readonly #deinflector: Deinflector;
  readonly #deinflections = new Map<string, readonly Deinflection[]>();
  readonly #deinflectionsBeforeApostrophe = new Map<string, readonly Deinflection[]>();

  constructor(text: string, reach: number, deinflector: Deinflector) {
    this.text = text;
    let size = 2;
    while (size < reach + 1) size *= 2;
    this.#mask = size - 1;
    this.#folded = new Array<string>(size).fill('');
    this.#start = new Int32Array(size);
    this.#end = new Int32Array(size);
    this.#flags = new Int32Array(size);
    this.#joiners = new Array<string | undefined>(size);
    this.#cased = new Array<string | undefined>(size);
    this.#deinflector = deinflector;
  }

  push(folded: string, start: number, end: number, flags: number): void {
    const slot = this.count++ & this.#mask;
    this.#folded[slot] = folded;
    this.#start[slot] = start;
    this.#end[slot] = end;
    this.#flags[slot] = flags;
    this.#joiners[slot] = undefined;
    this.#cased[slot] = undefined;
  }

  folded(index: number): string {
    return this.#folded[index & this.#mask]!;
  }

  start(index: number): number {
    return this.#start[index & this.#mask]!;
  }

  end(index: number): number {
    return this.#end[index & this.#mask]!;
  }

  joinedBefore(index: number): boolean {
    return (this.#flags[index & this.#mask]! & TokenFlag.JoinedBefore) !== 0;
  }

  deinflectionsOf(index: number): readonly Deinflection[] | null {
    const flags = this.#flags[index & this.#mask]!;
    const script = (flags & TokenFlag.ScriptMask) as Script;
    if (!this.#deinflector.handles(script)) return null;
    const folded = this.folded(index);
    const beforeApostrophe = (flags & TokenFlag.ApostropheAfter) !== 0;
    const cache = beforeApostrophe ? this.#deinflectionsBeforeApostrophe : this.#deinflections;
    let found = cache.get(folded);
    if (!found) cache.set(folded, (found = this.#deinflector.deinflect(folded, script, beforeApostrophe)));
    return found;
  }

  joinerBefore(index: number): string {
    const slot = index & this.#mask;
    return (this.#joiners[slot] ??= joinerBetween(this.text, this.end(index - 1), this.#start[slot]!));
  }

  casedOf(index: number): string {
    const slot = index & this.#mask;
    return (this.#cased[slot] ??= casedWord(this.text, this.#start[slot]!, this.#end[slot]!));
  }
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
    const scan = new Scan(text, this.#reach, this.#deinflector);
    const matches: TextMatch[] = [];
    let first = 0;
    const resolveFirst = (): void => {
      scan.best = null;
      this.#walk(scan, this.#root, first, first);
      const best = scan.best as Candidate | null;
      if (best) {
        matches.push(textMatchOf(scan.start(first), best));
        first = best.last + 1;
      } else first++;
    };
    forEachToken(text, (folded, start, end, flags) => {
      scan.push(folded, start, end, flags);
      // A start is settled once every token a walk from it could reach has arrived.
      while (scan.count - first >= this.#reach) resolveFirst();
    });
    while (first < scan.count) resolveFirst();
    return matches;
  }

  #insert(pattern: AliasPattern): void {
    let node = this.#root;
    pattern.tokens.forEach((token, i) => {
      const joiner = pattern.joiners[i];
      let children: Map<string, TrieNode>;
      if (joiner === null || joiner === undefined) children = node.spaced ??= new Map();
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
    const children = index === first || !scan.joinedBefore(index) ? node.spaced : node.joined?.get(scan.joinerBefore(index));
    if (!children) return;
    this.#step(scan, children, first, index, scan.folded(index), null);
    const deinflections = scan.deinflectionsOf(index);
    if (deinflections) for (const { base, rule } of deinflections) this.#step(scan, children, first, index, base, rule);
  }

  #step(scan: Scan, children: Map<string, TrieNode>, first: number, index: number, key: string, rule: DeinflectionRule | null): void {
    const child = children.get(key);
    if (!child) return;
    scan.via[index - first] = rule;
    if (child.patterns) considerTerminal(scan, child.patterns, first, index);
    if ((child.spaced || child.joined) && index + 1 < scan.count) this.#walk(scan, child, first, index + 1);
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
    const written = scan.casedOf(first + d);
    const wanted = pattern.cased[d]!;
    const rule = scan.via[d];
    if (!rule) {
      if (written !== wanted) return false;
      continue;
    }
    // Inflected: the root must be written as in the alias; the ending was compared when folded.
    const folded = scan.folded(first + d);
    if (written.length !== folded.length) return false;
    const root = folded.length - rule.inflected.length;
    if (written.slice(0, root) !== wanted.slice(0, root)) return false;
  }
  return true;
}

function considerTerminal(scan: Scan, patterns: readonly AliasPattern[], first: number, last: number): void {
  const depth = last - first;
  let end = -1;
  let inflected = 0;
  for (const pattern of patterns) {
    if (!accepts(scan, pattern, first, depth)) continue;
    if (end < 0) {
      const lastRule = scan.via[depth];
      end = lastRule?.outsideName
        ? offsetBeforeFoldedEnding(scan.text, scan.start(last), scan.end(last), lastRule.inflected.length)
        : scan.end(last);
      for (let d = 0; d <= depth; d++) if (scan.via[d]) inflected++;
    }
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
  const entityIds = [...byEntity.keys()].sort((a, b) => byEntity.get(b)!.weight - byEntity.get(a)!.weight || byCodeUnits(a, b));
  return { start, end: best.end, entityIds, alias: byEntity.get(entityIds[0]!)!.text };
}
