import { passageFinder } from '~/lib/page/find-passages';
import type { PassageFinder } from '~/lib/page/saved-passages';
import { PAGE_SAVED_KEY, provide } from '~/lib/platform/provided';

/**
 * Anchoring, for saved passages: finds them again in a page and describes a selection for saving
 * (lib/page/find-passages.ts, lib/anchoring, approx-string-match). The content script loads it on a
 * page that has saved passages, or when the reader saves one; every other page pays nothing for it.
 */
export default defineUnlistedScript(() => {
  provide<PassageFinder>(PAGE_SAVED_KEY, passageFinder);
});
