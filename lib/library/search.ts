import SearchableMap from 'minisearch/SearchableMap';
import { FacetCounts, filterKey, filterOf, type Filterable, type LibraryFacets } from './facets';
import { DateOrder } from './order';
import { Postings } from './postings';
import type { LibraryResults, LibrarySearchQuery, LibrarySort } from './query';
import type { ListedPassage, SavedAnnotation } from './saved-annotation';
import { wordsOf } from './words';

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

/** Scratch space for indexing one passage, reused to spare the garbage collector. */
const fieldCounts = new Map<string, number>();
const passageWeights = new Map<string, number>();

/** A passage as indexed: its filter keys folded once, and the ids of the words it holds. */
interface Entry<T extends ListedPassage> extends Filterable<T> {
  /** The ids of the words it holds, to find them again when it leaves the index. */
  terms: Int32Array;
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
 * also match words one edit away. Both count less than the word itself. Filters and what they offer
 * are in facets.ts; the date order and the paging of results in order.ts.
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
  private readonly order = new DateOrder<T>(this.slots, () => this.byId.size);
  private readonly facetCounts = new FacetCounts();

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
    this.byId.set(annotation.id, slot);
    this.order.add(slot, annotation.createdAt);
    this.facetCounts.count(annotation, 1);
  }

  /** The speakers, tags and sites of the passages indexed, for the filters to offer. */
  facets(): LibraryFacets {
    return this.facetCounts.facets();
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
    this.facetCounts.count(this.slots[slot]!.annotation, -1);
    for (const word of this.slots[slot]!.terms) this.postings[word]!.live--;
    this.order.drop(slot);
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
    this.order.current();
  }

  search(query: LibrarySearchQuery = {}): LibraryResults<T> {
    const matches = filterOf<T>(query);
    const words = [...new Set(wordsOf(query.text ?? ''))];
    // Text of punctuation or spaces alone has no words to look for: it is no query.
    const sort = query.sort ?? (words.length ? 'relevance' : 'newest');
    const offset = Math.max(0, query.offset ?? 0);
    const end = query.limit === undefined ? Infinity : offset + Math.max(0, query.limit);
    return words.length ? this.find(words, matches, sort, offset, end) : this.order.browse(matches, sort, offset, end);
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

  private find(words: string[], matches: ((entry: Filterable<T>) => boolean) | null, sort: LibrarySort, offset: number, end: number): LibraryResults<T> {
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
    const page = this.order.ordered(candidates, sort === 'relevance' ? total : null, sort !== 'oldest', end).slice(offset);
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
}
