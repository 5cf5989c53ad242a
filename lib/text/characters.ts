import { lazy } from './lazy';

/** The part a character plays when text is cut into words. */
export const CharKind = {
  /** Punctuation and symbols: they end a word, and keep the words of a name apart. */
  Other: 0,
  Space: 1,
  Hyphen: 2,
  Apostrophe: 3,
  /** Soft hyphens and zero-width characters: invisible, so a page may put them inside a name. */
  Ignorable: 4,
  /** A letter or digit of a script that puts spaces between words. */
  Word: 5,
  /** A combining mark: it belongs to the letter before it. */
  Mark: 6,
  /** A letter of a script written without spaces (Han, kana, Thai…): each one is a word of its own. */
  Unspaced: 7,
} as const;
export type CharKind = (typeof CharKind)[keyof typeof CharKind];

/** The scripts whose letters are confused with one another; every other script is `Other`. */
export const Script = { Other: 0, Latin: 1, Cyrillic: 2, Greek: 3 } as const;
export type Script = (typeof Script)[keyof typeof Script];

const IGNORABLES = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
// U+02BC is a letter to Unicode, but Ukrainian and transliterated names use it as an apostrophe.
const APOSTROPHES = new Set([0x0027, 0x0060, 0x00b4, 0x02bc, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07]);
// The em dash is left out on purpose: it joins clauses, not the parts of a name.
const HYPHENS = new Set([0x002d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d]);

// Made on first use (./lazy.ts): creating them costs the page's task that loads the marker a millisecond or more.
const SPACE = lazy(() => /\s/u);
const MARK = lazy(() => /\p{M}/u);
const LETTER_OR_DIGIT = lazy(() => /[\p{L}\p{N}]/u);
// Script_Extensions rather than Script, so that the kana length mark (ー, "Common") counts as kana.
const UNSPACED = lazy(
  () =>
    /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tai_Le}\p{scx=New_Tai_Lue}\p{scx=Tai_Tham}\p{scx=Tai_Viet}\p{scx=Yi}]/u,
);

function classify(cp: number): CharKind {
  if (IGNORABLES.has(cp)) return CharKind.Ignorable;
  if (APOSTROPHES.has(cp)) return CharKind.Apostrophe;
  if (HYPHENS.has(cp)) return CharKind.Hyphen;
  const ch = String.fromCodePoint(cp);
  if (SPACE().test(ch)) return CharKind.Space;
  if (MARK().test(ch)) return CharKind.Mark;
  if (LETTER_OR_DIGIT().test(ch)) return UNSPACED().test(ch) ? CharKind.Unspaced : CharKind.Word;
  return CharKind.Other;
}

// Classifying with a regular expression is slow; every code point is classified once, then looked up.
const UNKNOWN = 255;
const bmpKinds = new Uint8Array(0x10000).fill(UNKNOWN);
const astralKinds = new Map<number, CharKind>();

export function charKindOf(cp: number): CharKind {
  if (cp < 0x10000) {
    let kind = bmpKinds[cp]!;
    if (kind === UNKNOWN) bmpKinds[cp] = kind = classify(cp);
    return kind as CharKind;
  }
  let kind = astralKinds.get(cp);
  if (kind === undefined) astralKinds.set(cp, (kind = classify(cp)));
  return kind;
}

/**
 * Kinds of the ASCII characters, for the tokenizer's fast path. Spelled out rather than classified:
 * this table is built while the content script is evaluated, in the page's first task with it, where
 * compiling the regular expressions above would cost more than a millisecond (tests check it agrees).
 */
export const ASCII_KINDS: Uint8Array = Uint8Array.from({ length: 0x80 }, (_, cp) => {
  const ch = String.fromCharCode(cp);
  if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) return CharKind.Word;
  if (ch === ' ' || (cp >= 0x09 && cp <= 0x0d)) return CharKind.Space;
  if (ch === "'" || ch === '`') return CharKind.Apostrophe;
  if (ch === '-') return CharKind.Hyphen;
  return CharKind.Other;
});

const LATIN = lazy(() => /\p{Script=Latin}/u);
const CYRILLIC = lazy(() => /\p{Script=Cyrillic}/u);
const GREEK = lazy(() => /\p{Script=Greek}/u);

const bmpScripts = new Uint8Array(0x10000).fill(UNKNOWN);

export function scriptOf(cp: number): Script {
  if (cp >= 0x10000) return Script.Other;
  let script = bmpScripts[cp]!;
  if (script === UNKNOWN) {
    const ch = String.fromCharCode(cp);
    script = LATIN().test(ch)
      ? Script.Latin
      : CYRILLIC().test(ch)
        ? Script.Cyrillic
        : GREEK().test(ch)
          ? Script.Greek
          : Script.Other;
    bmpScripts[cp] = script;
  }
  return script as Script;
}
