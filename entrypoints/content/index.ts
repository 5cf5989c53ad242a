import { browser } from 'wxt/browser';
import '~/assets/highlights.css';
import highlightsCss from '~/assets/highlights.css?inline';
import popoverCss from '~/components/popover.css?inline';
import { ShadowPopoverSurface } from '~/components/popover-surface';
import { BackgroundRequest, PageRequest, parseRequest, type BackgroundReplies, type PageReplies, type Reply } from '~/lib/messages';
import { isHighlightSupported } from '~/lib/page/highlights';
import { markAtPoint } from '~/lib/page/hit-test';
import { nextMark } from '~/lib/page/navigation';
import { attachHoverIntent } from '~/lib/page/hover-intent';
import { adoptStylesheet } from '~/lib/page/ui-host';
import { PageMarker } from '~/lib/page/marker';
import type { Dossier } from '~/lib/store/queries';

async function ask<T extends BackgroundRequest>(request: T): Promise<BackgroundReplies[T['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<BackgroundReplies[T['type']]> | undefined;
  if (!reply) throw new Error('Backstory’s background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Only HTML documents hold prose to mark: XML, plain text and images are left alone. */
function isMarkableDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'application/xhtml+xml';
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!isMarkableDocument(document) || !isHighlightSupported()) return;

    const marker = new PageMarker(document, {
      lookup: (keys) => ask({ type: 'lookup', keys }),
      onMarksChanged: (m) => void ask({ type: 'found', entities: m.counts().length }).catch(() => undefined),
      onShadowRoot: (root) => adoptStylesheet(root, highlightsCss),
    });
    const dossiers = new Map<string, Promise<Dossier | null>>();
    const getDossier = (id: string) => {
      let dossier = dossiers.get(id);
      if (!dossier) {
        dossier = ask({ type: 'dossier', id });
        dossier.catch(() => dossiers.delete(id));
        dossiers.set(id, dossier);
      }
      return dossier;
    };
    const surface = new ShadowPopoverSurface(document, {
      css: popoverCss,
      getDossier,
      choicesFor: (mark) =>
        mark.entityIds.map((id) => ({ id, name: marker.entity(id)?.name ?? id, kind: marker.entity(id)?.kind ?? 'unknown' })),
    });
    const detachHover = attachHoverIntent(document, {
      surface,
      markAt: (x, y) => markAtPoint(document, marker.painter, (node) => marker.marksNear(node), x, y),
    });

    async function applySwitches() {
      const status = await ask({ type: 'site-status', host: location.hostname });
      if (status.enabled) await marker.start();
      else {
        surface.close();
        marker.stop();
      }
    }

    const onMessage = (message: unknown, sender: { id?: string }): Promise<Reply<unknown>> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = parseRequest(PageRequest, message);
      if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
      const handlers: { [K in PageRequest['type']]: () => Promise<PageReplies[K]> } = {
        'page-entities': async () => marker.counts(),
        navigate: async () => {
          if (parsed.request.type !== 'navigate') return null;
          const mark = nextMark(marker.allMarks(), surface.current, parsed.request.direction);
          if (!mark) return null;
          mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
          surface.open(mark, { focus: true });
          return marker.entity(mark.entityIds[0])?.name ?? null;
        },
        refresh: async () => {
          dossiers.clear();
          surface.close();
          marker.stop();
          marker.forgetKnowledge();
          await applySwitches();
          return null;
        },
      };
      return handlers[parsed.request.type]().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      );
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      detachHover();
      surface.destroy();
      marker.stop();
    });

    // Lives in the content script's isolated world only (page scripts cannot see it): lets DevTools
    // and `npm run bench` read when the marks arrived and what was found.
    Object.defineProperty(globalThis, 'backstory', {
      value: Object.freeze({ timings: marker.timings, counts: () => marker.counts(), marks: () => marker.painter.size }),
      configurable: true,
    });

    applySwitches().catch((error) => console.debug('Backstory is idle on this page:', error));
  },
});
