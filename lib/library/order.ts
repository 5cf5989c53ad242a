import type { Filterable } from './facets';
import type { LibraryHit, LibraryResults, LibrarySort } from './query';
import type { ListedPassage } from './saved-annotation';

/**
 * The library's passages in the order they were saved, and the orders and pages a search hands back:
 * the first of a list by score or by date, a page of the newest or oldest. Passages are known by their
 * slot in the index; `slots` is the index's own list of them (undefined for a free slot), read as it
 * changes.
 */
export class DateOrder<T extends ListedPassage> {
  /** Each slot's createdAt, for sorting without reaching into the passages. */
  private created = new Float64Array(64);
  /** Every slot in use, oldest first, and each slot's place in that order; rebuilt after a change. */
  private byDate: number[] | null = null;
  private rank = new Int32Array(0);
  private insertsSinceOrder = 0;

  constructor(
    private readonly slots: readonly (Filterable<T> | undefined)[],
    /** How many slots are in use. */
    private readonly inUse: () => number,
  ) {}

  /** Files the passage that has just taken `slot`. */
  add(slot: number, createdAt: number): void {
    if (slot >= this.created.length) {
      const grown = new Float64Array(Math.max(64, this.created.length * 2, slot + 1));
      grown.set(this.created);
      this.created = grown;
    }
    this.created[slot] = createdAt;
    this.placeInDateOrder(slot);
  }

  /** Takes a slot out of the order, before its passage leaves the index. */
  drop(slot: number): void {
    const { byDate } = this;
    if (!byDate) return;
    const at = this.rank[slot]!;
    byDate.splice(at, 1);
    this.renumber(at);
  }

  /** Without words, relevance has nothing to rank by: newest first. Only the page asked for is made. */
  browse(matches: ((entry: Filterable<T>) => boolean) | null, sort: LibrarySort, offset: number, end: number): LibraryResults<T> {
    const { byDate: ordered } = this.current();
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

  /**
   * The first `count` of `slots`, best first: by score (then newest) when `scores` are given, else by
   * date. Each slot gets one number that orders it as wanted — the score rounded to about one part in
   * 2^30, then the passage's place in date order — so that ordering is comparing numbers: one pass
   * keeps the best `count` in a small heap (most slots are turned away by one comparison), and only
   * those are sorted.
   */
  ordered(slots: Int32Array, scores: Float64Array | null, descending: boolean, count: number): number[] {
    const { byDate, rank } = this.current();
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
  current(): { byDate: number[]; rank: Int32Array } {
    this.insertsSinceOrder = 0;
    if (!this.byDate) {
      // The browser's own sort of the times (no comparison function to call), then each slot goes to
      // the first free place among its time's: binary search, and a count per time.
      const { created, slots } = this;
      const times = new Float64Array(this.inUse());
      let n = 0;
      for (let slot = 0; slot < slots.length; slot++) if (slots[slot]) times[n++] = created[slot]!;
      times.sort();
      const taken = new Int32Array(n);
      const byDate: number[] = new Array(n);
      for (let slot = 0; slot < slots.length; slot++) {
        if (!slots[slot]) continue;
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
