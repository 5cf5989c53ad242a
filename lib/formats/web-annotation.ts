import type { TextPositionSelector, TextQuoteSelector } from '../anchoring';
import type { SavedAnnotation } from '../library/saved-annotation';
import {
  ANNOTATION_CONTEXT,
  SAME_AS,
  SOURCE_AUTHOR,
  SOURCE_PUBLISHED,
  SOURCE_PUBLISHER,
  SOURCE_TITLE,
  annotationUri,
  entityUri,
} from './web-annotation-vocabulary';

/** The software that wrote the export (model §3.3.2: an Agent of type Software). */
export interface Generator {
  id: string;
  name: string;
  homepage?: string;
}

export interface CollectionOptions {
  /** The collection's IRI; a fresh `urn:uuid:` by default. */
  id?: string;
  label?: string;
  generator?: Generator;
  /** The entity's public pages (Wikipedia, Wikidata…), written beside its URN as schema:sameAs. */
  entityLinks?: (entityId: string) => readonly string[] | undefined;
  /** When the export is made, in ms since the epoch; now by default. */
  now?: number;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

export interface EntityBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: { id: string; label?: string; [SAME_AS]?: string[] };
}

export interface PageSource {
  id: string;
  type: 'Text';
  [SOURCE_TITLE]?: string;
  [SOURCE_AUTHOR]?: string;
  [SOURCE_PUBLISHER]?: string;
  [SOURCE_PUBLISHED]?: string;
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'identifying' | 'highlighting';
  created: string;
  modified: string;
  generator?: Generator & { type: 'Software' };
  generated?: string;
  body?: (TextualBody | EntityBody)[];
  target: {
    type: 'SpecificResource';
    source: PageSource;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: AnnotationPage;
}

export const DEFAULT_COLLECTION_LABEL = 'Backstory annotations';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The model's motivation for the whole annotation (§3.3.5). A comment makes it "commenting"; without
 * one, saying whose words the passage is makes it "identifying" (the body names who the target speaks
 * for); a passage merely kept, tagged or not, is "highlighting". Each body still says its own purpose.
 */
function motivationOf(annotation: SavedAnnotation): WebAnnotation['motivation'] {
  if (annotation.comment?.trim()) return 'commenting';
  if (annotation.entityId) return 'identifying';
  return 'highlighting';
}

function bodiesOf(annotation: SavedAnnotation, options: CollectionOptions): (TextualBody | EntityBody)[] {
  const bodies: (TextualBody | EntityBody)[] = [];
  const comment = annotation.comment?.trim();
  if (comment) bodies.push({ type: 'TextualBody', value: comment, format: 'text/plain', purpose: 'commenting' });
  for (const tag of new Set(annotation.tags.map((t) => t.trim()).filter(Boolean))) {
    bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  }
  if (annotation.entityId) {
    const source: EntityBody['source'] = { id: entityUri(annotation.entityId) };
    if (annotation.entityName) source.label = annotation.entityName;
    const links = options.entityLinks?.(annotation.entityId)?.filter((link) => /^https?:\/\//i.test(link));
    if (links && links.length > 0) source[SAME_AS] = [...links];
    bodies.push({ type: 'SpecificResource', purpose: 'identifying', source });
  }
  return bodies;
}

/** Both selectors, the quote one first; made from the quote itself if a row somehow lacks it. */
function selectorsOf(annotation: SavedAnnotation): (TextQuoteSelector | TextPositionSelector)[] {
  const quote = annotation.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = annotation.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const selectors: (TextQuoteSelector | TextPositionSelector)[] = [];
  const exact: TextQuoteSelector = { type: 'TextQuoteSelector', exact: quote?.exact ?? annotation.quote };
  if (quote?.prefix !== undefined) exact.prefix = quote.prefix;
  if (quote?.suffix !== undefined) exact.suffix = quote.suffix;
  selectors.push(exact);
  if (position) selectors.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  return selectors;
}

function sourceOf(annotation: SavedAnnotation): PageSource {
  const source: PageSource = { id: annotation.url, type: 'Text' };
  if (annotation.title) source[SOURCE_TITLE] = annotation.title;
  if (annotation.author) source[SOURCE_AUTHOR] = annotation.author;
  if (annotation.site) source[SOURCE_PUBLISHER] = annotation.site;
  if (annotation.published) source[SOURCE_PUBLISHED] = annotation.published;
  return source;
}

/** One saved passage as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/). */
export function toWebAnnotation(annotation: SavedAnnotation, options: CollectionOptions = {}): WebAnnotation {
  // An empty body list is not allowed (§3.2): a passage kept without comment, tag or speaker has none.
  const bodies = bodiesOf(annotation, options);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: annotationUri(annotation.id),
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: iso(annotation.createdAt),
    modified: iso(annotation.updatedAt),
    ...(options.generator && {
      generator: { ...options.generator, type: 'Software' as const },
      generated: iso(options.now ?? Date.now()),
    }),
    ...(bodies.length > 0 && { body: bodies }),
    target: { type: 'SpecificResource', source: sourceOf(annotation), selector: selectorsOf(annotation) },
  };
}

/**
 * Saved passages as one W3C AnnotationCollection (§5), every annotation embedded in its first and only
 * page. An empty collection has no page: the model requires `first` only when `total` is above zero.
 */
export function toAnnotationCollection(
  annotations: readonly SavedAnnotation[],
  options: CollectionOptions = {},
): AnnotationCollection {
  const id = options.id ?? annotationUri(crypto.randomUUID());
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? DEFAULT_COLLECTION_LABEL,
    total: annotations.length,
  };
  if (annotations.length > 0) {
    const now = options.now ?? Date.now();
    collection.first = {
      // The page is part of the collection: its id is the collection's with a fragment of its own.
      id: `${id.split('#')[0]}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((annotation) => toWebAnnotation(annotation, { ...options, now })),
    };
  }
  return collection;
}
