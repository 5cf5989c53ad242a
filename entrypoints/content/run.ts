import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import highlightsCss from '~/assets/highlights.css?inline';
import stealthCss from '~/assets/stealth-marks.css?inline';
import { BackgroundRequest, DEFAULT_PAGE_SETTINGS, PageRequest, type PageSettings, parseRequest, unwrapReply, type BackgroundReplies, type PageReplies, type Reply } from '~/lib/messages';
import { HighlightPainter } from '~/lib/page/highlights';
import { markAtPoint } from '~/lib/page/hit-test';
import { attachHoverIntent } from '~/lib/page/hover-intent';
import { PageMarker } from '~/lib/page/marker';
import { readPageMetadata, readPageUrl } from '~/lib/page/metadata/page-metadata';
import { snapshotOf } from '~/lib/page/reader/snapshot';
import { DossierCache } from '~/lib/dossier-cache';
import { isLargeText } from '~/lib/page/large-page';
import { isDarkPage } from '~/lib/page/page-tone';
import { nextMark } from '~/lib/page/navigation';
import { SavedPassages, type PassageFinder } from '~/lib/page/saved-passages';
import { nextTask, readInFrame, yieldToPage } from '~/lib/page/scheduler';
import { proposedEntities, savableRange } from '~/lib/page/selection';
import { onSelectionGesture } from '~/lib/page/selection-gesture';
import { StealthLayer } from '~/lib/page/stealth-layer';
import { adoptStylesheet } from '~/lib/page/ui-host';
import { PAGE_SAVED_KEY, importProvided } from '~/lib/platform/provided';
import { LazyPageUi, LazyPopover } from './lazy-ui';

/** What the content script did before the marker loaded: when it ran, and the site-status it asked for. */
export interface LoaderStart {
  /** performance.now() when the content script ran. */
  loaded: number;
  /** performance.now() when it asked for the site's status. */
  statusAsked: number;
  /** The background's raw reply to that `site-status` request. */
  status: Promise<unknown>;
}

/** The steps of a page's start, in performance.now() time: see `backstory.phases()`. */
interface StartPhases {
  loaded: number;
  statusAsked: number;
  markerRun: number;
  statusAnswered?: number;
}

const ask = <T extends BackgroundRequest>(request: T) => unwrapReply<BackgroundReplies[T['type']]>(browser.runtime.sendMessage(request));

/**
 * Backstory in a page: marks the names, explains them on hover, saves passages, answers the popup and
 * the background. Loaded by the content script (./index.ts) in a task after its own.
 */
