import MiniSearch, { type SearchOptions } from 'minisearch';
import { foldForSearch } from '../text';
import type { SavedAnnotation } from './types';

export type LibrarySort = 'relevance' | 'newest' | 'oldest';

export interface LibrarySearchQuery {
  /** Words to find in quotes, comments, tags, titles and speakers' names; empty for every passage. */
  text?: string;
  entityId?: string;
  /** A tag, compared as search compares words (case and accents folded). */
  tag?: string;
  /** A site's name, compared like a tag. */
  site?: string;
  /**
   * Saved on or after: a day (`YYYY-MM-DD`, from its local midnight, as a date input gives it) or a
   * time in ms since the epoch.
   */
  from?: string | number;
  /** Saved on or before: a day (`YYYY-MM-DD`, to its end, local time) or a time in ms since the epoch. */
  to?: string | number;
  /** Relevance by default when there is text, else newest first. */
  sort?: LibrarySort;
  offset?: number;
  limit?: number;
}

export interface LibraryHit {
  annotation: SavedAnnotation;
  /** MiniSearch's relevance score; 0 when the query has no text. */
  score: number;
  /** The indexed (folded) words that matched, for highlighting. */
  terms: string[];
}

export interface LibraryResults {
  /** How many passages match, before offset and limit. */
  total: number;
  hits: LibraryHit[];
}

interface IndexedFields {
  id: string;
  quote: string;
  comment: string;
  tags: string;
  title: string;
  entityName: string;
}

const FIELDS: (keyof IndexedFields)[] = ['quote', 'comment', 'tags', 'title', 'entityName'];

/** Past foldings of terms: a library repeats its words, and folding one costs a tokenizer pass. */
const foldedTerms = new Map<string, string | string[] | null>();
const MAX_CACHED_TERMS = 100_000;

/** The words Backstory's matcher would see: case, accents, look-alike letters and invisibles folded. */
function processTerm(term: string): string | string[] | null {
  let folded = foldedTerms.get(term);
  if (folded === undefined) {
    const words = foldForSearch(term);
    folded = words === '' ? null : words.includes(' ') ? words.split(' ') : words;
    if (foldedTerms.size >= MAX_CACHED_TERMS) foldedTerms.clear();
    foldedTerms.set(term, folded);
  }
  return folded;
}

/** A tag or site as filters compare it; a value with no letters or digits (🔥) compares as written. */
const filterKey = (value: string) => foldForSearch(value) || value.trim().toLowerCase();

/**
 * Prefix search for every word of two letters or more (the last one is usually half typed); typos
 * forgiven in words of four letters or more: one edit up to seven letters, two up to twelve (MiniSearch
 * allows round(length × 0.2)). Every word must match.
 */
// Prefixes only for the word being typed (the last), and typos only in longer words: each
// expansion multiplies the terms looked up, and that is what a search of 50,000 passages pays for.
const SEARCH_OPTIONS: SearchOptions = {
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
  fuzzy: (term) => (term.length >= 5 ? 1 : false),
  combineWith: 'AND',
  boost: { quote: 2, entityName: 2, tags: 1.5 },
};

