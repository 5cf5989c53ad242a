import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MARKER_KEY, provide } from '~/lib/platform/provided';
import { run, type LoaderStart } from './content/run';

/** Starts Backstory in the page of the content script whose context is given. */
export type RunBackstory = (ctx: ContentScriptContext, start: LoaderStart) => void;

/**
 * What the content script (entrypoints/content/index.ts) loads once it knows the page can be marked:
 * the marker, the text core, saved passages, hover intent and the page's side of the messages. The
 * popover and the save form come later still, on first use (entrypoints/page-ui.ts).
 */
export default defineUnlistedScript(() => {
  provide<RunBackstory>(MARKER_KEY, run);
});
