/** Cooperative slicing: long work gives the page's main thread back well within a 50 ms task. */

export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
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
