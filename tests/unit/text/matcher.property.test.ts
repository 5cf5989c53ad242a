// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher, foldForSearch, indexKey, lookupKeys, mayOccurIn, type AliasSpec, type TextMatch } from '../../../lib/text';
import { inflectionLanguagesOf } from '../../../lib/text/alias-language';
import { Script } from '../../../lib/text/characters';
import { casedWord } from '../../../lib/text/fold';
import { INFLECTIONS, type InflectionLanguage } from '../../../lib/text/inflections';

// A slow, obvious matcher to hold the real one to: words by regular expression, every alias tried at
// every word, every ending of the table tried on every word. It shares only the folding of a single
// word and the choice of an alias's languages, which have tables of their own.

interface Word {
  start: number;
  end: number;
  folded: string;
  cased: string;
  script: Script;
  /** What stands between this word and the one before: null for spaces and hyphens. */
  joiner: string | null;
  apostropheAfter: boolean;
}

const SPACES_AND_HYPHENS = /^[\s\-\u2010\u2011\u2012\u2013\u2212]*$/u;
const APOSTROPHE = /['`´ʼ‘’‛′＇]/u;

function scriptOfFolded(folded: string): Script {
  const latin = folded.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const cyrillic = folded.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (latin === 0 && cyrillic === 0) return Script.Other;
  if (latin !== cyrillic) return latin > cyrillic ? Script.Latin : Script.Cyrillic;
  return /^[^\p{L}]*\p{Script=Latin}/u.test(folded) ? Script.Latin : Script.Cyrillic;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const folded = foldForSearch(m[0]);
    const previous = words[words.length - 1];
    const gap = previous ? text.slice(previous.end, start) : '';
    const joiner = SPACES_AND_HYPHENS.test(gap)
      ? null
      : gap
          .replace(/\s/gu, '')
          .replace(new RegExp(APOSTROPHE.source, 'gu'), "'")
          .replace(/[\u2010-\u2013\u2212]/gu, '-');
    words.push({
      start,
      end,
      folded,
      cased: casedWord(text, start, end),
      script: scriptOfFolded(folded),
      joiner,
      apostropheAfter: false,
    });
  }
  for (const word of words) word.apostropheAfter = APOSTROPHE.test(text.charAt(word.end));
  return words;
}

function fold(s: string): string {
  return foldForSearch(s);
}

interface Reading {
  language: InflectionLanguage;
  inflectedLength: number;
  outsideName: boolean;
}

/** Every way the text word can be read as the alias word: as written (null), or by an ending of the table. */
function readings(word: Word, aliasWord: string, languages: ReadonlySet<InflectionLanguage>): (Reading | null)[] {
  const found: (Reading | null)[] = word.folded === aliasWord ? [null] : [];
  for (const language of languages) {
    const entry = INFLECTIONS[language];
    if ((entry.script === 'Latin' ? Script.Latin : Script.Cyrillic) !== word.script) continue;
    for (const pattern of entry.patterns) {
      const base = fold(pattern.base);
      const stem = 'stem' in pattern ? fold(pattern.stem) : '';
      for (const ending of pattern.endings) {
        const inflected = stem + fold(ending);
        if (inflected === base || !word.folded.endsWith(inflected)) continue;
        const root = word.folded.slice(0, word.folded.length - inflected.length);
        if (root.length < 2 || root + base !== aliasWord || aliasWord.length < 3) continue;
        if ('after' in pattern && ![...pattern.after].map(fold).includes(root.charAt(root.length - 1))) continue;
        if ('beforeApostrophe' in pattern && !word.apostropheAfter) continue;
        found.push({ language, inflectedLength: inflected.length, outsideName: 'outsideName' in pattern });
      }
    }
  }
  return found;
}

interface Compiled {
  spec: AliasSpec;
  order: number;
  words: Word[];
  /** Per word: whether the text may leave out the period before it (after "St. ", not after "U. "). */
  optionalPeriod: boolean[];
  /** Ends in a period that joins its last word (U.S.): see endOfDotted. */
  dotted: boolean;
  caseSensitive: boolean;
  languages: ReadonlySet<InflectionLanguage>;
}

function compile(spec: AliasSpec, order: number): Compiled | null {
  const words = wordsOf(spec.text);
  if (words.length === 0) return null;
  const optionalPeriod = words.map(
    (word, k) => k > 0 && word.joiner === '.' && /\s/u.test(spec.text.slice(words[k - 1]!.end, word.start)) && [...words[k - 1]!.folded].length > 1,
  );
  const letters = [...spec.text].filter((ch) => /\p{L}/u.test(ch));
  const acronym = letters.length >= 1 && letters.length <= 5 && letters.every((ch) => /\p{Lu}/u.test(ch));
  const script = words.find((w) => w.script !== Script.Other)?.script ?? Script.Other;
  return {
    spec,
    order,
    words,
    optionalPeriod,
    dotted: words.length > 1 && words[words.length - 1]!.joiner === '.' && /\.\s*$/u.test(spec.text),
    caseSensitive: spec.caseSensitive ?? acronym,
    languages: inflectionLanguagesOf(spec, script),
  };
}

