/**
 * Bounded effort for anchoring. Approximate matching is the costly part — a search compares the page
 * with the quote a 32-character block at a time — so it is done in steps of bounded work, each a
 * generator's `yield`, and stops once a budget is spent. A caller that can wait (the page's anchoring
 * pass) pauses between steps; one that cannot runs them in one go, still bounded by the budget.
 */

/**
 * The most work in one step of approximate search. Work is counted in characters of text compared
 * times the 32-character blocks of pattern kept active for each (for approximate search, one plus
 * the allowed errors over 32); an exact search counts a unit per 32 characters. Measured in Node 20
 * on a shared core: 15–30 ns a unit, so a step takes 1–2 ms, 5–15 ms while the engine warms up or
 * collects garbage. An exact search through the whole text is one step: about 60,000 units on a 1 MB page.
 */
export const STEP_WORK = 60_000;

/**
 * The most work anchoring one passage may take before giving up (it is then orphaned): a quote
 * searched approximately in a few megabytes of text, well under a second of work in all.
 */
export const DEFAULT_BUDGET = 30_000_000;

/** What anchoring spent: filled in when passed as `effort` to `anchorWithInfo` or `anchorSliced`. */
export class Effort {
  /** Work units spent. */
  spent = 0;
  /** Steps run (a caller that can wait may pause between any two). */
  steps = 0;
  /** The most work done in one step. */
  largestStep = 0;
  /** True when the budget ran out before the search was over: the passage was given up for orphaned. */
  gaveUp = false;

  constructor(readonly budget: number = DEFAULT_BUDGET) {
    if (!(budget >= 0)) throw new RangeError(`An anchoring budget must be a number of work units ≥ 0, not ${budget}`);
  }

  /** Takes `work` units from the budget; false (and gives up) when they are not left. */
  take(work: number): boolean {
    if (this.spent + work > this.budget) {
      this.gaveUp = true;
      return false;
    }
    this.spent += work;
    return true;
  }
}

/** A computation in steps: each `yield` is a point where the caller may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>, effort: Effort): T {
  for (;;) {
    const before = effort.spent;
    const next = steps.next();
    record(effort, before);
    if (next.done) return next.value;
  }
}

/**
 * Gives the page its main thread back whenever a slice has run for `sliceMs`: one slicer can be
 * shared by a loop and the anchoring it calls, so that their work together makes one slice.
 */
export class Slicer {
  #sliceStart = performance.now();

  constructor(
    private readonly pause: () => Promise<void>,
    readonly sliceMs: number,
    readonly cancelled: () => boolean = () => false,
  ) {}

  /** Starts a new slice now (after the caller gave the page back by other means). */
  restart(): void {
    this.#sliceStart = performance.now();
  }

  /** Pauses if the slice has used its time; false when the work was cancelled meanwhile. */
  async breathe(): Promise<boolean> {
    if (performance.now() - this.#sliceStart > this.sliceMs) {
      await this.pause();
      this.#sliceStart = performance.now();
    }
    return !this.cancelled();
  }
}

/** Runs the steps, pausing between them as `slicer` sees fit; null when cancelled. */
export async function runStepsSliced<T>(steps: Steps<T>, effort: Effort, slicer: Slicer): Promise<T | null> {
  for (;;) {
    const before = effort.spent;
    const next = steps.next();
    record(effort, before);
    if (next.done) return next.value;
    if (!(await slicer.breathe())) {
      steps.return(undefined as T);
      return null;
    }
  }
}

function record(effort: Effort, before: number): void {
  effort.steps++;
  effort.largestStep = Math.max(effort.largestStep, effort.spent - before);
}
