import type { Script } from './characters';
import type { Deinflection, Deinflector } from './deinflect';
import { casedWord } from './fold';
import { TokenFlag, joinerBetween } from './tokenize';

/**
 * The last few tokens of a text (no match reaches further back than the longest alias is long), in a
 * ring indexed by token number, so a 5 MB page never lives in memory as a million token objects.
 * What a walk asks of a token beyond its folded form is worked out when first asked.
 */
export class TokenWindow {
  readonly text: string;
  /** Tokens received so far. */
  count = 0;
  readonly #mask: number;
  readonly #folded: string[];
  readonly #start: Int32Array;
  readonly #end: Int32Array;
  readonly #flags: Int32Array;
  readonly #joiners: (string | undefined)[];
  readonly #cased: (string | undefined)[];
  readonly #deinflector: Deinflector;

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
    return this.#deinflector.deinflect(this.folded(index), script, (flags & TokenFlag.ApostropheAfter) !== 0);
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