/** A day's first or last millisecond in local time, as the library's date inputs mean them. */
function dayBound(value: string | number | undefined, end: boolean): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`Not a day (YYYY-MM-DD): ${value}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // The end of a day is the last millisecond before the next local midnight.
  return end ? new Date(y, m - 1, d + 1).getTime() - 1 : new Date(y, m - 1, d).getTime();
}

/** A passage with its filter keys folded once, not at every search. */
interface Entry {
  annotation: SavedAnnotation;
  tagKeys: string[];
  siteKey?: string;
}

function entryOf(annotation: SavedAnnotation): Entry {
  return {
    annotation,
    tagKeys: annotation.tags.map(filterKey),
    siteKey: annotation.site === undefined ? undefined : filterKey(annotation.site),
  };
}

function fieldsOf(annotation: SavedAnnotation): IndexedFields {
  return {
    id: annotation.id,
    quote: annotation.quote,
    comment: annotation.comment ?? '',
    tags: annotation.tags.join(' '),
    title: annotation.title ?? '',
    entityName: annotation.entityName ?? '',
  };
}

const newestFirst = (a: LibraryHit, b: LibraryHit) => b.annotation.createdAt - a.annotation.createdAt;
const oldestFirst = (a: LibraryHit, b: LibraryHit) => a.annotation.createdAt - b.annotation.createdAt;

/**
 * Full-text search over the saved passages with filters and sorting, kept in memory and updated one
 * passage at a time as the library changes.
 */
export class LibrarySearch {
  private readonly index = new MiniSearch<IndexedFields>({ fields: FIELDS, processTerm, searchOptions: SEARCH_OPTIONS });
  private readonly entries = new Map<string, Entry>();
  /** Every passage, oldest first; rebuilt on the first search after a change. */
  private byDate: Entry[] | null = null;

  constructor(annotations: Iterable<SavedAnnotation> = []) {
    const list = [...annotations];
    for (const annotation of list) {
      if (this.entries.has(annotation.id)) throw new Error(`Duplicate annotation id: ${annotation.id}`);
      this.entries.set(annotation.id, entryOf(annotation));
    }
    this.index.addAll(list.map(fieldsOf));
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds a new passage, or replaces the one with its id. */
  put(annotation: SavedAnnotation): void {
    if (this.entries.has(annotation.id)) this.index.replace(fieldsOf(annotation));
    else this.index.add(fieldsOf(annotation));
    this.entries.set(annotation.id, entryOf(annotation));
    this.byDate = null;
  }

  /**
   * Brings the index in line with the library as it is now: puts what is new or changed (by
   * updatedAt, or a renamed speaker), removes what is gone. Far cheaper than a new index.
   */
  sync(annotations: Iterable<SavedAnnotation>): void {
    const present = new Set<string>();
    for (const annotation of annotations) {
      present.add(annotation.id);
      const known = this.entries.get(annotation.id)?.annotation;
      if (!known || known.updatedAt !== annotation.updatedAt || known.entityName !== annotation.entityName) this.put(annotation);
    }
    for (const id of [...this.entries.keys()]) if (!present.has(id)) this.remove(id);
  }

  /** Removes a passage; false when there was none with that id. */
  remove(id: string): boolean {
    if (!this.entries.delete(id)) return false;
    this.index.discard(id);
    this.byDate = null;
    return true;
  }

  search(query: LibrarySearchQuery = {}): LibraryResults {
    const matches = this.filterOf(query);
    const text = query.text ?? '';
    // Text of punctuation or spaces alone has no words to look for: it is no query.
    const hasWords = foldForSearch(text) !== '';
    const sort = query.sort ?? (hasWords ? 'relevance' : 'newest');
    const offset = Math.max(0, query.offset ?? 0);
    const end = query.limit === undefined ? Infinity : offset + Math.max(0, query.limit);
    return hasWords ? this.find(text, matches, sort, offset, end) : this.browse(matches, sort, offset, end);
  }

  private find(text: string, matches: (entry: Entry) => boolean, sort: LibrarySort, offset: number, end: number): LibraryResults {
    const hits: LibraryHit[] = this.index
      .search(text, { filter: (result) => matches(this.entries.get(result.id as string)!) })
      .map((result) => ({ annotation: this.entries.get(result.id as string)!.annotation, score: result.score, terms: result.terms }));
    hits.sort(sort === 'relevance' ? (a, b) => b.score - a.score || newestFirst(a, b) : sort === 'newest' ? newestFirst : oldestFirst);
    return { total: hits.length, hits: offset === 0 && end === Infinity ? hits : hits.slice(offset, end) };
  }

  /** Without words, relevance has nothing to rank by: newest first. Only the page asked for is made. */
  private browse(matches: (entry: Entry) => boolean, sort: LibrarySort, offset: number, end: number): LibraryResults {
    const ordered = this.sortedByDate();
    const fromNewest = sort !== 'oldest';
    const hits: LibraryHit[] = [];
    let total = 0;
    for (let i = 0; i < ordered.length; i++) {
      const entry = ordered[fromNewest ? ordered.length - 1 - i : i]!;
      if (!matches(entry)) continue;
      if (total >= offset && total < end) hits.push({ annotation: entry.annotation, score: 0, terms: [] });
      total++;
    }
    return { total, hits };
  }

  private filterOf(query: LibrarySearchQuery): (entry: Entry) => boolean {
    const { entityId } = query;
    const tag = query.tag ? filterKey(query.tag) : undefined;
    const site = query.site ? filterKey(query.site) : undefined;
    const from = dayBound(query.from, false);
    const to = dayBound(query.to, true);
    return ({ annotation, tagKeys, siteKey }) =>
      (entityId === undefined || annotation.entityId === entityId) &&
      (tag === undefined || tagKeys.includes(tag)) &&
      (site === undefined || siteKey === site) &&
      (from === undefined || annotation.createdAt >= from) &&
      (to === undefined || annotation.createdAt <= to);
  }

  private sortedByDate(): Entry[] {
    this.byDate ??= [...this.entries.values()].sort((a, b) => a.annotation.createdAt - b.annotation.createdAt);
    return this.byDate;
  }
}
