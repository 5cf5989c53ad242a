import type { TextPositionSelector, TextQuoteSelector } from '../anchoring';
import type { SavedAnnotation } from '../library/saved-annotation';
import { canonicalUrl } from '../page/metadata/canonical-url';
import { MAX_CHOICE_DEPTH, withinLimits } from './annotation-limits';
import { MEGABYTE, overSizeLimit, parseJson } from './json-file';
import {
  SOURCE_AUTHOR,
  SOURCE_PUBLISHED,
  SOURCE_PUBLISHER,
  SOURCE_TITLE,
  entityIdFromUri,
  uuidFromAnnotationUri,
} from './web-annotation-vocabulary';

export interface ImportOptions {
  /** Stands in for a missing `created` date; now by default. */
  now?: number;
  /** Makes ids for annotations that bring no `urn:uuid:` of their own; crypto.randomUUID by default. */
  newId?: () => string;
  /**
   * Finds the reader's entity for an identifying body that is not a Backstory entity URN (a Wikidata
   * link, say). Without it, or when it finds none, the annotation is imported as a note only.
   */
  resolveEntity?: (uri: string, label: string | undefined) => { id: string; name?: string } | undefined;
}

/** A well-formed annotation that is not a saved passage: a page note, a reply, a region of an image. */
export interface SkippedAnnotation {
  /** Its place in the file, from 1. */
  index: number;
  reason: string;
}

/**
 * `skipped`: well-formed annotations that are not passages of a web page. `refused`: passages Backstory
 * will not keep (over a limit, nested past reason), each with why. Neither is imported.
 */
export type ImportResult = { annotations: SavedAnnotation[]; skipped: SkippedAnnotation[]; refused: SkippedAnnotation[] } | { error: string };

type Json = Record<string, unknown>;

/** Thrown inside the import to abandon the whole file; never escapes fromWebAnnotations. */
class ImportError extends Error {}
/** Thrown inside the import to refuse one annotation, whose reason it is; never escapes fromWebAnnotations. */
class RefusedAnnotation extends Error {}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const strings = (value: unknown): string[] => asList(value).filter((v): v is string => typeof v === 'string');
const hasType = (value: Json, type: string) => strings(value.type).includes(type) || strings(value['@type']).includes(type);
const firstString = (value: unknown) => strings(value).map((s) => s.trim()).find((s) => s !== '');
const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The annotations a file holds, whatever its envelope, or why it holds none we can read. */
function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) throw new ImportError('The file is not a Web Annotation file: it holds no JSON object or list.');
  if (hasType(json, 'AnnotationCollection')) {
    const page = json.first;
    if (page === undefined) {
      if (Array.isArray(json.items)) return json.items;
      if (json.total === 0 || json.total === undefined) return [];
      throw new ImportError('The annotation collection has no "first" page of annotations.');
    }
    if (!isObject(page)) {
      throw new ImportError('The annotation collection links to its annotations instead of holding them; export it with its annotations embedded.');
    }
    if (!Array.isArray(page.items)) throw new ImportError('The first page of the annotation collection has no "items" list.');
    if (typeof json.total === 'number' && json.total > page.items.length) {
      throw new ImportError(
        `The annotation collection has ${json.total} annotations but this file holds only its first page (${page.items.length}); export it as a single page.`,
      );
    }
    return page.items;
  }
  if (hasType(json, 'AnnotationPage')) {
    if (!Array.isArray(json.items)) throw new ImportError('The annotation page has no "items" list.');
    return json.items;
  }
  // Hypothesis: the client's export ({ export_date, annotations }) and the search API ({ total, rows }).
  if (Array.isArray(json.annotations)) return json.annotations;
  if (Array.isArray(json.rows)) return json.rows;
  if (hasType(json, 'Annotation') || (json.type === undefined && 'target' in json)) return [json];
  throw new ImportError(
    'The file is not a Web Annotation file: expected an Annotation, an AnnotationCollection, an AnnotationPage, a list of annotations or a Hypothesis export.',
  );
}

interface Target {
  source: string;
  sourceObject?: Json;
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  hasSelectors: boolean;
}

