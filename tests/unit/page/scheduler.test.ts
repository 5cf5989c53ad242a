import { afterEach, describe, expect, it } from 'vitest';
import { eachSliced, SLICE_MS, sliceClock } from '../../../lib/page/scheduler';

/** Keeps the main thread for `ms`, as a step of real work would. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/**
 * A browser's `scheduler.postTask`, recording when Backstory gave the main thread back: what ran
 * between two of those moments ran in one task, without a break the page could use.
 */
function recordYields(): { yields: number[]; resumed: number[] } {
  const yields: number[] = [];
  const resumed: number[] = [];
  Object.defineProperty(globalThis, 'scheduler', {
    configurable: true,
    value: {
      postTask: (callback: () => void) => {
        yields.push(performance.now());
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            resumed.push(performance.now());
            resolve(callback());
          }, 0),
        );
      },
    },
  });
  return { yields, resumed };
}

afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
});

describe('slicing Backstory’s work', () => {
  it('counts work done earlier in the same task against the first slice', async () => {
    const { yields, resumed } = recordYields();
    const began = sliceClock();
    busy(SLICE_MS - 1); // e.g. building the matcher from the lookup's answer
    const done: number[] = [];
    await eachSliced([1, 2, 3, 4, 5, 6], () => {
      busy(3);
      done.push(performance.now());
    });
    expect(done).toHaveLength(6);
    // The first yield comes after at most one step of 3 ms, not after a whole slice of steps more.
    expect(yields[0]! - began).toBeLessThan(SLICE_MS + 3 + 2);
    // Every task after it, from its start to its yield, stays within a slice and one step too.
    const stretches = yields.slice(1).map((at, i) => at - resumed[i]!);
    for (const stretch of stretches) expect(stretch).toBeLessThan(SLICE_MS + 3 + 4);
  });

  it('gives a later task a budget of its own', async () => {
    recordYields();
    const first = sliceClock();
    expect(sliceClock()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sliceClock()).toBeGreaterThan(first);
  });

  it('stops at once when cancelled, and says so', async () => {
    recordYields();
    let steps = 0;
    const finished = await eachSliced([1, 2, 3], () => steps++, () => steps >= 2);
    expect(finished).toBe(false);
    expect(steps).toBe(2);
  });
});
