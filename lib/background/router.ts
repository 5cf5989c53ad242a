import { BackgroundRequest, isOwnSender, parseRequest, type BackgroundReplies, type PageRequest, type ReaderSnapshot, type Reply, type SaveFormInput, type SenderInfo } from '../messages';
import type { BackstoryDatabase } from '../store/db';
import { CandidateCache } from '../store/candidate-cache';
import { loadDossier } from '../store/queries';
import { lookupKeysOf } from '../text';
import { readSiteStatus, writeSwitch } from '../store/settings';
import { readLanguageSetting } from '../store/ui-language';
import { annotationsForUrl, getAnnotation, saveAnnotation } from '../store/annotations';
import { canonicalUrl } from '../page/metadata/canonical-url';
import { isSameSite } from '../page/metadata/site';

export interface RouterDeps {
  db: BackstoryDatabase;
  /** Resolves once the database holds the starter pack. */
  ready: Promise<unknown>;
  ownId: string;
  ownBaseUrl: string;
  setBadge(tabId: number, count: number): Promise<void>;
  /** Opens a page in a new tab and, once it has loaded, asks it to show a saved passage. */
  openAndReveal(url: string, annotationId: string): Promise<void>;
  /** Sends a request to every open page's content script. */
  broadcast(request: PageRequest): Promise<void>;
  /** Asks the content script of a tab's page for the page as it stands. */
  snapshotOf(tabId: number): Promise<ReaderSnapshot>;
  /** Sends a request to the content scripts of one tab (every frame: each checks it is meant for it). */
  sendToTab(tabId: number, request: PageRequest): Promise<void>;
}

/**
 * Requests only Backstory's own pages make (popup, options, side panel, reading mode). A content script
 * never needs them, and one driven by a hostile page could switch marking off everywhere or on another
 * site, make every open tab refresh, or open the reader's saved passages.
 */
const OWN_PAGES_ONLY = 'Only Backstory’s own pages may do this';
const EXTENSION_PAGES_ONLY = new Map<BackgroundRequest['type'], string>([
  ['set-switch', OWN_PAGES_ONLY],
  ['knowledge-changed', OWN_PAGES_ONLY],
  ['open-annotation', OWN_PAGES_ONLY],
  // A page's whole markup goes only to Backstory's own reading mode: a content script could otherwise
  // read any other tab.
  ['reader-snapshot', 'Only the reading mode may read a page'],
  // The save form's input is taken, and its events sent, by the save-form frame alone: a content script
  // that could take a token could read the passage another tab is about to save.
  ['save-form-take', OWN_PAGES_ONLY],
  ['save-form-event', OWN_PAGES_ONLY],
]);

const hostOfUrl = (url: string | undefined): string | null => {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
};

/**
 * What a content script's request becomes once it is confined to its own page, or why it is refused.
 * A content script speaks for the page it runs in (sender.url, the address of its frame): it is told
 * the switch of its own host only, and reads and saves passages under an address of its own site — its
 * registrable domain (isSameSite), so that a mobile or AMP edition uses the canonical address it names.
 * An address on another site is taken as the page's own address instead: the page learns nothing of
 * the other site, plants nothing there, and what the reader saves is kept, not refused, when a page
 * names a canonical URL the content script's cheaper rules allowed but the Public Suffix List does not.
 */
function confineToPage(request: BackgroundRequest, sender: SenderInfo): { request: BackgroundRequest } | { refusal: string } {
  const ownPagesOnly = EXTENSION_PAGES_ONLY.get(request.type);
  if (ownPagesOnly) return { refusal: ownPagesOnly };
  const pageHost = hostOfUrl(sender.url);
  if (request.type === 'site-status') {
    return pageHost !== null && request.host.toLowerCase() === pageHost ? { request } : { refusal: 'A page may ask only about itself' };
  }
  if (request.type !== 'page-annotations' && request.type !== 'save-annotation' && request.type !== 'save-form-hold') return { request };
  if (pageHost === null) return { refusal: 'A page may ask only about itself' };
  const own = (url: string) => {
    const asked = hostOfUrl(url);
    return asked !== null && isSameSite(pageHost, asked) ? url : canonicalUrl(sender.url!);
  };
  if (request.type === 'page-annotations') return { request: { ...request, url: own(request.url) } };
  if (request.type === 'save-annotation') return { request: { ...request, annotation: { ...request.annotation, url: own(request.annotation.url) } } };
  // The frame saves as an extension page, unconfined: the address is confined now, while the page's own
  // content script speaks.
  const input = request.input;
  return { request: { ...request, input: { ...input, annotation: { ...input.annotation, url: own(input.annotation.url) } } } };
}