function readSelectors(value: unknown, where: string, target: Target): void {
  for (const selector of asList(value)) {
    if (typeof selector === 'string') {
      target.hasSelectors = true;
      continue;
    }
    if (!isObject(selector)) throw new ImportError(`${where} has a selector that is not an object.`);
    target.hasSelectors = true;
    if (hasType(selector, 'TextQuoteSelector') && !target.quote) {
      const { exact, prefix, suffix } = selector;
      if (typeof exact !== 'string' || exact.trim() === '') {
        throw new ImportError(`${where} has a TextQuoteSelector without its "exact" text.`);
      }
      if ((prefix !== undefined && typeof prefix !== 'string') || (suffix !== undefined && typeof suffix !== 'string')) {
        throw new ImportError(`${where} has a TextQuoteSelector whose prefix or suffix is not text.`);
      }
      target.quote = { type: 'TextQuoteSelector', exact };
      if (prefix !== undefined) target.quote.prefix = prefix;
      if (suffix !== undefined) target.quote.suffix = suffix;
    } else if (hasType(selector, 'TextPositionSelector') && !target.position) {
      const { start, end } = selector;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number)) {
        throw new ImportError(`${where} has a TextPositionSelector whose start and end are not positions (0 ≤ start ≤ end).`);
      }
      target.position = { type: 'TextPositionSelector', start: start as number, end: end as number };
    }
    // Other selectors (RangeSelector, FragmentSelector…) describe the same passage in ways Backstory
    // does not anchor by; the quote and position suffice.
  }
}

function readTarget(value: unknown, where: string): Target {
  if (typeof value === 'string') return { source: value, hasSelectors: false };
  if (!isObject(value)) throw new ImportError(`${where} has a target that is neither a URL nor an object.`);
  let target: Target;
  if ('source' in value) {
    // Hypothesis has been seen to write the source as a one-item list.
    const source = Array.isArray(value.source) ? value.source[0] : value.source;
    if (typeof source === 'string') target = { source, hasSelectors: false };
    else if (isObject(source) && typeof source.id === 'string') target = { source: source.id, sourceObject: source, hasSelectors: false };
    else throw new ImportError(`${where} has a target whose source is not a URL.`);
  } else if (typeof value.id === 'string') {
    target = { source: value.id, sourceObject: value, hasSelectors: false };
  } else {
    throw new ImportError(`${where} has a target with neither a source nor an id.`);
  }
  readSelectors(value.selector, where, target);
  return target;
}

interface Bodies {
  comments: string[];
  tags: string[];
  entity?: { uri: string; label?: string };
}

function readBody(value: unknown, where: string, bodies: Bodies): void {
  if (typeof value === 'string') {
    // A body that is a link: the comment lives elsewhere, so the link is the comment.
    bodies.comments.push(value);
    return;
  }
  if (!isObject(value)) throw new ImportError(`${where} has a body that is neither a URL nor an object.`);
  if (hasType(value, 'Choice')) {
    // A choice offers alternatives of one body (languages, formats): the first stands for all. Followed
    // in a loop, not by recursion: a file can nest Choices deeper than any stack.
    let chosen: unknown = value;
    for (let depth = 0; isObject(chosen) && hasType(chosen, 'Choice'); depth++) {
      if (depth >= MAX_CHOICE_DEPTH) throw new RefusedAnnotation(`its body nests Choices more than ${MAX_CHOICE_DEPTH} deep`);
      [chosen] = asList(chosen.items);
    }
    if (chosen !== undefined) readBody(chosen, where, bodies);
    return;
  }
  const purposes = strings(value.purpose);
  if (hasType(value, 'TextualBody') || ('value' in value && !('source' in value))) {
    if (typeof value.value !== 'string') throw new ImportError(`${where} has a TextualBody without a text "value".`);
    const text = value.value.trim();
    if (text === '') return;
    if (purposes.includes('tagging')) bodies.tags.push(text);
    else bodies.comments.push(text);
    return;
  }
  if ('source' in value) {
    const source = value.source;
    const uri = typeof source === 'string' ? source : isObject(source) && typeof source.id === 'string' ? source.id : undefined;
    if (uri === undefined) throw new ImportError(`${where} has a body whose source is not a URL.`);
    const label = firstString(isObject(source) ? source.label : undefined) ?? firstString(value.label);
    if (purposes.includes('identifying')) bodies.entity ??= { uri, label };
    else if (purposes.includes('tagging')) bodies.tags.push(label ?? uri);
    return;
  }
  if (typeof value.id === 'string') {
    bodies.comments.push(value.id);
    return;
  }
  throw new ImportError(`${where} has a body that is neither a text, a link nor a resource.`);
}

