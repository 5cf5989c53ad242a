import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import { LibrarySearch } from '../library/search';
import type { LibrarySearchQuery } from '../library/query';
import type { ListedPassage, SavedAnnotation } from '../library/saved-annotation';
import type { AnnotationRow } from '../messages';
import { yieldToPage } from '../page/scheduler';
import type { BackstoryDatabase } from './db';
import { getEntities } from './knowledge';

/** Rows read from IndexedDB at a time while the index is built: each batch takes a few ms to copy. */
const CHUNK = 400;
/** How long indexing may hold the page before giving it back. */
const SLICE_MS = 8;
/** How often the page shows indexing progress. */
const PROGRESS_MS = 250;

/**
 * Adds to `into` the primary keys that a Dexie change names one by one (an IntervalTree of single
 * keys); false when it names a whole range instead — a table cleared, say — so only a full re-read
 * can tell what changed.
 */
export function changedKeys(tree: IntervalTree | undefined, into: Set<string>): boolean {
  const stack: (IntervalTree | null | undefined)[] = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.add(node.from);
    stack.push(node.l, node.r);
  }
  return true;
}

/**
 * Keeps a LibrarySearch of every saved passage in step with the database, for the library page. It
 * reads the newest passages first, for the list to show at once; then every passage, in batches by
 * primary key, indexed in slices that give the page back every few milliseconds; from then on, only
 * the passages each change names — made in this page or anywhere else in the extension, as Dexie
 * reports them — rather than the whole library again.
 */
export class LibraryIndexer {
  readonly index = new LibrarySearch<ListedPassage>();
  /** The newest passages, read before anything else: the list while the index is being built. */
  newest: ListedPassage[] | undefined;
  /** Passages in the library, as last counted (the index's own count once it is built). */
  total: number | undefined;
  /** Passages indexed so far. */
  indexed = 0;
  /** True once every passage is indexed. */
  ready = false;
  private markReady: () => void = () => undefined;
  /** Settles once every passage is indexed. */
  private readonly indexed$ = new Promise<void>((resolve) => (this.markReady = resolve));
  /** Bumped at every change the page should show. */
  version = 0;
  private readonly names = new Map<string, string | undefined>();
  private readonly pendingKeys = new Set<string>();
  private pendingAll = false;
  private pendingNames = false;
  private draining = false;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private lastNotice = 0;

  /** `previewSize`: how many of the newest passages to read first, the list's first page. */
  constructor(
    private readonly db: BackstoryDatabase,
    private readonly onChange: () => void,
    private readonly previewSize = 30,
  ) {}

  start(): void {
    // Listening before the first read: a change made while the library is read is not missed.
    Dexie.on('storagemutated', this.onMutated);
    void this.loadWithRetries();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.previewTimer);
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  private notify(now: boolean): void {
    if (this.stopped) return;
    if (!now && performance.now() - this.lastNotice < PROGRESS_MS) return;
    this.lastNotice = performance.now();
    this.version++;
    this.onChange();
  }

