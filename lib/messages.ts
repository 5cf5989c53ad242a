/**
 * The one protocol between Backstory's content scripts, its extension pages and its background.
 * Every message is validated on arrival; anything that does not fit is refused, never acted on.
 */
import * as v from 'valibot';
import type { Candidates, Dossier } from './store/queries';
import type { SiteStatus } from './store/settings';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const host = v.pipe(v.string(), v.maxLength(300));

/** Requests answered by the background. */
export const BackgroundRequest = v.variant('type', [
  v.object({ type: v.literal('lookup'), keys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(2_000_000)) }),
  v.object({ type: v.literal('dossier'), id }),
  v.object({ type: v.literal('site-status'), host }),
  v.object({ type: v.literal('set-switch'), scope: v.picklist(['site', 'everywhere']), host, on: v.boolean() }),
  v.object({ type: v.literal('found'), entities: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('knowledge-changed') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

export interface BackgroundReplies {
  lookup: Candidates;
  dossier: Dossier | null;
  'site-status': SiteStatus;
  'set-switch': SiteStatus;
  found: null;
  'knowledge-changed': null;
}

/** What a page found, as its content script tells the popup. */
export interface PageEntity {
  id: string;
  name: string;
  kind: string;
  count: number;
}

/** Requests answered by a page's content script. */
export const PageRequest = v.variant('type', [
  v.object({ type: v.literal('page-entities') }),
  v.object({ type: v.literal('refresh') }),
  v.object({ type: v.literal('navigate'), direction: v.picklist(['next', 'previous']) }),
]);
export type PageRequest = v.InferOutput<typeof PageRequest>;

export interface PageReplies {
  'page-entities': PageEntity[];
  refresh: null;
  /** The name now explained, or null when the page has none. */
  navigate: string | null;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type Parsed<T> = { ok: true; request: T } | { ok: false; error: string };

export function parseRequest<S extends typeof BackgroundRequest | typeof PageRequest>(
  schema: S,
  message: unknown,
): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const where = issue.path?.map((item) => String(item.key)).join('.') || 'message';
  return { ok: false, error: `Refused a malformed message (${where}: ${issue.message})` };
}

/** Minimal view of runtime.MessageSender, so the protocol does not depend on the extension API. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/** Only our own extension may talk to us: our content scripts (in a tab) and our own pages. */
export function isOwnSender(sender: SenderInfo, ownId: string, ownBaseUrl: string): boolean {
  if (sender.id !== ownId) return false;
  return sender.tab !== undefined || (sender.url ?? '').startsWith(ownBaseUrl);
}
