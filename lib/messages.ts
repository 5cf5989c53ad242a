/**
 * The one protocol between Backstory's content scripts, its extension pages and its background, and
 * every type that crosses between them. Every request is validated on arrival; anything that does not
 * fit is refused, never acted on. The ground floor: the store, the page layer and the UI import their
 * shared types from here, and this file imports nothing of theirs.
 */
import * as v from 'valibot';
import type { LanguageSetting } from './i18n';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const host = v.pipe(v.string(), v.maxLength(300));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const pageUrl = v.pipe(v.string(), v.maxLength(4000), v.regex(/^https?:\/\//));

const Selector = v.variant('type', [
  v.object({ type: v.literal('TextQuoteSelector'), exact: text(20_000), prefix: v.optional(text(200)), suffix: v.optional(text(200)) }),
  v.object({ type: v.literal('TextPositionSelector'), start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
]);

/**
 * The longest title, site, author and date a saved passage may carry, in UTF-16 code units (as
 * valibot counts). What a page says about itself is fitted to them before it is sent (see
 * lib/page-description.ts), so that no save is refused for the page's metadata.
 */
export const PAGE_DESCRIPTION_LIMITS = { title: 1000, site: 300, author: 300, published: 100 } as const;

/** A passage to save, as the page describes it. */
export const AnnotationInput = v.object({
  url: pageUrl,
  title: v.optional(text(PAGE_DESCRIPTION_LIMITS.title)),
  site: v.optional(text(PAGE_DESCRIPTION_LIMITS.site)),
  author: v.optional(text(PAGE_DESCRIPTION_LIMITS.author)),
  published: v.optional(text(PAGE_DESCRIPTION_LIMITS.published)),
  quote: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  selectors: v.pipe(v.array(Selector), v.minLength(1), v.maxLength(10)),
  entityId: v.optional(id),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(50)),
  comment: v.optional(text(10_000)),
});
export type AnnotationInput = v.InferOutput<typeof AnnotationInput>;

/**
 * A saved passage as the database keeps it and the page receives it: the passage as the page
 * described it, with its id and times. The speaker's name is not stored (it is read from the entity).
 */
export interface AnnotationRow extends AnnotationInput {
  /** A UUID. */
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/**
 * What the save form shows and saves: the passage as the page describes it, and who may have said it.
 * The content script hands it to the background, which keeps it for the extension's own save-form
 * frame under a one-time token (the frame's address carries the token only, never the passage).
 */
export const SaveFormInput = v.object({
  annotation: v.omit(AnnotationInput, ['entityId', 'tags', 'comment']),
  choices: v.pipe(v.array(v.object({ id, name: text(1000), kind: text(100) })), v.maxLength(10_000)),
  proposed: v.pipe(v.array(id), v.maxLength(10_000)),
});
export type SaveFormInput = v.InferOutput<typeof SaveFormInput>;

/** A one-time token: 32 random bytes, in hex. */
const formToken = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

/** What the save-form frame tells the page it floats over: its height, that it saved, that it closed. */
const SaveFormEvent = v.variant('kind', [
  v.object({ kind: v.literal('size'), height: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)) }),
  v.object({ kind: v.literal('saved'), id }),
  v.object({ kind: v.literal('closed') }),
]);
export type SaveFormEvent = v.InferOutput<typeof SaveFormEvent>;

/** The popup's two switches: "On this site" and "Everywhere". */
const SwitchScope = v.picklist(['site', 'everywhere']);
export type SwitchScope = v.InferOutput<typeof SwitchScope>;

/** A page's distinct folded words (see lib/text pageWordsOf). */
const pageWordList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(2_000_000));

/** Requests answered by the background. */
export const BackgroundRequest = v.variant('type', [
  v.object({ type: v.literal('lookup'), words: pageWordList, beforeApostrophe: pageWordList }),
  v.object({ type: v.literal('dossier'), id }),
  v.object({ type: v.literal('site-status'), host }),
  v.object({ type: v.literal('set-switch'), scope: SwitchScope, host, on: v.boolean() }),
  v.object({ type: v.literal('found'), entities: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('knowledge-changed') }),
  v.object({ type: v.literal('ui-language') }),
  v.object({ type: v.literal('save-annotation'), annotation: AnnotationInput }),
  v.object({ type: v.literal('page-annotations'), url: pageUrl }),
  v.object({ type: v.literal('open-annotation'), id }),
  v.object({ type: v.literal('reader-snapshot'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('save-form-hold'), input: SaveFormInput }),
  v.object({ type: v.literal('save-form-take'), token: formToken }),
  v.object({ type: v.literal('save-form-event'), token: formToken, event: SaveFormEvent }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

export interface BackgroundReplies {
  lookup: Candidates;
  dossier: Dossier | null;
  'site-status': SiteStatus;
  'set-switch': SiteStatus;
  found: null;
  'knowledge-changed': null;
  /** The reader's choice of language ('auto': the browser's, which the asking page resolves). */
  'ui-language': LanguageSetting;
  'save-annotation': AnnotationRow;
  'page-annotations': AnnotationRow[];
  'open-annotation': null;
  /** The page of that tab, for the reading mode. */
  'reader-snapshot': ReaderSnapshot;
  /** The token under which the save form's input is held. */
  'save-form-hold': string;
  'save-form-take': SaveFormInput;
  'save-form-event': null;
}

/** Requests answered by a page's content script. */
export const PageRequest = v.variant('type', [
  v.object({ type: v.literal('page-entities') }),
  v.object({ type: v.literal('refresh') }),
  v.object({ type: v.literal('navigate'), direction: v.picklist(['next', 'previous']) }),
  v.object({ type: v.literal('save-selection') }),
  v.object({ type: v.literal('saved-status') }),
  v.object({ type: v.literal('forget-dossiers') }),
  v.object({ type: v.literal('reveal-annotation'), id }),
  v.object({ type: v.literal('reveal-entity'), id }),
  v.object({ type: v.literal('reader-snapshot') }),
  // From the background, for the save-form frame in this tab; `annotation` is what was saved (for 'saved').
  v.object({ type: v.literal('save-form-event'), token: formToken, event: SaveFormEvent, annotation: v.optional(v.object({ id, entityId: v.optional(id) })) }),
]);
export type PageRequest = v.InferOutput<typeof PageRequest>;

export interface PageReplies {
  'page-entities': PageEntity[];
  refresh: null;
  /** The name now explained, or null when the page has none. */
  navigate: string | null;
  /** Whether the selection could be offered for saving. */
  'save-selection': boolean;
  /** The page's saved passages: how many were found again, and those that were not. */
  'saved-status': SavedStatus;
  'forget-dossiers': null;
  /** Whether the passage was found on the page and scrolled into view. */
  'reveal-annotation': boolean;
  /** Whether the entity is named on the page; its first mention is then scrolled to and explained. */
  'reveal-entity': boolean;
  'reader-snapshot': ReaderSnapshot;
  /** Whether this page's open save form had that token. */
  'save-form-event': boolean;
}

// What the replies carry. Replies come from Backstory's own background and content scripts, so they
// are not checked on arrival: their types are declared as plain interfaces, which cost a page no code.

/** The kinds of entity, as the pack format (assets/pack.schema.json) names them. */
export type EntityKind = 'person' | 'organization' | 'country' | 'place' | 'party' | 'event';

/** What a page needs to match: the aliases filed under its keys, and the kind and name of their entities. */
export interface Candidates {
  aliases: { entityId: string; text: string; lang?: string; caseSensitive?: boolean }[];
  /** `own`: the reader's own entity or their edit of a pack's (painted where the page cannot read it). */
  entities: Record<string, { kind: EntityKind; name: string; own?: boolean }>;
}

/** Where a fact comes from, as the pack format writes it. */
export interface Source {
  title: string;
  url?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
}

export interface Role {
  title: string;
  since?: string;
  until?: string;
}

/** An entity as a dossier shows it: as its pack or the reader wrote it, without the editor's search words. */
export interface DossierEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: { text: string; lang?: string; caseSensitive?: boolean; shared?: boolean }[];
  /** One text, or texts by language (see lib/i18n/summary.ts). */
  summary?: string | Record<string, string>;
  asOf?: string;
  roles?: Role[];
  /** The id of the entity's country. */
  country?: string;
  links?: string[];
  sources?: Source[];
  /** The id of the pack that brought it, or 'user' for the reader's own. */
  origin: string;
  /** When the reader last saved it in the editor. */
  editedAt?: number;
  note?: string;
}

/** A statement as a dossier lists it. */
export interface DossierStatement {
  /** The row id of a statement kept in the reader's rows. */
  id?: number;
  entity: string;
  text: string;
  kind: 'quote' | 'paraphrase';
  date?: string;
  source: Source;
  origin: string;
  /** The saved passage the statement was made from. */
  annotationId?: string;
}

export type MembershipType = 'member_of' | 'observer_of' | 'partner_of' | 'candidate_of' | 'suspended' | 'left';

export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface AllianceView {
  structure: EntityRef;
  status: MembershipType;
  since?: string;
  until?: string;
  note?: string;
  /** The country through which a person, party or place is allied. */
  via?: EntityRef;
  source?: Source;
}

/** Everything the popover shows of an entity. */
/** What one pack says of an entity that several packs hold (see lib/store/pack-links.ts). */
export interface PackView {
  /** The pack's id and title. */
  origin: string;
  title: string;
  asOf?: string;
  currentRole?: Role;
  sources?: Source[];
}

export interface Dossier {
  entity: DossierEntity;
  currentRole?: Role;
  /**
   * Set when more than one pack speaks of the entity: what each says, newest as-of first (undated
   * last). The entity is then every pack's aliases, links and sources together, with the newest
   * pack's as-of date and current role.
   */
  packs?: PackView[];
  country?: EntityRef;
  /** The structures the entity (or its country) belongs to, was suspended from, or left. */
  alliances: AllianceView[];
  /** For a structure: who belongs to it. */
  members: AllianceView[];
  /** Newest first; undated last. */
  statements: DossierStatement[];
}

export interface SiteStatus {
  host: string;
  /** The "Everywhere" switch. */
  everywhere: boolean;
  /** The "On this site" switch. */
  site: boolean;
  /** Marks are shown: both switches are on. */
  enabled: boolean;
  /** How pages are marked (options page › Settings). */
  settings: PageSettings;
}

/** The reader's settings for what Backstory does in pages (options page › Settings). */
export interface PageSettings {
  /** Kinds of entity left unmarked. */
  hiddenKinds: EntityKind[];
  /** Every mention of a name, or only its first in each paragraph. */
  mentions: 'every' | 'first-in-block';
  /** What opens a name's card: resting the pointer on it, a click, or resting it while Shift is held. */
  openOn: 'hover' | 'click' | 'shift-hover';
  /** How long the pointer rests on a name before its card opens (ms). */
  hoverDelayMs: number;
  /** The "Save to Backstory" button beside a selection (the context menu and the shortcut stay). */
  saveButton: boolean;
  /** How a mark looks: an underline, a tint, or an underline over a faint tint. */
  markStyle: 'underline' | 'tint' | 'both';
  /** Paint every mark in Backstory's own layer: nothing in the page's highlight registry. */
  hideFromPages: boolean;
}

export const HOVER_DELAYS_MS = [150, 300, 600, 1000] as const;

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  hiddenKinds: [],
  mentions: 'every',
  openOn: 'hover',
  hoverDelayMs: 300,
  saveButton: true,
  markStyle: 'both',
  hideFromPages: false,
};

/** An entity a page names, and how many times: what the marker counts and the popup lists. */
export interface PageEntity {
  id: string;
  name: string;
  kind: string;
  count: number;
}

/** A page's saved passages: how many were found again, and those that were not. */
export interface SavedStatus {
  anchored: number;
  orphaned: { id: string; quote: string }[];
  /** When the latest anchoring pass began and, once over, ended (the page's performance.now()). */
  pass?: { started: number; finished?: number };
}

/**
 * A page as the reading mode receives it: its markup serialised as it stands (the reading mode parses
 * it into a document of its own, so the article is extracted from a copy, never from the live page).
 */
export interface ReaderSnapshot {
  html: string;
  /** The address of the page (location.href). */
  url: string;
  title: string;
  /** The markup of the reader's selection, when there is one. */
  selectionHtml?: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The value of a reply, or an Error saying why there is none (no listener answered, or it failed). */
export async function unwrapReply<T>(reply: Promise<unknown>): Promise<T> {
  const value = (await reply) as Reply<T> | undefined;
  if (!value) throw new Error('Backstory did not answer');
  if (!value.ok) throw new Error(value.error);
  return value.value;
}

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
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** Only our own extension may talk to us: our content scripts (in a tab) and our own pages. */
export function isOwnSender(sender: SenderInfo, ownId: string, ownBaseUrl: string): boolean {
  if (sender.id !== ownId) return false;
  return sender.tab !== undefined || (sender.url ?? '').startsWith(ownBaseUrl);
}
