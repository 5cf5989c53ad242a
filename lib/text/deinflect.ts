import { Script } from './characters';
import { foldWord } from './fold';
import { INFLECTIONS, type InflectionLanguage } from './inflections';

/** One ending of the inflection table, folded: `…inflected` may be the inflected form of `…base`. */
export interface DeinflectionRule {
  readonly language: InflectionLanguage;
  readonly script: Script;
  readonly inflected: string;
  readonly base: string;
  /** Folded letters one of which must end the root; null for any. */
  readonly after: ReadonlySet<string> | null;
  readonly outsideName: boolean;
  readonly beforeApostrophe: boolean;
}

export interface Deinflection {
  readonly base: string;
  readonly rule: DeinflectionRule;
}

/** Shorter base forms are too easily made out of ordinary words. */
const MIN_BASE_LENGTH = 3;
/** What an ending leaves of the word must be more than a single letter. */
const MIN_ROOT_LENGTH = 2;

const NONE: readonly Deinflection[] = [];

function fold(s: string): string {
  return foldWord(s, 0, s.length).folded;
}

/** Every rule of the table, folded, for the given languages. */
function deinflectionRulesOf(languages: Iterable<InflectionLanguage>): DeinflectionRule[] {
  const rules: DeinflectionRule[] = [];
  const seen = new Set<string>();
  for (const language of new Set(languages)) {
    const entry = INFLECTIONS[language];
    const script = entry.script === 'Latin' ? Script.Latin : Script.Cyrillic;
    for (const pattern of entry.patterns) {
      const base = fold(pattern.base);
      const stem = 'stem' in pattern ? fold(pattern.stem) : '';
      const after = 'after' in pattern ? new Set([...pattern.after].map(fold)) : null;
      const outsideName = 'outsideName' in pattern;
      const beforeApostrophe = 'beforeApostrophe' in pattern;
      for (const ending of pattern.endings) {
        const inflected = stem + fold(ending);
        // Folding can make an ending its own base (Polish ą → a): that is no inflection.
        if (inflected === '' || inflected === base) continue;
        const key = [
          language,
          inflected,
          base,
          'after' in pattern ? pattern.after : '',
          outsideName,
          beforeApostrophe,
        ].join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        rules.push({ language, script, inflected, base, after, outsideName, beforeApostrophe });
      }
    }
  }
  return rules;
}

interface ScriptIndex {
  readonly byEnding: Map<string, DeinflectionRule[]>;
  longestEnding: number;
}

/** Words remembered per script and apostrophe before the memo is cleared: enough for the vocabulary of a long page. */
const MEMO_LIMIT = 50_000;

/** Finds the base forms a folded word may be an inflection of, by the table's endings. */
export class Deinflector {
  readonly #byScript = new Map<Script, ScriptIndex>();
  /** Found base forms by folded word, one map per script and per apostrophe after. */
  readonly #memo = new Map<number, Map<string, readonly Deinflection[]>>();

  constructor(languages: Iterable<InflectionLanguage> = Object.keys(INFLECTIONS) as InflectionLanguage[]) {
    for (const rule of deinflectionRulesOf(languages)) {
      let index = this.#byScript.get(rule.script);
      if (!index) this.#byScript.set(rule.script, (index = { byEnding: new Map(), longestEnding: 0 }));
      const rules = index.byEnding.get(rule.inflected);
      if (rules) rules.push(rule);
      else index.byEnding.set(rule.inflected, [rule]);
      index.longestEnding = Math.max(index.longestEnding, rule.inflected.length);
    }
  }

  /** Whether any rule applies to words in this script. */
  handles(script: Script): boolean {
    return this.#byScript.has(script);
  }

  deinflect(folded: string, script: Script, beforeApostrophe: boolean): readonly Deinflection[] {
    const index = this.#byScript.get(script);
    if (!index) return NONE;
    const memoKey = script * 2 + (beforeApostrophe ? 1 : 0);
    let memo = this.#memo.get(memoKey);
    if (!memo) this.#memo.set(memoKey, (memo = new Map()));
    let found = memo.get(folded);
    if (found === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(folded, (found = deinflectWith(index, folded, beforeApostrophe)));
    }
    return found;
  }
}

function deinflectWith(index: ScriptIndex, folded: string, beforeApostrophe: boolean): readonly Deinflection[] {
  let found: Deinflection[] | null = null;
  const n = folded.length;
  for (let k = 1; k <= index.longestEnding && n - k >= MIN_ROOT_LENGTH; k++) {
    const rules = index.byEnding.get(folded.slice(n - k));
    if (!rules) continue;
    const root = folded.slice(0, n - k);
    const last = root[root.length - 1]!;
    for (const rule of rules) {
      if (rule.beforeApostrophe && !beforeApostrophe) continue;
      if (rule.after && !rule.after.has(last)) continue;
      const base = root + rule.base;
      if (base.length < MIN_BASE_LENGTH) continue;
      (found ??= []).push({ base, rule });
    }
  }
  return found ?? NONE;
}
