import { afterEach, describe, expect, it, vi } from 'vitest';
import { eachSliced, SLICE_MS, sliceClock } from '../../../lib/page/scheduler';

/**
 * The page's clock, moved only by the work below: what a slice holds is then decided by the code, not
 * by whatever else the machine running the tests is doing (a busy loop on the real clock is stretched
 * by every preemption, and a bound on it fails on a loaded machine).
 */
let clock = 1_000;
vi.spyOn(performance, 'now').mockImplementation(() => clock);

/** Keeps the main thread for `ms`, as a step of real work would. */
function busy(ms: number): void {
  clock += ms;
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
    // The first yield comes after one step of 3 ms, not after a whole slice of steps more.
    expect(yields[0]! - began).toBe(SLICE_MS - 1 + 3);
    // Every task after it, from its start to its yield, stays within a slice and one step.
    const stretches = yields.slice(1).map((at, i) => at - resumed[i]!);
    expect(stretches.length).toBeGreaterThan(0);
    for (const stretch of stretches) expect(stretch).toBeLessThanOrEqual(SLICE_MS + 3);
  });

  it('gives a later task a budget of its own', async () => {
    recordYields();
    await new Promise((resolve) => setTimeout(resolve, 0)); // a task of its own, after the last test's
    const first = sliceClock();
    expect(first).toBe(clock);
    expect(sliceClock()).toBe(first);
    busy(2);
    expect(sliceClock()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    busy(2);
    expect(sliceClock()).toBe(first + 4);
  });

  it('stops at once when cancelled, and says so', async () => {
    recordYields();
    let steps = 0;
    const finished = await eachSliced([1, 2, 3], () => steps++, () => steps >= 2);
    expect(finished).toBe(false);
    expect(steps).toBe(2);
  });
});
