import { browser } from 'wxt/browser';
import '~/assets/highlights.css';
import { isHighlightSupported } from '~/lib/page/highlights';
import { yieldToPage } from '~/lib/page/scheduler';
import { MARKER_KEY, importProvided } from '~/lib/platform/provided';
import type { RunBackstory } from '../page-marker';

/** Only HTML documents hold prose to mark: XML, plain text and images are left alone. */
function isMarkableDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'application/xhtml+xml';
}

/**
 * The content script itself is a loader: a page evaluates it in a task in which the page cannot run,
 * so it holds nothing but the check that the page can be marked (even the extension API is first
 * touched in the next task). The marker, the text core and the rest (entrypoints/page-marker.ts) are
 * compiled and run in tasks of their own, after it.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!isMarkableDocument(document) || !isHighlightSupported()) return;
    yieldToPage()
      .then(() => importProvided<RunBackstory>(browser.runtime.getURL('/page-marker.js'), MARKER_KEY))
      .then((run) => {
        if (!ctx.isInvalid) run(ctx);
      })
      .catch((error) => console.debug('Backstory is idle on this page:', error));
  },
});