  // Right after install the background may still be creating or upgrading the database: the first
  // reads can fail, and are tried again rather than leave the library empty.
  private async loadWithRetries(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.load();
        return;
      } catch (error) {
        console.warn('Backstory library: reading the saved passages failed:', error);
        if (attempt >= 10) return;
        await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
      }
    }
  }

  private async load(): Promise<void> {
    await this.preview();
    this.notify(true);
    await this.readAll(async (rows) => {
      await this.putSliced(rows);
      this.indexed = this.index.size;
      this.notify(false);
    });
    if (this.stopped) return;
    // The date order, in a task of its own rather than in the first search's.
    await yieldToPage();
    this.index.prepare();
    await yieldToPage();
    if (this.stopped) return;
    this.ready = true;
    this.markReady();
    this.newest = undefined;
    this.total = this.index.size;
    this.notify(true);
    // Changes made while the library was read were kept for now.
    this.drain();
  }

  /** The count and the newest page, straight from the database. */
  private async preview(): Promise<void> {
    const [total, newest] = await Promise.all([this.db.annotations.count(), this.db.annotations.orderBy('createdAt').reverse().limit(this.previewSize).toArray()]);
    this.total = total;
    this.newest = await this.named(newest);
  }

  /**
   * Every row, a batch at a time in primary-key order, each batch with its speakers' names. The next
   * batch is asked for before this one is handed on, so the database reads it meanwhile.
   */
  private async readAll(each: (rows: ListedPassage[]) => Promise<void>): Promise<void> {
    const batchAfter = (last: string | undefined) =>
      (last === undefined ? this.db.annotations.orderBy(':id') : this.db.annotations.where(':id').above(last)).limit(CHUNK).toArray();
    let next = batchAfter(undefined);
    while (!this.stopped) {
      const rows = await next;
      if (this.stopped || rows.length === 0) return;
      const full = rows.length === CHUNK;
      if (full) next = batchAfter(rows[rows.length - 1]!.id);
      await each(await this.named(rows));
      if (!full) return;
    }
  }

  /**
   * Rows as the list keeps them: without their selectors (re-read for exports), with their speaker's
   * name, looked up once per speaker.
   */
  private async named(rows: AnnotationRow[]): Promise<ListedPassage[]> {
    const unknown = [...new Set(rows.flatMap((row) => (row.entityId && !this.names.has(row.entityId) ? [row.entityId] : [])))];
    if (unknown.length) {
      const entities = await getEntities(this.db, unknown);
      unknown.forEach((id, i) => this.names.set(id, entities[i]?.name));
    }
    return rows.map(({ selectors: _selectors, ...row }) => ({ ...row, entityName: row.entityId ? this.names.get(row.entityId) : undefined }));
  }

  /**
   * Every passage the query matches, in its order, whole (selectors included) as the database has it.
   * While the index is still being built, the whole library (no search, no filter) comes straight from
   * the database, newest first; a search or a filter waits for the index.
   */
  async export(query: LibrarySearchQuery): Promise<SavedAnnotation[]> {
    if (!this.ready) {
      const { sort: _sort, ...asked } = query;
      const unfiltered = Object.values(asked).every((value) => value === undefined || value === '');
      if (unfiltered) {
        const rows = await this.db.annotations.orderBy('createdAt').reverse().toArray();
        const named = await this.named(rows);
        return rows.map((row, i) => ({ ...row, entityName: named[i]!.entityName }));
      }
      await this.indexed$;
    }
    const hits = this.index.search({ ...query, limit: Number.MAX_SAFE_INTEGER }).hits;
    const rows = await this.db.annotations.bulkGet(hits.map((hit) => hit.annotation.id));
    return rows.flatMap((row, i) => (row ? [{ ...row, entityName: hits[i]!.annotation.entityName }] : []));
  }

  /** Indexes passages, giving the page back whenever a slice has used its time. */
  private async putSliced(annotations: ListedPassage[]): Promise<void> {
    let sliceStart = performance.now();
    for (const annotation of annotations) {
      this.index.put(annotation);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.stopped) return;
        sliceStart = performance.now();
      }
    }
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    const prefix = `idb://${this.db.name}/`;
    let relevant = false;
    for (const [part, tree] of Object.entries(parts)) {
      if (part === 'all') {
        // Everything may have changed (a page restored from the back-forward cache, say).
        this.pendingAll = this.pendingNames = relevant = true;
        continue;
      }
      if (!part.startsWith(prefix)) continue;
      const [table, index] = part.slice(prefix.length).split('/');
      if (table === 'annotations' && (index === '' || index === ':dels')) {
        if (!changedKeys(tree, this.pendingKeys)) this.pendingAll = true;
        relevant = true;
      } else if ((table === 'entities' || table === 'packParts' || table === 'trash') && index === '') {
        // A speaker edited or deleted, or a pack imported or removed: names may have changed.
        this.pendingNames = relevant = true;
      }
    }
    if (!relevant) return;
    if (this.ready) this.drain();
    else {
      // The list shows the database's newest passages until the index is built: read them again.
      clearTimeout(this.previewTimer);
      this.previewTimer = setTimeout(() => void this.preview().then(() => this.notify(true), () => undefined), 100);
    }
  };

  /** Applies the changes reported so far, and those reported meanwhile, one batch at a time. */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    void (async () => {
      try {
        while (!this.stopped && (this.pendingAll || this.pendingNames || this.pendingKeys.size)) {
          if (this.pendingAll) {
            this.pendingAll = false;
            this.pendingKeys.clear();
            await this.resync();
          } else if (this.pendingKeys.size) {
            const ids = [...this.pendingKeys];
            this.pendingKeys.clear();
            await this.refresh(ids);
          }
          if (this.pendingNames) {
            this.pendingNames = false;
            await this.refreshNames();
          }
          this.total = this.index.size;
          this.notify(true);
        }
      } catch (error) {
        console.warn('Backstory library: keeping the list up to date failed:', error);
      } finally {
        this.draining = false;
      }
    })();
  }

  /** Reads these passages again: put back those that are there, drop those that are not. */
  private async refresh(ids: string[]): Promise<void> {
    const rows = await this.db.annotations.bulkGet(ids);
    const found = await this.named(rows.filter((row): row is AnnotationRow => row !== undefined));
    const byId = new Map(found.map((a) => [a.id, a]));
    for (const id of ids) {
      const annotation = byId.get(id);
      if (annotation) this.index.put(annotation);
      else this.index.remove(id);
    }
  }

  /** Reads every passage again, re-indexing what changed and dropping what is gone. */
  private async resync(): Promise<void> {
    const present = new Set<string>();
    await this.readAll(async (rows) => {
      const changed = rows.filter((a) => {
        present.add(a.id);
        const known = this.index.get(a.id);
        return !known || known.updatedAt !== a.updatedAt || known.entityName !== a.entityName;
      });
      await this.putSliced(changed);
    });
    if (this.stopped) return;
    const gone = this.index.search({ limit: Number.MAX_SAFE_INTEGER }).hits.filter((hit) => !present.has(hit.annotation.id));
    for (const hit of gone) this.index.remove(hit.annotation.id);
  }

  /** Speakers renamed (or removed) since they were looked up: their passages are re-indexed. */
  private async refreshNames(): Promise<void> {
    const ids = [...this.names.keys()];
    if (!ids.length) return;
    const entities = await getEntities(this.db, ids);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const name = entities[i]?.name;
      if (this.names.get(id) === name) continue;
      this.names.set(id, name);
      const theirs = this.index.search({ entityId: id, limit: Number.MAX_SAFE_INTEGER }).hits;
      await this.putSliced(theirs.map((hit) => ({ ...hit.annotation, entityName: name })));
    }
  }
}
