import { CharKind, Script, charKindOf, scriptOf } from './characters';
import { inScriptOf } from './confusables';
import { lazy } from './lazy';

// Only the marks that writers leave out or put in at will (Latin, Cyrillic and Greek accents, Hebrew
// points, Arabic vowel signs, variation selectors) are dropped. The vowel signs of Indic or Thai
// scripts, or the kana voicing marks, tell words apart, so they are kept.
const DROPPED_MARKS: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

function isDroppedMark(cp: number): boolean {
  for (const [from, to] of DROPPED_MARKS) if (cp >= from && cp <= to) return true;
  return false;
}

// Letters whose stroke, bar or descender Unicode does not decompose, though readers (and other
// transliterations of the same name) treat them like accented letters: Łukašenka, Тоқаев.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ø: 'o',
  Ø: 'O',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŧ: 't',
  Ŧ: 'T',
  ƚ: 'l',
  ɨ: 'i',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'TH',
  қ: 'к',
  Қ: 'К',
  ҡ: 'к',
  Ҡ: 'К',
  ғ: 'г',
  Ғ: 'Г',
  ң: 'н',
  Ң: 'Н',
  ү: 'у',
  Ү: 'У',
  ұ: 'у',
  Ұ: 'У',
  ө: 'о',
  Ө: 'О',
  ҳ: 'х',
  Ҳ: 'Х',
  ҷ: 'ч',
  Ҷ: 'Ч',
};

const LETTER_DIGIT_OR_MARK = lazy(() => /[\p{L}\p{N}\p{M}]/u);

/** One code point of a word, folded but for case: compatibility forms, accents and strokes removed. */
function computeCaseFold(cp: number): string {
  const ch = String.fromCodePoint(cp);
  let out = '';
  for (const part of ch.normalize('NFKD')) {
    const undecomposed = UNDECOMPOSED[part];
    if (undecomposed !== undefined) out += undecomposed;
    else if (!isDroppedMark(part.codePointAt(0)!) && LETTER_DIGIT_OR_MARK().test(part)) out += part;
  }
  // Recompose what NFKD took apart and we kept (Hangul syllables, kana with voicing marks).
  return out.normalize('NFC');
}

/** Lower case without the final sigma, which only marks where a Greek word ends. */
function lowerCaseOf(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}

// Folds computed so far: arrays up to U+07FF (Latin, Greek, Cyrillic and their neighbours), maps above.
// Not arrays of all 65,536 code points: allocating two of those took 5 ms of the task that evaluates the
// marker, on every page.
const ARRAY_END = 0x800;
const lowCaseFolds: (string | undefined)[] = new Array(ARRAY_END);
const lowLowerFolds: (string | undefined)[] = new Array(ARRAY_END);
const highCaseFolds = new Map<number, string>();
const highLowerFolds = new Map<number, string>();

function caseFoldOf(cp: number): string {
  if (cp < ARRAY_END) return (lowCaseFolds[cp] ??= computeCaseFold(cp));
  let fold = highCaseFolds.get(cp);
  if (fold === undefined) highCaseFolds.set(cp, (fold = computeCaseFold(cp)));
  return fold;
}

/** One code point of a word, fully folded. */
export function lowerFoldOf(cp: number): string {
  if (cp < ARRAY_END) return (lowLowerFolds[cp] ??= lowerCaseOf(caseFoldOf(cp)));
  let fold = highLowerFolds.get(cp);
  if (fold === undefined) highLowerFolds.set(cp, (fold = lowerCaseOf(caseFoldOf(cp))));
  return fold;
}

export interface FoldedWord {
  readonly folded: string;
  /** The script most of its letters are written in (Other if none is Latin, Cyrillic or Greek). */
  readonly script: Script;
}

interface ScriptCount {
  majority: Script;
  mixed: boolean;
}

/**
 * Which script a word is written in. A word mixing scripts is almost always a look-alike letter slipped
 * in (by accident or to dodge filters), so the majority wins; a tie goes to the script of the first letter.
 */
function countScripts(text: string, start: number, end: number): ScriptCount {
  const counts = [0, 0, 0, 0];
  let first: Script = Script.Other;
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const script = scriptOf(cp);
    if (script === Script.Other) continue;
    if (first === Script.Other) first = script;
    counts[script]!++;
  }
  let majority: Script = first;
  for (const script of [Script.Latin, Script.Cyrillic, Script.Greek]) {
    if (counts[script]! > counts[majority]!) majority = script;
  }
  const used =
    (counts[Script.Latin]! > 0 ? 1 : 0) + (counts[Script.Cyrillic]! > 0 ? 1 : 0) + (counts[Script.Greek]! > 0 ? 1 : 0);
  return { majority, mixed: used > 1 };
}

function caseFoldedRange(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (charKindOf(cp) !== CharKind.Ignorable) out += caseFoldOf(cp);
  }
  return out;
}

/** The word text[start, end) folded letter by letter, look-alikes left alone (for a word in one script). */
export function foldedLetters(text: string, start: number, end: number): string {
  let folded = '';
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (charKindOf(cp) !== CharKind.Ignorable) folded += lowerFoldOf(cp);
  }
  return folded;
}

/** The word text[start, end) folded for comparison: case, accents, compatibility forms, look-alikes, invisibles. */
export function foldWord(text: string, start: number, end: number): FoldedWord {
  const { majority, mixed } = countScripts(text, start, end);
  const folded = mixed
    ? lowerCaseOf(inScriptOf(caseFoldedRange(text, start, end), majority))
    : foldedLetters(text, start, end);
  return { folded, script: majority };
}

/** The word folded like `foldWord` but keeping its case, for aliases that must match as written. */
export function casedWord(text: string, start: number, end: number): string {
  const { majority, mixed } = countScripts(text, start, end);
  const cased = caseFoldedRange(text, start, end);
  return mixed ? inScriptOf(cased, majority) : cased;
}

/** How a character folds; lets the tokenizer fold most words by slicing the text. */
export const FoldKind = {
  Itself: 0,
  /** As String.prototype.toLowerCase lowers it, also in the middle of a string. */
  LowerCase: 1,
  /** Dropped, expanded, or replaced. */
  Otherwise: 2,
} as const;
export type FoldKind = (typeof FoldKind)[keyof typeof FoldKind];

const bmpFoldKinds = new Uint8Array(0x10000).fill(255);

function computeFoldKind(cp: number): FoldKind {
  const ch = String.fromCharCode(cp);
  const fold = lowerFoldOf(cp);
  if (fold === ch && ch.toLowerCase() === ch) return FoldKind.Itself;
  // Capital sigma lowers by context (final ς), which the fold does not.
  if (fold.length === 1 && ch.toLowerCase() === fold && ch !== 'Σ') return FoldKind.LowerCase;
  return FoldKind.Otherwise;
}

export function foldKindOf(cp: number): FoldKind {
  if (cp >= 0x10000) return FoldKind.Otherwise;
  let kind = bmpFoldKinds[cp]!;
  if (kind === 255) bmpFoldKinds[cp] = kind = computeFoldKind(cp);
  return kind as FoldKind;
}
