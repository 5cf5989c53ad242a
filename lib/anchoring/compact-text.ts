/**
 * Whitespace as anchoring sees it: what a regular expression's `\s` matches, plus the zero-width
 * space, which pages insert as an invisible line-break hint.
 */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function withoutWhitespace(text: string): string {
  let result = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (isWhitespace(text.charCodeAt(i))) {
      if (i > runStart) result += text.slice(runStart, i);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : result + text.slice(runStart);
}

/**
 * Compacts `original` from `from` to `to`: notes where each non-whitespace character came from in
 * `origins` (from index `count` on) and pushes the runs between whitespace to `pieces`. One pass, with
 * the common characters decided without a call. Returns the new count.
 */
function compactStretch(original: string, from: number, to: number, origins: Uint32Array, count: number, pieces: string[]): number {
  let runStart = -1;
  for (let i = from; i < to; i++) {
    const code = original.charCodeAt(i);
    const space = code <= 0x20 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : code >= 0xa0 && isWhitespace(code);
    if (space) {
      if (runStart >= 0) {
        pieces.push(original.slice(runStart, i));
        runStart = -1;
      }
    } else {
      origins[count++] = i;
      if (runStart < 0) runStart = i;
    }
  }
  if (runStart >= 0) pieces.push(original.slice(runStart, to));
  return count;
}

/**
 * A text with all its whitespace removed, remembering where each remaining character came from.
 *
 * Pages reflow their markup between visits: "a  b\n c" becomes "a b c", and the join between two
 * paragraphs may gain or lose a newline. Comparing quotes in this view makes all of those equal, and
 * `toOriginal` maps a match back to offsets in the text the DOM really holds.
 */
export class CompactText {
  readonly original: string;
  readonly compact: string;
  /** For each character of `compact`, its offset in `original`; strictly increasing. */
  readonly #origins: Uint32Array;

  constructor(original: string, prepared?: { origins: Uint32Array; compact: string }) {
    this.original = original;
    if (!prepared) {
      const origins = new Uint32Array(original.length);
      const pieces: string[] = [];
      const count = compactStretch(original, 0, original.length, origins, 0, pieces);
      prepared = { origins: origins.subarray(0, count), compact: pieces.join('') };
    }
    this.#origins = prepared.origins;
    this.compact = prepared.compact;
  }

  /** The same, built a stretch of text at a time with a pause whenever a slice has used `sliceMs`. */
  static async sliced(original: string, pause: () => Promise<void>, sliceMs: number): Promise<CompactText> {
    const STRETCH = 8_192;
    const origins = new Uint32Array(original.length);
    const pieces: string[] = [];
    let count = 0;
    let sliceStart = performance.now();
    for (let from = 0; from < original.length; from += STRETCH) {
      const to = Math.min(original.length, from + STRETCH);
      count = compactStretch(original, from, to, origins, count, pieces);
      if (to < original.length && performance.now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    return new CompactText(original, { origins: origins.subarray(0, count), compact: pieces.join('') });
  }

  /** The offset in `compact` of the first non-whitespace character at or after `originalOffset`. */
  toCompact(originalOffset: number): number {
    let low = 0;
    let high = this.#origins.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#origins[middle]! < originalOffset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * The span of `original` from the first to the last character of the non-empty `compact` span
   * [start, end) — whitespace around it is left out, whitespace inside kept.
   */
  toOriginal(start: number, end: number): { start: number; end: number } {
    return { start: this.#origins[start]!, end: this.#origins[end - 1]! + 1 };
  }
}
