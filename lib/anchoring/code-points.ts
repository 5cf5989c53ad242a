/**
 * Offsets in code points, as the W3C Web Annotation model counts a TextPositionSelector's `start` and
 * `end`, beside the UTF-16 units JavaScript strings and DOM ranges count: they differ by one after
 * each character outside the Basic Multilingual Plane (an emoji, a rare CJK character), which takes
 * two units. A lone surrogate counts as one code point, as iterating a string does.
 */
export class CodePoints {
  /** The UTF-16 offset of each surrogate pair in the text, in order. */
  readonly #pairs: number[] = [];

  constructor(readonly text: string) {
    for (const match of text.matchAll(/[\ud800-\udbff][\udc00-\udfff]/g)) this.#pairs.push(match.index);
  }

  /** The length of the text in code points. */
  get length(): number {
    return this.text.length - this.#pairs.length;
  }

  /** The code-point offset of a UTF-16 offset (one inside a pair counts as the pair's start). */
  fromUnits(units: number): number {
    return units - this.#pairsBefore((i) => this.#pairs[i]! < units);
  }

  /** The UTF-16 offset of a code-point offset. */
  toUnits(codePoints: number): number {
    // The pair i sits at code point `pairs[i] - i`.
    return codePoints + this.#pairsBefore((i) => this.#pairs[i]! - i < codePoints);
  }

  /** How many pairs, from the first, satisfy `before` (which holds for a prefix of them). */
  #pairsBefore(before: (i: number) => boolean): number {
    let low = 0;
    let high = this.#pairs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(middle)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