function readTime(value: unknown, field: string, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new ImportError(`${where} has a "${field}" that is not a date: ${quoted(String(value))}.`);
  return time;
}

function isWebPage(url: string): boolean {
  return /^https?:$/i.test(new URL(url).protocol);
}

type Parsed = { annotation: SavedAnnotation } | { skip: string } | { refuse: string };

function readAnnotation(item: unknown, where: string, options: Required<Pick<ImportOptions, 'now' | 'newId'>> & ImportOptions): Parsed {
  if (!isObject(item)) throw new ImportError(`${where} is not an object.`);
  const types = [...strings(item.type), ...strings(item['@type'])];
  if (types.length > 0 && !types.includes('Annotation')) {
    throw new ImportError(`${where} is of type ${quoted(types.join(', '))}, not an Annotation.`);
  }
  if (item.target === undefined || item.target === null) throw new ImportError(`${where} has no target.`);
  const targets = asList(item.target).map((target) => readTarget(target, where));
  if (targets.length === 0) throw new ImportError(`${where} has no target.`);

  for (const target of targets) {
    try {
      new URL(target.source);
    } catch {
      throw new ImportError(`${where} has a target source that is not a URL: ${quoted(target.source)}.`);
    }
  }

  const bodies: Bodies = { comments: [], tags: [] };
  for (const body of asList(item.body)) readBody(body, where, bodies);
  if (item.bodyValue !== undefined) {
    if (typeof item.bodyValue !== 'string') throw new ImportError(`${where} has a "bodyValue" that is not text.`);
    if (item.bodyValue.trim()) bodies.comments.push(item.bodyValue.trim());
  }
  // Hypothesis keeps the comment in "text" and tags in "tags".
  if (item.text !== undefined && item.text !== null) {
    if (typeof item.text !== 'string') throw new ImportError(`${where} has a "text" that is not text.`);
    if (item.text.trim()) bodies.comments.push(item.text.trim());
  }
  if (item.tags !== undefined && item.tags !== null) {
    if (!Array.isArray(item.tags) || !item.tags.every((tag) => typeof tag === 'string')) {
      throw new ImportError(`${where} has "tags" that are not a list of texts.`);
    }
    bodies.tags.push(...(item.tags as string[]));
  }
  const createdAt = readTime(item.created, 'created', where) ?? options.now;
  const updatedAt = readTime(item.modified ?? item.updated, item.modified !== undefined ? 'modified' : 'updated', where) ?? createdAt;

  const target = targets.find((t) => t.quote);
  if (!target) {
    if (asList(item.references).length > 0) return { skip: 'a reply to another annotation, with no quoted passage' };
    if (targets.some((t) => t.hasSelectors)) return { skip: 'it marks no quoted text (only other kinds of selectors)' };
    return { skip: 'a note on the whole page, with no quoted passage' };
  }
  if (!isWebPage(target.source)) return { skip: `it is not on a web page (${quoted(target.source)})` };

  const annotation: SavedAnnotation = {
    id: (typeof item.id === 'string' ? uuidFromAnnotationUri(item.id) : undefined) ?? options.newId(),
    url: canonicalUrl(target.source),
    quote: target.quote!.exact,
    selectors: target.position ? [target.quote!, target.position] : [target.quote!],
    tags: [...new Set(bodies.tags.map((tag) => tag.trim()).filter(Boolean))],
    createdAt,
    updatedAt,
  };
  const source = target.sourceObject;
  const documentTitle = isObject(item.document) ? firstString(item.document.title) : undefined;
  const title = firstString(source?.[SOURCE_TITLE]) ?? firstString(source?.label) ?? documentTitle;
  if (title) annotation.title = title;
  const site = firstString(source?.[SOURCE_PUBLISHER]);
  if (site) annotation.site = site;
  const author = firstString(source?.[SOURCE_AUTHOR]);
  if (author) annotation.author = author;
  const published = firstString(source?.[SOURCE_PUBLISHED]);
  if (published) annotation.published = published;
  if (bodies.entity) {
    const ownId = entityIdFromUri(bodies.entity.uri);
    const entity = ownId !== undefined ? { id: ownId, name: bodies.entity.label } : options.resolveEntity?.(bodies.entity.uri, bodies.entity.label);
    if (entity) {
      annotation.entityId = entity.id;
      const name = entity.name ?? bodies.entity.label;
      if (name) annotation.entityName = name;
    }
  }
  if (bodies.comments.length > 0) annotation.comment = bodies.comments.join('\n\n');
  const fitted = withinLimits(annotation);
  return 'reason' in fitted ? { refuse: fitted.reason } : fitted;
}

