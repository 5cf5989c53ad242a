import SearchableMap from 'minisearch/SearchableMap';
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

/**
 * What the library lists and searches of a passage: all of it but its selectors, which only finding
 * it on its page and exporting need (a library of 50,000 keeps a good deal less in memory without them).
 */
export type ListedPassage = Omit<SavedAnnotation, 'selectors'>;

export interface LibraryHit<T extends ListedPassage = SavedAnnotation> {
  annotation: T;
  /** How well the passage matches the words; 0 when the query has no text. */
  score: number;
  /** The indexed (folded) words that matched, for highlighting. */
  terms: string[];
}

export interface LibraryResults<T extends ListedPassage = SavedAnnotation> {
  /** How many passages match, before offset and limit. */
  total: number;
  hits: LibraryHit<T>[];
}

/** The fields searched, how much a word found in each counts, and the length of a typical one in words. */
const FIELDS: { of(a: ListedPassage): string; boost: number; typicalLength: number }[] = [
  { of: (a) => a.quote, boost: 2, typicalLength: 25 },
  { of: (a) => a.comment ?? '', boost: 1, typicalLength: 12 },
  { of: (a) => a.tags.join(' '), boost: 1.5, typicalLength: 2 },
  { of: (a) => a.title ?? '', boost: 1, typicalLength: 8 },
  { of: (a) => a.entityName ?? '', boost: 2, typicalLength: 2 },
];

/** BM25's saturation of repeated words (k1) and its allowance for long fields (b). */
const K1 = 1.2;
const B = 0.7;
/** A word matched only as the start of a longer word, or with a typo, counts less than the word itself. */
const PREFIX_WEIGHT = 0.5;
const TYPO_WEIGHT = 0.4;
/** The last word is taken as a prefix once it has this many letters; typos forgiven from this many. */
const MIN_PREFIX = 2;
const MIN_TYPO = 5;

/** Where words split: at spaces, line breaks and punctuation. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

/** Past foldings of words: a library repeats its words, and folding one costs a tokenizer pass. */
const foldedTerms = new Map<string, string | string[] | null>();
const MAX_CACHED_TERMS = 100_000;

/** The words Backstory's matcher would see: case, accents, look-alike letters and invisibles folded. */
function foldWord(word: string): string | string[] | null {
  let folded = foldedTerms.get(word);
  if (folded === undefined) {
    const words = foldForSearch(word);
    folded = words === '' ? null : words.includes(' ') ? words.split(' ') : words;
    if (foldedTerms.size >= MAX_CACHED_TERMS) foldedTerms.clear();
    foldedTerms.set(word, folded);
  }
  return folded;
}

/** The folded words of a text, in order, repeats kept. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const part of text.split(SEPARATORS)) {
    if (!part) continue;
    const folded = foldWord(part);
    if (folded === null) continue;
    if (typeof folded === 'string') out.push(folded);
    else out.push(...folded);
  }
  return out;
}

/** A tag or site as filters compare it; a value with no letters or digits (🔥) compares as written. */
const filterKey = (value: string) => foldForSearch(value) || value.trim().toLowerCase();

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

/** The speakers (id and name, by name), tags and sites of the passages, as the filters offer them. */
export interface LibraryFacets {
  entities: [id: string, name: string][];
  tags: string[];
  sites: string[];
}

function bump(map: Map<string, number>, key: string | undefined, by: 1 | -1): void {
  if (key === undefined || key === '') return;
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** Scratch space for indexing one passage, reused to spare the garbage collector. */
const fieldCounts = new Map<string, number>();
const passageWeights = new Map<string, number>();

/** A passage with its filter keys folded once, not at every search. */
interface Entry<T extends ListedPassage> {
  annotation: T;
  tagKeys: string[];
  siteKey?: string;
  /** The ids of the words it holds, to find them again when it leaves the index. */
  terms: Int32Array;
}

/** The passages holding one word, as slot numbers, with the word's weight in each. */
class Postings {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;
  /** Live passages holding the word: slots of removed passages stay until the next compaction. */
  live = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length++] = weight;
    this.live++;
  }

  /** Drops the slots of removed passages. */
  compact(alive: (slot: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = this.slots[i]!;
      if (!alive(slot)) continue;
      this.slots[kept] = slot;
      this.weights[kept++] = this.weights[i]!;
    }
    this.length = kept;
  }
}

/** How a query word reaches the index: each matching indexed word with how much it counts. */
type Expansion = Map<number, number>;

