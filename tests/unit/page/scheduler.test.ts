import { afterEach, describe, expect, it, vi } from 'vitest';
import { eachSliced, readInFrame, SLICE_MS, sliceClock } from '../../../lib/page/scheduler';

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

describe('reading the page in its next frame', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads in an animation frame callback, and goes on in a task after it', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    recordYields();
    const order: string[] = [];
    const reading = readInFrame(document, () => (order.push('read'), 'dark')).then((value) => order.push(`after ${value}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual([]);
    frames.shift()!(0);
    await reading;
    expect(order).toEqual(['read', 'after dark']);
    vi.mocked(window.requestAnimationFrame).mockRestore();
  });

  it('reads at once in a hidden document, which draws no frames', async () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    expect(await readInFrame(document, () => 'light')).toBe('light');
    expect(frame).not.toHaveBeenCalled();
    visibility.mockRestore();
    frame.mockRestore();
  });

  it('passes on what the read throws, rather than waiting for ever', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => setTimeout(() => callback(0), 0) as unknown as number);
    await expect(readInFrame(document, () => {
      throw new Error('no view');
    })).rejects.toThrow('no view');
    vi.mocked(window.requestAnimationFrame).mockRestore();
  });

  it('reads once, after a while, when a visible window draws no frame', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    recordYields();
    let reads = 0;
    expect(await readInFrame(document, () => ++reads, 20)).toBe(1);
    expect(reads).toBe(1);
    vi.mocked(window.requestAnimationFrame).mockRestore();
  });
});
