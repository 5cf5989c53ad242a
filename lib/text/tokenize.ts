import { ASCII_KINDS, CharKind, Script, charKindOf, scriptOf } from './characters';
import { FoldKind, foldKindOf, foldWord, foldedLetters, lowerFoldOf } from './fold';

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
 * skipped, not treated as breaks. One pass; a word in one script that folds letter for letter as
 * itself or as its lower case (most words) is folded by slicing the text.
 */
export function forEachToken(text: string, visit: TokenVisitor): void {
  let start = -1;
  let end = -1;
  let fold: FoldKind = FoldKind.Itself;
  /** One bit per Script seen among the token's letters. */
  let scripts = 0;
  let unspaced = false;
  let joined = false;

  const finish = (apostropheAfter: boolean): void => {
    let folded: string;
    let script: Script;
    const letterScripts = scripts & ~(1 << Script.Other);
    if ((letterScripts & (letterScripts - 1)) !== 0) {
      ({ folded, script } = foldWord(text, start, end));
    } else {
      script = (letterScripts === 0 ? Script.Other : 31 - Math.clz32(letterScripts)) as Script;
      if (fold === FoldKind.Itself) folded = text.slice(start, end);
      else if (fold === FoldKind.LowerCase) folded = text.slice(start, end).toLowerCase();
      else folded = foldedLetters(text, start, end);
    }
    const from = start;
    start = -1;
    // A token that folds to nothing (a stray accent) is no word, and no mere space either.
    if (folded === '') {
      joined = true;
      return;
    }
    visit(
      folded,
      from,
      end,
      script | (joined ? TokenFlag.JoinedBefore : 0) | (apostropheAfter ? TokenFlag.ApostropheAfter : 0),
    );
    joined = false;
  };

  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let cp = c;
    let kind: number;
    if (c < 0x80) kind = ASCII_KINDS[c]!;
    else {
      if (c >= 0xd800 && c < 0xdc00) cp = text.codePointAt(i)!;
      kind = charKindOf(cp);
    }
    const length = cp > 0xffff ? 2 : 1;
    if (kind === CharKind.Word || kind === CharKind.Mark || kind === CharKind.Unspaced) {
      // An unspaced letter is a token of its own, with the marks that follow it.
      if (start >= 0 && (kind === CharKind.Unspaced || (kind === CharKind.Word && unspaced))) finish(false);
      if (start < 0) {
        start = i;
        fold = FoldKind.Itself;
        scripts = 0;
        unspaced = kind === CharKind.Unspaced;
      }
      if (c < 0x80) {
        if (c >= 0x41) {
          scripts |= 1 << Script.Latin;
          if (c <= 0x5a && fold === FoldKind.Itself) fold = FoldKind.LowerCase;
        }
      } else {
        scripts |= 1 << scriptOf(cp);
        const letterFold = foldKindOf(cp);
        if (letterFold > fold) fold = letterFold;
      }
      end = i + length;
    } else if (kind === CharKind.Ignorable) {
      if (start >= 0) fold = FoldKind.Otherwise;
    } else {
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
  for (let i = from; i < to;) {
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
