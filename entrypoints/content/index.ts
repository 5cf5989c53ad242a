import { browser } from 'wxt/browser';
import '~/assets/highlights.css';
import { isHighlightSupported } from '~/lib/page/highlights';
import { nextTask } from '~/lib/page/scheduler';
import { MARKER_KEY, importProvided } from '~/lib/platform/provided';
import type { RunBackstory } from '../page-marker';

/** Only HTML documents hold prose to mark: XML, plain text and images are left alone. */
function isMarkableDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'application/xhtml+xml';
}

/**
 * Settles once the document is parsed (DOMContentLoaded) and the page has drawn a frame after it:
 * marking reads where blocks are and what colour the page is, which would otherwise make the browser
 * do the page's first style and layout inside Backstory's task (one long stretch instead of two short
 * ones). A hidden tab draws no frames: a task after DOMContentLoaded will do there; and half a second
 * at most, for a window the browser stopped drawing without calling it hidden.
 */
async function parsedAndDrawn(doc: Document): Promise<void> {
  if (doc.readyState === 'loading') await new Promise<void>((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  if (doc.visibilityState === 'visible') await new Promise((resolve) => (requestAnimationFrame(resolve), setTimeout(resolve, 500)));
  await nextTask();
}

/**
 * The content script itself is a loader: a page evaluates it in a task in which the page cannot run,
 * so it holds nothing but the check that the page can be marked, the question for the site's status
 * and the start of the marker's import. It runs as the document starts (document_start), so that the
 * marker (entrypoints/page-marker.ts) is fetched and compiled off the main thread, and a sleeping
 * service worker woken, while the page is still loading; marking starts once the document is parsed
 * and drawn. (At document_idle, Chrome would put all of it off until the page's `load` or 200 ms
 * after DOMContentLoaded.)
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // WXT would post a "content-script-started" message to the page's window, naming the extension's id:
  // every page's scripts could read that Backstory is there, and which install. (Its own older
  // instances, after an update, are still told: by a DOM event.)
  noScriptStartedPostMessage: true,
  main(ctx) {
    const loaded = performance.now();
    if (!isMarkableDocument(document) || !isHighlightSupported()) return;
    // Messages and the import wait for the next task, of ordinary priority (building the API's bindings
    // costs the page a few ms; WXT's context has read runtime.id already, for its event names): the
    // worker is woken and the module fetched while the page still loads.
    nextTask()
      .then(() => {
        const status = browser.runtime.sendMessage({ type: 'site-status', host: location.hostname });
        status.catch(() => undefined);
        const statusAsked = performance.now();
        const marker = importProvided<RunBackstory>(browser.runtime.getURL('/page-marker.js'), MARKER_KEY);
        // The module's evaluation is a task of its own; the marker runs in a later one.
        return Promise.all([marker, parsedAndDrawn(document)]).then(async ([run]) => {
          await nextTask();
          if (!ctx.isInvalid) run(ctx, { loaded, statusAsked, status });
        });
      })
      .catch((error) => console.debug('Backstory is idle on this page:', error));
  },
});