interface Found {
  last: number;
  end: number;
  inflected: number;
  alias: Compiled;
}

/**
 * Where a match of a dotted alias from `start`, its last letter at `end`, ends: after the period that
 * follows, if one does; -1 when the letters before or after are dotted too (U.S. in U.S.A. or A.U.S.).
 */
function endOfDotted(text: string, start: number, end: number): number {
  const letterOrDigit = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
  if (text.charAt(start - 1) === '.' && letterOrDigit(text.charAt(start - 2))) return -1;
  if (text.charAt(end) !== '.') return end;
  return letterOrDigit(text.charAt(end + 1)) ? -1 : end + 1;
}

/** Every way the alias matches the words of `text` from `first` on. */
function matchesAt(text: string, words: Word[], first: number, alias: Compiled): Found[] {
  const n = alias.words.length;
  if (first + n > words.length) return [];
  const options: (Reading | null)[][] = [];
  for (let k = 0; k < n; k++) {
    const word = words[first + k]!;
    const aliasWord = alias.words[k]!;
    const joinerFits = alias.optionalPeriod[k] ? word.joiner === null || word.joiner === '.' : word.joiner === aliasWord.joiner;
    if (k > 0 && !joinerFits) return [];
    const ways = readings(word, aliasWord.folded, alias.languages).filter((reading) => {
      if (reading?.outsideName && k !== n - 1) return false;
      if (!alias.caseSensitive) return true;
      if (!reading) return word.cased === aliasWord.cased;
      const root = word.folded.length - reading.inflectedLength;
      return word.cased.length === word.folded.length && word.cased.slice(0, root) === aliasWord.cased.slice(0, root);
    });
    if (ways.length === 0) return [];
    options.push(ways);
  }
  let combos: (Reading | null)[][] = [[]];
  for (const ways of options) combos = combos.flatMap((combo) => ways.map((way) => [...combo, way]));
  const last = first + n - 1;
  return combos.flatMap((combo) => {
    const final = combo[n - 1];
    const lastLetter = final?.outsideName ? words[last]!.end - final.inflectedLength : words[last]!.end;
    const end = alias.dotted ? endOfDotted(text, words[first]!.start, lastLetter) : lastLetter;
    return end < 0 ? [] : [{ last, end, inflected: combo.filter(Boolean).length, alias }];
  });
}

function referenceFindAll(aliasSpecs: AliasSpec[], text: string): TextMatch[] {
  const aliases = aliasSpecs.map(compile).filter((a): a is Compiled => a !== null);
  const words = wordsOf(text);
  const matches: TextMatch[] = [];
  for (let first = 0; first < words.length;) {
    const found = aliases.flatMap((alias) => matchesAt(text, words, first, alias));
    if (found.length === 0) {
      first++;
      continue;
    }
    const end = Math.max(...found.map((f) => f.end));
    const inflected = Math.min(...found.filter((f) => f.end === end).map((f) => f.inflected));
    const best = found.filter((f) => f.end === end && f.inflected === inflected);
    const byEntity = new Map<string, Compiled>();
    for (const { alias } of best) {
      const held = byEntity.get(alias.spec.entityId);
      const weight = alias.spec.weight ?? 0;
      const heldWeight = held?.spec.weight ?? 0;
      if (!held || weight > heldWeight || (weight === heldWeight && alias.order < held.order))
        byEntity.set(alias.spec.entityId, alias);
    }
    const weightOf = (id: string): number => byEntity.get(id)!.spec.weight ?? 0;
    const entityIds = [...byEntity.keys()].sort((a, b) => weightOf(b) - weightOf(a) || (a < b ? -1 : a > b ? 1 : 0));
    matches.push({ start: words[first]!.start, end, entityIds, alias: byEntity.get(entityIds[0]!)!.spec.text });
    first = Math.max(...best.map((f) => f.last)) + 1;
  }
  return matches;
}

const FRAGMENTS = [
  'Putin',
  'Путин',
  'Путина',
  'Součka',
  'Tokayev',
  'Токаев',
  'Kassym',
  'Jomart',
  'Souček',
  'Novák',
  'Wałęsa',
  'Sudan',
  'South',
  'CSTO',
  'US',
  'cis',
  'Papa',
  'cop',
  'Obama',
  'ОДКБ',
  'Лукашенко',
  'Lukashenk\u0430',
  'Ким',
  'Тоқаев',
  'U',
  'S',
  'St',
];
const FORMS = [
  'Součka',
  'Součkovi',
  'Nováka',
  'Wałęsy',
  'Wałęsie',
  'Путина',
  'Путиным',
  'Токаева',
  'Токаевым',
  'Тоқаевтың',
  'Кима',
  'сор',
  'Рара',
  '\u0420apa',
  'cisgender',
  'us',
  'Us',
  'Sudanese',
  'Obamas',
  'Lukashenka',
  'Лукашенкo',
  'x',
  'Ан',
];
const ENDINGS = ['а', 'у', 'ым', 'е', 'ой', 'ovi', 'em', 'y', 'ie', 's', 'тың', 'і'];
const SEPARATORS = [' ', '  ', '-', '\u00A0', '\n', ', ', '.', '. ', "'", '’', ' / ', '\u2011', '\u2013', '’s '];

