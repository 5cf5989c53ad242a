/** Cooperative slicing: long work gives the page's main thread back well within a 50 ms task. */

export const SLICE_MS = 8;

interface TaskScheduler {
  postTask?: (callback: () => void, options: { priority: 'user-visible' }) => Promise<void>;
}

/**
 * Gives the page's main thread back until a task of ordinary priority: the page's own timers, input
 * and messages that are due run first. Not `scheduler.yield()`: its continuations go before every
 * ordinary task, so a page's timers (its animations, its players, its own scheduling) would wait
 * for all of Backstory's slices in a row, as if they were one long task.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs `step` over the items, yielding whenever a slice has used its budget. */
export async function eachSliced<T>(items: Iterable<T>, step: (item: T) => void, isCancelled: () => boolean = () => false): Promise<boolean> {
  let sliceStart = performance.now();
  for (const item of items) {
    if (isCancelled()) return false;
    step(item);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return !isCancelled();
}