/** How long a held form's input waits for its frame to take it, and how many may wait at once. */
const HOLD_MS = 60_000;
const MAX_HELD = 100;

/**
 * The save forms' input, kept in the background's memory under one-time tokens until the save-form
 * frame of the same tab takes it: a token is 32 random bytes, taken once, by the frame in the tab that
 * held it, within a minute.
 */
export class HeldForms {
  private readonly held = new Map<string, { input: SaveFormInput; tabId: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  hold(input: SaveFormInput, tabId: number): string {
    for (const [token, entry] of this.held) if (this.now() - entry.at > HOLD_MS) this.held.delete(token);
    // The oldest give way (maps keep the order of insertion).
    while (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value!);
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const token = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    this.held.set(token, { input, tabId, at: this.now() });
    return token;
  }

  take(token: string, tabId: number | undefined): SaveFormInput {
    const entry = this.held.get(token);
    if (!entry || this.now() - entry.at > HOLD_MS || entry.tabId !== tabId) throw new Error('This save form has expired. Select the passage again.');
    this.held.delete(token);
    return entry.input;
  }
}

/** Answers the protocol's requests. Never throws: a bad message or a failure becomes an error reply. */
export function createRouter(deps: RouterDeps) {
  const { db } = deps;
  const candidates = new CandidateCache();
  // Read the list of filed words as the service worker starts, and again when the knowledge base
  // changes, so that the first page's lookup does not wait for it (hundreds of thousands of words for
  // a large knowledge base).
  const forms = new HeldForms();
  const warm = () => candidates.warm(db).then(() => undefined, () => undefined);
  void warm();
  const handlers: { [K in BackgroundRequest['type']]: (request: Extract<BackgroundRequest, { type: K }>, sender: SenderInfo) => Promise<BackgroundReplies[K]> } = {
    lookup: (request) => candidates.find(db, lookupKeysOf(request)),
    dossier: (request) => loadDossier(db, request.id),
    'site-status': (request) => readSiteStatus(db, request.host),
    'set-switch': async (request) => {
      const status = await writeSwitch(db, request.scope, request.host, request.on);
      await deps.broadcast({ type: 'refresh' });
      return status;
    },
    'save-annotation': async (request) => {
      const saved = await saveAnnotation(db, request.annotation);
      // Popovers already loaded elsewhere must list the new statement.
      await deps.broadcast({ type: 'forget-dossiers' });
      return saved;
    },
    'page-annotations': (request) => annotationsForUrl(db, request.url),
    'open-annotation': async (request) => {
      const annotation = await getAnnotation(db, request.id);
      if (!annotation) throw new Error('This passage is no longer in your library.');
      await deps.openAndReveal(annotation.url, annotation.id);
      return null;
    },
    'knowledge-changed': async () => {
      candidates.forget();
      await warm();
      await deps.broadcast({ type: 'refresh' });
      return null;
    },
    'reader-snapshot': (request) => deps.snapshotOf(request.tabId),
    'ui-language': () => readLanguageSetting(db),
    'save-form-hold': async (request, sender) => {
      if (sender.tab?.id === undefined) throw new Error('Only a page in a tab may open the save form');
      return forms.hold(request.input, sender.tab.id);
    },
    'save-form-take': async (request, sender) => forms.take(request.token, sender.tab?.id),
    'save-form-event': async (request, sender) => {
      // To the tab the frame is in; its content script acts only if its open form has this token.
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('The save form is not in a tab');
      const row = request.event.kind === 'saved' ? await getAnnotation(db, request.event.id) : undefined;
      if (request.event.kind === 'saved' && !row) throw new Error('This passage is no longer in your library.');
      const annotation = row && { id: row.id, entityId: row.entityId };
      await deps.sendToTab(tabId, { type: 'save-form-event', token: request.token, event: request.event, annotation });
      return null;
    },
    found: async (request, sender) => {
      if (sender.tab?.id !== undefined) await deps.setBadge(sender.tab.id, request.entities);
      return null;
    },
  };

  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    if (!isOwnSender(sender, deps.ownId, deps.ownBaseUrl)) return { ok: false, error: 'Refused a message from outside Backstory' };
    const parsed = parseRequest(BackgroundRequest, message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    // Backstory's own pages keep every power; a content script is answered about its own page only.
    let request = parsed.request;
    if (!(sender.url ?? '').startsWith(deps.ownBaseUrl)) {
      const confined = confineToPage(request, sender);
      if ('refusal' in confined) return { ok: false, error: confined.refusal };
      request = confined.request;
    }
    try {
      await deps.ready;
      const handler = handlers[request.type] as (r: BackgroundRequest, s: SenderInfo) => Promise<unknown>;
      return { ok: true, value: await handler(request, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