/**
 * Full-text search over the saved passages with filters and sorting, kept in memory and updated one
 * passage at a time as the library changes.
 *
 * An inverted index of folded words: for each word, the passages holding it and a BM25 weight that
 * accounts for the field it is in. A search adds up the weights of the words asked for, keeps the
 * passages that hold every one of them, and orders only as many as are asked for — so a word found in
 * half of 50,000 passages costs a pass over those, not a result object for each. The last word also
 * matches as the start of a longer word (it is usually half typed); words of five letters or more
 * also match words one edit away. Both count less than the word itself.
 */
export class LibrarySearch<T extends ListedPassage = SavedAnnotation> {
  /** Every indexed word → its id; a radix tree, for prefixes and typos. */
  private readonly vocabulary = new SearchableMap<number>();
  private readonly words: (string | undefined)[] = [];
  private readonly postings: (Postings | undefined)[] = [];
  private readonly freeWords: number[] = [];
  /** Passages by slot; undefined for a slot freed by a removal. */
  private readonly slots: (Entry<T> | undefined)[] = [];
  /** Slots of removed passages still named in postings; reusable after compaction. */
  private stale = 0;
  private readonly freeSlots: number[] = [];
  private readonly byId = new Map<string, number>();
  /** Each slot's createdAt, for sorting without reaching into the passages. */
  private created = new Float64Array(64);
  /** Every slot in use, oldest first, and each slot's place in that order; rebuilt after a change. */
  private byDate: number[] | null = null;
  private rank = new Int32Array(0);
  private insertsSinceOrder = 0;
  /** How many passages name each speaker (with the name), tag and site: what the filters offer. */
  private readonly speakers = new Map<string, { count: number; name: string | undefined }>();
  private readonly tagCounts = new Map<string, number>();
  private readonly siteCounts = new Map<string, number>();
  private facetCache: LibraryFacets | null = null;

