import { ASCII_KINDS, CharKind, Script, charKindOf } from './characters';
import { foldWord, lowerFoldOf } from './fold';

/** Bits of a token's `flags`. */
export const TokenFlag = {
  /** The low two bits hold the token's Script. */
  ScriptMask: 0b11,
  /** Something other than spaces and hyphens stands between this token and the one before. */
  JoinedBefore: 0b100,
  /** An apostrophe follows the token at once (Obamas’). */
  ApostropheAfter: 0b1000,
} as const;

/** Receives a token: its folded text and where it lies in the original string. */
export type TokenVisitor = (folded: string, start: number, end: number, flags: number) => void;

/**
 * Cuts text into tokens (runs of letters, digits and marks, or single letters of scripts written
 * without spaces) and folds each one. Soft hyphens and zero-width characters inside a token are
 * skipped, not treated as breaks. One pass; ASCII words are folded by slicing alone.
 */
export function forEachToken(text: string, visit: TokenVisitor): void {
  let start = -1;
  let end = -1;
  let ascii = true;
  let hasUpper = false;
  let hasLetter = false;
  let unspaced = false;
  let joined = false;

  const finish = (apostropheAfter: boolean): void => {
    let folded: string;
    let script: Script;
    if (ascii) {
      const word = text.slice(start, end);
      folded = hasUpper ? word.toLowerCase() : word;
      script = hasLetter ? Script.Latin : Script.Other;
    } else {
      ({ folded, script } = foldWord(text, start, end));
    }
    const from = start;
    start = -1;
    // A token that folds to nothing (a stray accent) is no word, and no mere space either.
    if (folded === '') {
      joined = true;
      return;
    }
    const flags = script | (joined ? TokenFlag.JoinedBefore : 0) | (apostropheAfter ? TokenFlag.ApostropheAfter : 0);
    visit(folded, from, end, flags);
    joined = false;
  };

  const begin = (i: number): void => {
    start = i;
    ascii = true;
    hasUpper = false;
    hasLetter = false;
    unspaced = false;
  };

  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    let cp = c;
    let kind: number;
    if (c < 0x80) kind = ASCII_KINDS[c]!;
    else {
      if (c >= 0xd800 && c < 0xdc00) cp = text.codePointAt(i)!;
      kind = charKindOf(cp);
    }
    const length = cp > 0xffff ? 2 : 1;
    switch (kind) {
      case CharKind.Word:
        if (start >= 0 && unspaced) finish(false);
        if (start < 0) begin(i);
        if (c >= 0x80) ascii = false;
        else if (c >= 0x41) {
          hasLetter = true;
          if (c <= 0x5a) hasUpper = true;
        }
        end = i + length;
        break;
      case CharKind.Mark:
        if (start < 0) begin(i);
        ascii = false;
        end = i + length;
        break;
      case CharKind.Unspaced:
        if (start >= 0) finish(false);
        begin(i);
        ascii = false;
        unspaced = true;
        end = i + length;
        break;
      case CharKind.Ignorable:
        if (start >= 0) ascii = false;
        break;
      default:
        if (start >= 0) finish(kind === CharKind.Apostrophe);
        if (kind === CharKind.Other || kind === CharKind.Apostrophe) joined = true;
    }
    i += length;
  }
  if (start >= 0) finish(false);
}

/** A text cut into tokens, as parallel arrays. */
export interface Tokens {
  readonly count: number;
  readonly folded: readonly string[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly flags: readonly number[];
}

/** The tokens of a short text (an alias); long texts are better walked with forEachToken. */
export function tokenize(text: string): Tokens {
  const folded: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const flags: number[] = [];
  forEachToken(text, (f, s, e, fl) => {
    folded.push(f);
    start.push(s);
    end.push(e);
    flags.push(fl);
  });
  return { count: folded.length, folded, start, end, flags };
}

/**
 * What joins two tokens when that is more than spaces and hyphens (the "’" of O’Brien, the "." of
 * U.S), folded: spaces and invisibles dropped, apostrophes and hyphens unified.
 */
export function joinerBetween(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    switch (charKindOf(cp)) {
      case CharKind.Apostrophe:
        out += "'";
        break;
      case CharKind.Hyphen:
        out += '-';
        break;
      case CharKind.Other:
        out += ch.normalize('NFKC');
        break;
      default:
    }
  }
  return out;
}

/**
 * Where in the original string the last `length` folded characters of the token text[start, end)
 * begin; used to leave an ending that is not part of the name (the s of Obamas’) out of a match.
 */
export function offsetBeforeFoldedEnding(text: string, start: number, end: number, length: number): number {
  let i = end;
  let folded = 0;
  while (i > start && folded < length) {
    const low = text.charCodeAt(i - 1);
    i -= low >= 0xdc00 && low < 0xe000 && i - 2 >= start ? 2 : 1;
    const cp = text.codePointAt(i)!;
    if (charKindOf(cp) !== CharKind.Ignorable) folded += lowerFoldOf(cp).length;
  }
  return i;
}