const fragment = fc.constantFrom(...FRAGMENTS);

const aliasArbitrary: fc.Arbitrary<AliasSpec> = fc.record(
  {
    entityId: fc.constantFrom('a', 'b', 'c', 'd'),
    text: fc
      .tuple(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', "'", '.', '. '), fc.constantFrom('', '.'))
      .map(([parts, joiner, final]) => parts.join(joiner) + final),
    lang: fc.constantFrom(undefined, 'ru', 'cs', 'pl', 'kk', 'be', 'uk', 'en'),
    caseSensitive: fc.constantFrom(undefined, true, false),
    weight: fc.constantFrom(undefined, 0, 1, 2),
  },
  { requiredKeys: ['entityId', 'text'] },
);

const wordArbitrary = fc.oneof(
  fragment,
  fragment.map((f) => f.toUpperCase()),
  fragment.map((f) => f.toLowerCase()),
  fc.tuple(fragment, fc.constantFrom(...ENDINGS)).map(([f, e]) => f + e),
  fc.constantFrom(...FORMS),
);

const separator = fc.constantFrom(...SEPARATORS);

/** Aliases (some naming two entities, some inflected forms of others), and a text made mostly of them: as written, re-spaced, re-cased, given endings, stripped of their periods, mixed with other words. */
const aliasesArbitrary: fc.Arbitrary<AliasSpec[]> = fc
  .array(aliasArbitrary, { minLength: 1, maxLength: 6 })
  .chain((aliases) =>
    fc
      .tuple(fc.subarray(aliases), fc.subarray(aliases), fc.constantFrom(...ENDINGS))
      .map(([shared, inflected, ending]) => [
        ...aliases,
        ...shared.map((a) => ({ ...a, entityId: `${a.entityId}-too`, weight: 1 })),
        ...inflected.map((a) => ({ ...a, entityId: `${a.entityId}-${ending}`, text: a.text + ending })),
      ]),
  );

const scenario: fc.Arbitrary<[AliasSpec[], string]> = aliasesArbitrary.chain((aliases) => {
  const variant = fc.record({
    alias: fc.constantFrom(...aliases.map((a) => a.text)),
    ending: fc.option(fc.constantFrom(...ENDINGS)),
    onEveryWord: fc.boolean(),
    casing: fc.constantFrom('as written', 'upper', 'lower'),
    spacing: fc.option(separator),
    withoutPeriods: fc.boolean(),
  });
  const aliasVariant = variant.map(({ alias, ending, onEveryWord, casing, spacing, withoutPeriods }) => {
    let w = withoutPeriods ? alias.replaceAll('.', '') : alias;
    if (ending !== null) w = (onEveryWord ? w.replace(/(?=[ \-'])/g, ending) : w) + ending;
    if (casing === 'upper') w = w.toUpperCase();
    if (casing === 'lower') w = w.toLowerCase();
    return spacing === null ? w : w.replace(/[ \-']/g, spacing);
  });
  const word = fc.oneof({ weight: 2, arbitrary: aliasVariant }, { weight: 1, arbitrary: wordArbitrary });
  const text = fc
    .array(fc.tuple(word, separator), { maxLength: 10 })
    .map((pieces) => pieces.map(([w, s]) => w + s).join(''));
  return fc.tuple(fc.constant(aliases), text);
});

describe('Matcher, on random texts and aliases', () => {
  it('agrees with the slow, obvious reference', () => {
    fc.assert(
      fc.property(scenario, ([aliases, text]) => {
        const matches = new Matcher(aliases).findAll(text);
        expect(matches).toEqual(referenceFindAll(aliases, text));
        for (const { start, end } of matches) {
          expect(0 <= start && start < end && end <= text.length).toBe(true);
          expect(text.slice(start, end).trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('only ever finds aliases whose index key, and every other word, lookupKeys asks for', () => {
    fc.assert(
      fc.property(scenario, ([aliases, text]) => {
        const keys = new Set(lookupKeys([text]));
        for (const { alias } of new Matcher(aliases).findAll(text)) {
          expect(keys).toContain(indexKey({ text: alias }));
          expect(mayOccurIn({ text: alias }, keys)).toBe(true);
        }
        const candidates = aliases.filter((alias) => keys.has(indexKey(alias)) && mayOccurIn(alias, keys));
        expect(new Matcher(candidates).findAll(text)).toEqual(new Matcher(aliases).findAll(text));
      }),
      { numRuns: 200 },
    );
  });
});