  constructor(annotations: Iterable<T> = []) {
    for (const annotation of annotations) {
      if (this.byId.has(annotation.id)) throw new Error(`Duplicate annotation id: ${annotation.id}`);
      this.put(annotation);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The passage with this id, as indexed. */
  get(id: string): T | undefined {
    const slot = this.byId.get(id);
    return slot === undefined ? undefined : this.slots[slot]?.annotation;
  }

  /** Adds a new passage, or replaces the one with its id. */
  put(annotation: T): void {
    this.remove(annotation.id);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    passageWeights.clear();
    for (const field of FIELDS) {
      const words = wordsOf(field.of(annotation));
      if (!words.length) continue;
      fieldCounts.clear();
      for (const word of words) fieldCounts.set(word, (fieldCounts.get(word) ?? 0) + 1);
      const norm = K1 * (1 - B + (B * words.length) / field.typicalLength);
      for (const [word, tf] of fieldCounts) {
        passageWeights.set(word, (passageWeights.get(word) ?? 0) + (field.boost * tf * (K1 + 1)) / (tf + norm));
      }
    }
    const terms = new Int32Array(passageWeights.size);
    let i = 0;
    for (const [word, weight] of passageWeights) {
      const id = this.wordId(word);
      this.postings[id]!.push(slot, weight);
      terms[i++] = id;
    }
    this.slots[slot] = {
      annotation,
      tagKeys: annotation.tags.map(filterKey),
      siteKey: annotation.site === undefined ? undefined : filterKey(annotation.site),
      terms,
    };
    if (slot >= this.created.length) {
      const grown = new Float64Array(Math.max(64, this.created.length * 2, slot + 1));
      grown.set(this.created);
      this.created = grown;
    }
    this.created[slot] = annotation.createdAt;
    this.byId.set(annotation.id, slot);
    this.placeInDateOrder(slot);
    this.count(annotation, 1);
  }

  /** Keeps the filters' choices in step with a passage coming (1) or going (-1). */
  private count(annotation: T, by: 1 | -1): void {
    if (annotation.entityId) {
      const speaker = this.speakers.get(annotation.entityId);
      const count = (speaker?.count ?? 0) + by;
      if (count <= 0) this.speakers.delete(annotation.entityId);
      else this.speakers.set(annotation.entityId, { count, name: by > 0 ? annotation.entityName : speaker?.name });
    }
    for (const tag of new Set(annotation.tags)) bump(this.tagCounts, tag, by);
    bump(this.siteCounts, annotation.site, by);
    this.facetCache = null;
  }

  /** The speakers, tags and sites of the passages indexed, for the filters to offer. */
  facets(): LibraryFacets {
    this.facetCache ??= {
      entities: [...this.speakers].map(([id, { name }]) => [id, name ?? id] as [string, string]).sort((a, b) => a[1].localeCompare(b[1])),
      tags: [...this.tagCounts.keys()].sort(),
      sites: [...this.siteCounts.keys()].sort(),
    };
    return this.facetCache;
  }

  /**
   * Brings the index in line with the library as it is now: puts what is new or changed (by
   * updatedAt, or a renamed speaker), removes what is gone. Far cheaper than a new index.
   */
  sync(annotations: Iterable<T>): void {
    const present = new Set<string>();
    for (const annotation of annotations) {
      present.add(annotation.id);
      const known = this.get(annotation.id);
      if (!known || known.updatedAt !== annotation.updatedAt || known.entityName !== annotation.entityName) this.put(annotation);
    }
    for (const id of [...this.byId.keys()]) if (!present.has(id)) this.remove(id);
  }

  /** Removes a passage; false when there was none with that id. */
  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    this.byId.delete(id);
    this.count(this.slots[slot]!.annotation, -1);
    for (const word of this.slots[slot]!.terms) this.postings[word]!.live--;
    this.dropFromDateOrder(slot);
    this.slots[slot] = undefined;
    this.stale++;
    // Removed passages are skipped by searches until their slots are dropped from the postings, all
    // at once, when they are a good share of the index.
    if (this.stale > 1000 && this.stale > this.byId.size / 4) this.compact();
    return true;
  }

  /** Drops removed passages from every posting list, and words no passage holds any more. */
  private compact(): void {
    const alive = (slot: number) => this.slots[slot] !== undefined;
    for (let id = 0; id < this.postings.length; id++) {
      const postings = this.postings[id];
      if (!postings) continue;
      if (postings.live === 0) {
        this.vocabulary.delete(this.words[id]!);
        this.words[id] = undefined;
        this.postings[id] = undefined;
        this.freeWords.push(id);
      } else if (postings.length > postings.live) {
        postings.compact(alive);
      }
    }
    // Every empty slot is now named in no posting list and can take a new passage.
    this.freeSlots.length = 0;
    for (let slot = this.slots.length - 1; slot >= 0; slot--) if (!this.slots[slot]) this.freeSlots.push(slot);
    this.stale = 0;
  }

  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.freeWords.pop() ?? this.words.length;
      this.vocabulary.set(word, id);
      this.words[id] = word;
      this.postings[id] = new Postings();
    }
    return id;
  }

  /**
   * Puts the passages in date order now (searches need it, and it is dropped while many passages are
   * added at once), so that the next search does not pay for it.
   */
  prepare(): void {
    this.dateOrder();
  }

  search(query: LibrarySearchQuery = {}): LibraryResults<T> {
    const matches = this.filterOf(query);
    const words = [...new Set(wordsOf(query.text ?? ''))];
    // Text of punctuation or spaces alone has no words to look for: it is no query.
    const sort = query.sort ?? (words.length ? 'relevance' : 'newest');
    const offset = Math.max(0, query.offset ?? 0);
    const end = query.limit === undefined ? Infinity : offset + Math.max(0, query.limit);
    return words.length ? this.find(words, matches, sort, offset, end) : this.browse(matches, sort, offset, end);
  }

  /** The indexed words a query word stands for, each with how much it counts. */
  private expand(word: string, last: boolean): Expansion {
    const expansion: Expansion = new Map();
    const exact = this.vocabulary.get(word);
    if (exact !== undefined) expansion.set(exact, 1);
    if (last && word.length >= MIN_PREFIX) {
      for (const [longer, id] of this.vocabulary.atPrefix(word)) {
        if (longer !== word) expansion.set(id, PREFIX_WEIGHT * (word.length / longer.length));
      }
    }
    if (word.length >= MIN_TYPO) {
      for (const [near, [id, distance]] of this.vocabulary.fuzzyGet(word, 1)) {
        if (distance > 0 && !expansion.has(id)) expansion.set(id, TYPO_WEIGHT * (1 - 1 / near.length));
      }
    }
    return expansion;
  }

  private find(words: string[], matches: ((entry: Entry<T>) => boolean) | null, sort: LibrarySort, offset: number, end: number): LibraryResults<T> {
    const expansions = words.map((word, i) => this.expand(word, i === words.length - 1));
    const cost = (expansion: Expansion) => {
      let n = 0;
      for (const id of expansion.keys()) n += this.postings[id]!.length;
      return n;
    };
    // The rarest word first: later words only look at the passages every earlier one matched.
    const order = expansions.map((expansion) => ({ expansion, cost: cost(expansion) })).sort((a, b) => a.cost - b.cost);
    const slotCount = this.slots.length;
    const total = new Float64Array(slotCount);
    const best = new Float64Array(slotCount);
    /** How many words each passage has matched so far. */
    const matched = new Int32Array(slotCount);
    /** Which word last touched a passage (1-based), to keep the best expansion per word. */
    const stamp = new Int32Array(slotCount);
    let touched = new Int32Array(0);
    let count = 0;
    const live = this.size;
    // Removed passages linger in the lists until the next compaction; most of the time there are none.
    const entries = this.slots;
    const checkRemoved = this.stale > 0;
    for (let w = 0; w < order.length; w++) {
      const { expansion, cost: postingCount } = order[w]!;
      touched = new Int32Array(Math.min(postingCount, slotCount));
      count = 0;
      for (const [id, factor] of expansion) {
        const postings = this.postings[id]!;
        if (postings.live === 0) continue;
        // Rarer words tell more (BM25's inverse document frequency).
        const idf = Math.log(1 + (live - postings.live + 0.5) / (postings.live + 0.5));
        const scale = idf * factor;
        const { slots, weights, length } = postings;
        for (let k = 0; k < length; k++) {
          const slot = slots[k]!;
          if (matched[slot] !== w || (checkRemoved && entries[slot] === undefined)) continue;
          const value = weights[k]! * scale;
          if (stamp[slot] !== w + 1) {
            stamp[slot] = w + 1;
            best[slot] = value;
            touched[count++] = slot;
          } else if (value > best[slot]!) {
            best[slot] = value;
          }
        }
      }
      for (let k = 0; k < count; k++) {
        const slot = touched[k]!;
        total[slot] += best[slot]!;
        matched[slot] = w + 1;
      }
      if (count === 0) break;
    }
    let candidates = touched.subarray(0, count);
    if (matches) {
      let kept = 0;
      for (let k = 0; k < count; k++) if (matches(this.slots[candidates[k]!]!)) candidates[kept++] = candidates[k]!;
      candidates = candidates.subarray(0, kept);
    }
    const page = this.ordered(candidates, sort === 'relevance' ? total : null, sort !== 'oldest', end).slice(offset);
    const wanted = new Set<number>();
    for (const expansion of expansions) for (const id of expansion.keys()) wanted.add(id);
    const hits = page.map((slot) => {
      const entry = this.slots[slot]!;
      const terms: string[] = [];
      for (const id of entry.terms) if (wanted.has(id)) terms.push(this.words[id]!);
      return { annotation: entry.annotation, score: total[slot]!, terms };
    });
    return { total: candidates.length, hits };
  }

  /** Without words, relevance has nothing to rank by: newest first. Only the page asked for is made. */
  private browse(matches: ((entry: Entry<T>) => boolean) | null, sort: LibrarySort, offset: number, end: number): LibraryResults<T> {
    const { byDate: ordered } = this.dateOrder();
    const fromNewest = sort !== 'oldest';
    const hits: LibraryHit<T>[] = [];
    if (!matches) {
      for (let i = offset; i < Math.min(end, ordered.length); i++) {
        const entry = this.slots[ordered[fromNewest ? ordered.length - 1 - i : i]!]!;
        hits.push({ annotation: entry.annotation, score: 0, terms: [] });
      }
      return { total: ordered.length, hits };
    }
    let total = 0;
    for (let i = 0; i < ordered.length; i++) {
      const entry = this.slots[ordered[fromNewest ? ordered.length - 1 - i : i]!]!;
      if (!matches(entry)) continue;
      if (total >= offset && total < end) hits.push({ annotation: entry.annotation, score: 0, terms: [] });
      total++;
    }
    return { total, hits };
  }

  /** The filters as one test, or null when there are none. */
  private filterOf(query: LibrarySearchQuery): ((entry: Entry<T>) => boolean) | null {
    const { entityId } = query;
    const tag = query.tag ? filterKey(query.tag) : undefined;
    const site = query.site ? filterKey(query.site) : undefined;
    const from = dayBound(query.from, false);
    const to = dayBound(query.to, true);
    if (entityId === undefined && tag === undefined && site === undefined && from === undefined && to === undefined) return null;
    return ({ annotation, tagKeys, siteKey }) =>
      (entityId === undefined || annotation.entityId === entityId) &&
      (tag === undefined || tagKeys.includes(tag)) &&
      (site === undefined || siteKey === site) &&
      (from === undefined || annotation.createdAt >= from) &&
      (to === undefined || annotation.createdAt <= to);
  }

  /**
   * The first `count` of `slots`, best first: by score (then newest) when `scores` are given, else by
   * date. Each slot gets one number that orders it as wanted — the score rounded to about one part in
   * 2^30, then the passage's place in date order — so that ordering is comparing numbers: one pass
   * keeps the best `count` in a small heap (most slots are turned away by one comparison), and only
   * those are sorted.
   */
  private ordered(slots: Int32Array, scores: Float64Array | null, descending: boolean, count: number): number[] {
    const { byDate, rank } = this.dateOrder();
    const span = 2 ** Math.ceil(Math.log2(byDate.length + 1));
    let scale = 0;
    if (scores) {
      let max = 0;
      for (let i = 0; i < slots.length; i++) max = Math.max(max, scores[slots[i]!]!);
      scale = max > 0 ? Math.floor(2 ** 52 / span) / max : 0;
    }
    // One key per slot; larger keys come first (for oldest first, keys are negated).
    const sign = descending ? 1 : -1;
    const keys = new Float64Array(slots.length);
    if (scores) {
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        keys[i] = sign * (Math.floor(scores[slot]! * scale) * span + rank[slot]!);
      }
    } else {
      for (let i = 0; i < slots.length; i++) keys[i] = sign * rank[slots[i]!]!;
    }
    const size = Math.min(count, slots.length);
    const kept = size >= slots.length / 4 ? keys : largest(keys, size);
    kept.sort();
    const out: number[] = new Array(size);
    for (let i = 0; i < size; i++) {
      const key = sign * kept[kept.length - 1 - i]!;
      out[i] = byDate[key % span]!;
    }
    return out;
  }

  /**
   * Slots in use, oldest first (among equal times, in slot order), and each slot's place in that
   * order. Kept up to date one passage at a time after it is first built; a burst of additions (the
   * library being read) drops it instead, to be built again once, when next needed.
   */
  private dateOrder(): { byDate: number[]; rank: Int32Array } {
    this.insertsSinceOrder = 0;
    if (!this.byDate) {
      // The browser's own sort of the times (no comparison function to call), then each slot goes to
      // the first free place among its time's: binary search, and a count per time.
      const { created } = this;
      const times = new Float64Array(this.byId.size);
      let n = 0;
      for (let slot = 0; slot < this.slots.length; slot++) if (this.slots[slot]) times[n++] = created[slot]!;
      times.sort();
      const taken = new Int32Array(n);
      const byDate: number[] = new Array(n);
      for (let slot = 0; slot < this.slots.length; slot++) {
        if (!this.slots[slot]) continue;
        const at = created[slot]!;
        let low = 0;
        let high = n;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (times[middle]! < at) low = middle + 1;
          else high = middle;
        }
        byDate[low + taken[low]!++] = slot;
      }
      this.byDate = byDate;
      this.rank = new Int32Array(this.created.length);
      this.renumber(0);
    }
    return { byDate: this.byDate, rank: this.rank };
  }

  /** Rank of every slot from `from` on in the date order, after an insertion or removal there. */
  private renumber(from: number): void {
    const { byDate, rank } = this;
    if (!byDate) return;
    for (let i = from; i < byDate.length; i++) rank[byDate[i]!] = i;
  }

  private placeInDateOrder(slot: number): void {
    const { byDate, created } = this;
    if (!byDate) return;
    if (++this.insertsSinceOrder > 256) {
      this.byDate = null;
      return;
    }
    if (this.rank.length < created.length) {
      const grown = new Int32Array(created.length);
      grown.set(this.rank);
      this.rank = grown;
    }
    const at = created[slot]!;
    let low = 0;
    let high = byDate.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = byDate[middle]!;
      if (created[other]! < at || (created[other] === at && other < slot)) low = middle + 1;
      else high = middle;
    }
    byDate.splice(low, 0, slot);
    this.renumber(low);
  }

  private dropFromDateOrder(slot: number): void {
    const { byDate } = this;
    if (!byDate) return;
    const at = this.rank[slot]!;
    byDate.splice(at, 1);
    this.renumber(at);
  }
}

/** The `size` largest of `keys`, unordered: a min-heap whose top is the least of those kept. */
function largest(keys: Float64Array, size: number): Float64Array {
  const heap = new Float64Array(size);
  if (size === 0) return heap;
  let filled = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (filled < size) {
      // Sift up.
      let at = filled++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= key) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = key;
    } else if (key > heap[0]!) {
      // Replace the least, sift down.
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && heap[right]! < heap[left]! ? right : left;
        if (heap[child]! >= key) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = key;
    }
  }
  return heap;
}
