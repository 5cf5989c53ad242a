import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { run } from './content/run';

/** Starts Backstory in the page of the content script whose context is given. */
export type RunBackstory = (ctx: ContentScriptContext) => void;

/** Where the module leaves its entry point, in the content script's isolated world (a page's scripts have another global). */
export const RUN_KEY = Symbol.for('backstory.page-marker');

/**
 * What the content script (entrypoints/content/index.ts) loads once it knows the page can be marked:
 * the marker, the text core, saved passages, hover intent and the page's side of the messages. The
 * popover and the save form come later still, on first use (entrypoints/page-ui.ts).
 */
export default defineUnlistedScript(() => {
  const start: RunBackstory = run;
  Object.defineProperty(globalThis, RUN_KEY, { value: start, configurable: true });
});