/**
 * Saved passages from W3C Web Annotation JSON — one Annotation, a list, an AnnotationCollection with its
 * page embedded, or an AnnotationPage — or from Hypothesis (an exported file, a search API response, or
 * one annotation). All or nothing: the first problem found is returned as the error, naming the
 * annotation by its place in the file ("annotation 3 has no target"), and no annotation is returned.
 * Well-formed annotations that are not passages of a web page (page notes, replies, image regions,
 * PDFs opened from disk, `javascript:` targets) are listed in `skipped` with the reason; passages over
 * the limits of a saved passage (see annotation-limits.ts) in `refused`, with theirs.
 */
export function fromWebAnnotations(json: unknown, options: ImportOptions = {}): ImportResult {
  const settings = { ...options, now: options.now ?? Date.now(), newId: options.newId ?? (() => crypto.randomUUID()) };
  try {
    const items = itemsOf(json);
    const annotations: SavedAnnotation[] = [];
    const skipped: SkippedAnnotation[] = [];
    const refused: SkippedAnnotation[] = [];
    items.forEach((item, i) => {
      let parsed: Parsed;
      try {
        parsed = readAnnotation(item, `Annotation ${i + 1}`, settings);
      } catch (error) {
        if (!(error instanceof RefusedAnnotation)) throw error;
        parsed = { refuse: error.message };
      }
      if ('skip' in parsed) skipped.push({ index: i + 1, reason: parsed.skip });
      else if ('refuse' in parsed) refused.push({ index: i + 1, reason: parsed.refuse });
      else annotations.push(parsed.annotation);
    });
    return { annotations, skipped, refused };
  } catch (error) {
    if (error instanceof ImportError) return { error: error.message };
    throw error;
  }
}

/** The largest annotation file read: some 100,000 passages, exported with their context and metadata. */
export const ANNOTATION_FILE_LIMIT = 200 * MEGABYTE;

/**
 * An annotation file's text read as fromWebAnnotations reads its JSON, after the checks that keep a
 * hostile file from hurting the page: its length (ANNOTATION_FILE_LIMIT) and its nesting, before it
 * is parsed.
 */
export function fromWebAnnotationText(text: string, options: ImportOptions = {}): ImportResult {
  const tooLarge = overSizeLimit(text.length, ANNOTATION_FILE_LIMIT, 'an annotation file');
  if (tooLarge) return { error: `The file ${tooLarge}.` };
  const read = parseJson(text);
  if (!read.ok) return { error: `The file ${read.message}.` };
  return fromWebAnnotations(read.value, options);
}

/** An annotation file, its size checked before it is read (see fromWebAnnotationText). */
export async function fromWebAnnotationFile(file: Blob, options: ImportOptions = {}): Promise<ImportResult> {
  const tooLarge = overSizeLimit(file.size, ANNOTATION_FILE_LIMIT, 'an annotation file');
  if (tooLarge) return { error: `The file ${tooLarge}.` };
  return fromWebAnnotationText(await file.text(), options);
}