export function run(ctx: ContentScriptContext, start: LoaderStart): void {
  const phases: StartPhases = { loaded: start.loaded, markerRun: performance.now(), statusAsked: start.statusAsked };
  // What the page's scripts must not read (saved passages, the reader's own entities; everything when
  // the reader hides Backstory from pages) is painted in a layer of Backstory's own.
  const stealth = new StealthLayer(document, stealthCss);
  // The reader's settings, as the last site-status told them (each refresh asks again).
  let settings: PageSettings = DEFAULT_PAGE_SETTINGS;
  // Whether the page is dark, read once a start (marks and saved passages take lighter colours then).
  let onDark = false;
  const marker: PageMarker = new PageMarker(document, {
    lookup: (words) => ask({ type: 'lookup', ...words }),
    onMarksChanged: (m) => void ask({ type: 'found', entities: m.entityCount }).catch(() => undefined),
    // Firefox styles highlights in a shadow tree only by the tree's own rules, and there only an adopted
    // sheet will do (a <style> node would change the page). Chromium carries the root's highlight
    // styles into shadow trees (lib/platform/keyed-highlights.ts): nothing is added to the page's roots.
    onShadowRoot: import.meta.env.FIREFOX ? (root) => void adoptStylesheet(root, highlightsCss) : undefined,
    paintNearScreenOnly: true,
    tint: isLargeText,
    choices: () => ({
      hiddenKinds: settings.hiddenKinds,
      firstInBlock: settings.mentions === 'first-in-block',
      style: settings.markStyle === 'underline' ? 'line' : settings.markStyle === 'tint' ? 'tint' : 'both',
      onDark,
    }),
    stealth: { layer: stealth, paints: (mark): boolean => settings.hideFromPages || mark.entityIds.some((id) => marker.entity(id)?.own === true) },
  });
  const savedPainter = new HighlightPainter({ stealth: { layer: stealth, paints: () => true } });
  // Anchoring (entrypoints/page-saved.ts) loads on a page with saved passages, or once the reader selects text.
  let finder: Promise<PassageFinder> | null = null;
  const loadFinder = () => {
    finder ??= importProvided<PassageFinder>(browser.runtime.getURL('/page-saved.js'), PAGE_SAVED_KEY);
    finder.catch(() => (finder = null));
    return finder;
  };
  const saved = new SavedPassages(document, savedPainter, { load: (url) => ask({ type: 'page-annotations', url }), finder: loadFinder });
  const pageUrl = () => readPageUrl(document, location.href);

  const dossiers = new DossierCache((id) => ask({ type: 'dossier', id }));
  const getDossier = (id: string) => dossiers.get(id);
  const choiceOf = (id: string) => ({ id, name: marker.entity(id)?.name ?? id, kind: marker.entity(id)?.kind ?? 'unknown' });

  const ui = new LazyPageUi((createPageUi) =>
    createPageUi(document, {
      popover: {
        getDossier,
        choicesFor: (mark) => mark.entityIds.map(choiceOf),
        namedElsewhere: () => new Set(marker.allMarks().flatMap((m) => (m.entityIds.length === 1 ? m.entityIds : []))),
        pageDate: () => readPageMetadata(document, location.href).published?.slice(0, 10),
        language: () => ask({ type: 'ui-language' }),
      },
      save: {
        // The form's input waits in the background under a one-time token for the save-form frame.
        hold: async (range) => {
          const token = await ask({
            type: 'save-form-hold',
            input: {
              annotation: { ...readPageMetadata(document, location.href), ...(await saved.describe(range)) },
              choices: marker.counts().map(({ id }) => choiceOf(id)),
              proposed: proposedEntities(range, marker.allMarks(), (id) => marker.entity(id)?.kind),
            },
          });
          return { token, url: `${browser.runtime.getURL('/save-form.html')}#${token}` };
        },
        saved: (range, annotation) => {
          saved.show(annotation, range);
          if (annotation.entityId) dossiers.forget(annotation.entityId);
        },
      },
    }),
  );
  const popover = new LazyPopover(ui);

  const detachHover = attachHoverIntent(document, {
    surface: popover,
    openOn: () => settings.openOn,
    // "On a click": a name inside a link opens its card rather than following the link.
    clickOpensCard: () => settings.openOn === 'click',
    openDelay: () => settings.hoverDelayMs,
    markAt: (x, y) => markAtPoint(document, marker.painter, (node) => marker.marksNear(node), x, y),
  });

  // Offer to save what the reader selects (once the selection gesture is over).
  const detachSelection = onSelectionGesture(document, (target) => ui.isOwnTarget(target), () => {
    // With the button switched off in Settings, saving is still there in the context menu and the shortcut.
    if (!settings.saveButton) return;
    const offered = () => savableRange(document.getSelection(), document.body);
    if (offered()) void loadFinder().catch(() => undefined);
    if (ui.loaded) ui.loaded.save.offer(offered());
    else if (offered()) void ui.get().then(({ save }) => save.offer(offered()));
  });

  // The first start uses the status the content script asked for; later ones (a refresh) ask again.
  let firstStatus: Promise<unknown> | null = start.status;
  // Each start's turn: a refresh that comes while an earlier start waits (for the status, for a frame)
  // makes that start give way, so that only the latest settings are applied, and applied once.
  let turns = 0;
  async function applySwitches() {
    const turn = ++turns;
    const pending = firstStatus ?? browser.runtime.sendMessage({ type: 'site-status', host: location.hostname } satisfies BackgroundRequest);
    firstStatus = null;
    const status = await unwrapReply<BackgroundReplies['site-status']>(pending);
    if (turn !== turns) return;
    phases.statusAnswered ??= performance.now();
    settings = status.settings;
    // The tone, read in the page's next frame (readInFrame), with whether the page had loaded by then.
    const tone = await readInFrame(document, () => ({ dark: isDarkPage(document), loaded: document.readyState === 'complete' }));
    if (turn !== turns) return;
    // Marking starts after the page's first frame, which a stylesheet loaded without blocking it (the
    // print-media swap news sites use) may not have reached: the tone is read again once the page has
    // loaded, and the marks take the other colours if it changed; at once if it loaded meanwhile.
    if (!tone.loaded && document.readyState === 'complete') tone.dark = isDarkPage(document);
    else if (!tone.loaded) ctx.addEventListener(window, 'load', retone, { once: true });
    onDark = savedPainter.onDark = tone.dark;
    if (status.enabled) {
      await marker.start();
      // The address is read in a task of its own: a page whose canonical link and og:url cannot stand
      // for it has its JSON-LD parsed (readPageUrl), which is not cheap on every page.
      await yieldToPage();
      await saved.anchorAll(pageUrl());
    } else {
      popover.close();
      marker.stop();
      saved.clear();
    }
  }

  function retone() {
    if (isDarkPage(document) === onDark || !marker.running) return;
    marker.stop();
    saved.clear();
    void applySwitches().catch((error) => console.debug('Backstory is idle on this page:', error));
  }

  const onMessage = (message: unknown, sender: { id?: string }): Promise<Reply<unknown>> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseRequest(PageRequest, message);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const request = parsed.request;
    const handlers: { [K in PageRequest['type']]: () => Promise<PageReplies[K]> } = {
      'page-entities': async () => marker.counts(),
      navigate: async () => {
        if (request.type !== 'navigate') return null;
        const marks = marker.allMarks();
        const mark = nextMark(marks, popover.current ?? popover.lastClosed, request.direction);
        if (!mark) return null;
        mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        const entity = marker.entity(mark.entityIds[0]);
        const announce = { name: entity?.name ?? mark.range.toString(), kind: entity?.kind ?? '', index: marks.indexOf(mark) + 1, count: marks.length };
        popover.open(mark, { focus: true, announce });
        return marker.entity(mark.entityIds[0])?.name ?? null;
      },
      'save-selection': async () => {
        const range = savableRange(document.getSelection(), document.body);
        if (range) void ui.get().then(({ save }) => save.openForm(range));
        return range !== null;
      },
      'saved-status': async () => saved.status(),
      // The page as it stands, for the reading mode, which extracts the article from its own copy.
      'reader-snapshot': async () => snapshotOf(document, location.href),
      'reveal-annotation': async () => (request.type === 'reveal-annotation' ? saved.reveal(request.id) : false),
      'reveal-entity': async () => {
        if (request.type !== 'reveal-entity') return false;
        const mark = marker.allMarks().find((m) => m.entityIds.includes(request.id));
        if (!mark) return false;
        mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        popover.open(mark, { focus: true });
        return true;
      },
      // What the save-form frame in this tab says (its height, saved, closed), relayed by the background.
      'save-form-event': async () =>
        request.type === 'save-form-event' ? (ui.loaded?.save.onFrameEvent(request.token, request.event, request.annotation) ?? false) : false,
      'forget-dossiers': async () => {
        dossiers.clear();
        return null;
      },
      refresh: async () => {
        dossiers.clear();
        popover.close();
        marker.stop();
        saved.clear();
        marker.forgetKnowledge();
        await applySwitches();
        return null;
      },
    };
    return handlers[request.type]().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    detachSelection();
    detachHover();
    ui.close();
    marker.stop();
    saved.clear();
  });

  // Lives in the content script's isolated world only (page scripts cannot see it): lets DevTools
  // and `npm run bench` read when the marks arrived and what was found.
  Object.defineProperty(globalThis, 'backstory', {
    value: Object.freeze({
      timings: marker.timings,
      /** When each step of this page's start happened (performance.now()), for `npm run bench`. */
      phases: (): StartPhases => ({ ...phases, ...marker.timings }),
      counts: () => marker.counts(),
      /** Every mark, painted or not yet (marks far from the screen are painted as the reader nears them). */
      marks: () => marker.painter.size,
      markList: () => marker.allMarks().map(({ range, kind }) => ({ kind, range })),
      /** How many ranges are painted now, in CSS.highlights or in Backstory's own layer. */
      painted: () => marker.painter.painted,
      /** How many of them are in CSS.highlights, which the page can read. */
      registered: () => marker.painter.registered,
      /** How many ranges Backstory's own layer draws (saved passages included). */
      drawn: () => stealth.size,
      saved: () => saved.status(),
      /** Whether marks are tinted instead of underlined, as on very large pages (lib/page/large-page.ts). */
      tinted: () => marker.painter.tint === true,
    }),
    configurable: true,
  });

  // Marking begins in a task of its own (this one holds the wiring), once the site's status is here.
  void nextTask()
    .then(applySwitches)
    .catch((error) => console.debug('Backstory is idle on this page:', error));
}
