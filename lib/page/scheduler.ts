/** Cooperative slicing: long work gives the page's main thread back well within a 50 ms task. */

/**
 * A slice's budget. Short, because the page's next frame often follows a slice at once, and the two
 * are then one stretch the page cannot use: on small article pages, whose own longest stretch after
 * DOMContentLoaded is often 6–15 ms, 8 ms slices (one step more at times) were often the page's
 * longest stretch, or lengthened it. A yield costs a fraction of a millisecond.
 */
export const SLICE_MS = 5;

interface TaskScheduler {
  postTask?: (callback: () => void, options: { priority: 'background' | 'user-visible' }) => Promise<void>;
}

/**
 * Gives the page's main thread back until a task of background priority: everything of the page's
 * that is due — its timers, input, messages, loading — runs first, and Backstory's next slice when
 * nothing of the page's waits. Not `scheduler.yield()`, nor a task of ordinary priority: the
 * continuation of the one goes before every ordinary task, and the other is queued before a page's
 * timer that falls due during the slice, so a page's timers (its animations, its players, its own
 * scheduling) would wait for two or more slices in a row. Measured here, 60 slices of 8 ms: a 10 ms
 * timer chain beside them was held up by 6–7 ms at worst with background tasks, 15–22 ms with
 * ordinary ones, and the slices took as long (480–500 ms); beside a page keeping its main thread
 * busy with timers and frames, 900 ms instead of 750–800 ms.
 */
export async function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) await scheduler.postTask(() => undefined, { priority: 'background' });
  else {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }
  // The continuation runs in a task of its own: its slice begins now, so that the step it runs before
  // the next check counts against it too.
  sliceBegan = null;
  sliceClock();
}

/** When Backstory's work in the current task began (performance.now()), or null before it does. */
let sliceBegan: number | null = null;

/**
 * When Backstory's work in the current task began: the first call in a task says now. Work that runs
 * unsliced (building the matcher, reading the page's tone) calls it first, so that the sliced loops
 * after it in the same task count it against their budget: a task is one slice, however many steps
 * share it. A later task starts again: after a yieldToPage(), or once a timer has seen this task end.
 */
export function sliceClock(): number {
  if (sliceBegan === null) {
    const began = (sliceBegan = performance.now());
    setTimeout(() => {
      if (sliceBegan === began) sliceBegan = null;
    }, 0);
  }
  return sliceBegan;
}

/** Runs `step` over the items, yielding whenever this task's slice has used its budget (see sliceClock). */
export async function eachSliced<T>(items: Iterable<T>, step: (item: T) => void, isCancelled: () => boolean = () => false): Promise<boolean> {
  for (const item of items) {
    if (isCancelled()) return false;
    if (performance.now() - sliceClock() > SLICE_MS) await yieldToPage();
    if (isCancelled()) return false;
    step(item);
  }
  return !isCancelled();
}

/**
 * A task of ordinary priority, queued behind what the page has queued already: for short steps that
 * should not wait for the page to fall idle (a background task may wait until the page has loaded).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads `read()` at the start of the document's next animation frame, where the style and layout it
 * may force are the frame's own, done once for both: read in a task of Backstory's, a forced style
 * update was 6–13 ms in one piece with the slice around it (traces of article pages here), and the
 * frame after it often followed at once, one stretch the page could not use. A hidden document draws
 * no frames: it reads at once; and after `waitMs`, for a window the browser stopped drawing without
 * calling it hidden. The continuation runs after the frame: in a task of its own, at background priority.
 */
export async function readInFrame<T>(doc: Document, read: () => T, waitMs = 500): Promise<T> {
  const view = doc.defaultView;
  if (!view || doc.visibilityState !== 'visible') return read();
  const value = await new Promise<T>((resolve, reject) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      try {
        resolve(read());
      } catch (error) {
        reject(error);
      }
    };
    view.requestAnimationFrame(once);
    setTimeout(once, waitMs);
  });
  await yieldToPage();
  return value;
}
