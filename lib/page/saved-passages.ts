import type { Selector } from '../anchoring';
import type { SavedStatus } from '../messages';
import type { HighlightPainter, Mark } from './highlights';
import { SLICE_MS, yieldToPage } from './scheduler';

/** A saved passage as the page needs it to find it again. */
export interface SavedPassage {
  id: string;
  quote: string;
  selectors: unknown[];
  entityId?: string;
}

/**
 * Anchoring's side of saved passages (lib/page/find-passages.ts): the code that finds quotes in a page,
 * which the marker does not carry, as most pages have no saved passage.
 */
export interface PassageFinder {
  /** The quote and selectors that describe a selection in `root`, for saving. */
  describe(range: Range, root: Node): { quote: string; selectors: Selector[] };
  /**
   * Finds the passages in `root`, a slice at a time, pausing with `pause` between slices of about
   * `sliceMs`; calls `begin` before anchoring the first, `show` with what each slice found. Returns
   * the passages not found, or null once `cancelled` says so.
   */
  find(
    root: Node,
    passages: SavedPassage[],
    options: { cancelled(): boolean; begin(): void; show(found: [SavedPassage, Range][]): void; pause(): Promise<void>; sliceMs: number },
  ): Promise<SavedPassage[] | null>;
}

/**
 * The reader's saved passages on this page: found again on every visit (by position, quote, or
 * fuzzy match) and painted as `backstory-saved`; those that cannot be found are kept as orphaned so
 * the popup can list them — never silently lost.
 */
export class SavedPassages {
  private readonly marks = new Map<string, Mark>();
  private orphaned: SavedStatus['orphaned'] = [];
  private pass: SavedStatus['pass'];
  private generation = 0;
  /** Settles when the latest anchoring pass is over. */
  private ready: Promise<void> = Promise.resolve();
  private firstPassDone!: () => void;
  /** Settles once the page's passages have been anchored at least once. */
  private readonly firstPass = new Promise<void>((resolve) => (this.firstPassDone = resolve));

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter,
    private readonly options: {
      /** The passages saved for the page at `url`. */
      load(url: string): Promise<SavedPassage[]>;
      /** The finder, loaded when first needed. */
      finder(): Promise<PassageFinder>;
    },
  ) {}

  private get root(): Node {
    return this.doc.body ?? this.doc.documentElement;
  }

  /** The quote and selectors that describe a selection, for saving (the finder is loaded first). */
  async describe(range: Range): Promise<{ quote: string; selectors: Selector[] }> {
    return (await this.options.finder()).describe(range, this.root);
  }

  anchorAll(url: string): Promise<void> {
    this.ready = this.anchorPass(url).finally(() => this.firstPassDone());
    return this.ready;
  }

  /** Brings a saved passage on screen; false when it is not (or no longer) on the page. */
  async reveal(id: string, waitMs = 10_000): Promise<boolean> {
    // A request can come before the page was read (marks off on this site: it never is).
    await Promise.race([this.firstPass, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    await this.ready;
    const mark = this.marks.get(id);
    if (!mark) return false;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }

  /**
   * Finds every passage saved for this page (see PassageFinder.find); the finder is loaded only when
   * the page has passages.
   */
  private async anchorPass(url: string): Promise<void> {
    const generation = ++this.generation;
    const passages = await this.options.load(url);
    if (generation !== this.generation || !passages.length) return;
    const pass: NonNullable<SavedStatus['pass']> = { started: performance.now() };
    this.pass = pass;
    const cancelled = () => generation !== this.generation;
    const finder = await this.options.finder();
    if (cancelled()) return;
    const orphaned = await finder.find(this.root, passages, {
      cancelled,
      begin: () => this.clearMarks(),
      show: (found) => this.showAll(found),
      pause: yieldToPage,
      sliceMs: SLICE_MS,
    });
    if (!orphaned || cancelled()) return;
    this.orphaned = orphaned.map(({ id, quote }) => ({ id, quote }));
    pass.finished = performance.now();
  }

  private showAll(found: [SavedPassage, Range][]): void {
    for (const [passage, range] of found) this.show(passage, range);
  }

  show(passage: Pick<SavedPassage, 'id' | 'entityId'>, range: Range): void {
    const mark: Mark = { range: range.cloneRange(), entityIds: passage.entityId ? [passage.entityId] : [], kind: 'saved' };
    this.marks.set(passage.id, mark);
    this.painter.add(mark);
  }

  status(): SavedStatus {
    return { anchored: this.marks.size, orphaned: [...this.orphaned], ...(this.pass ? { pass: { ...this.pass } } : {}) };
  }

  clear(): void {
    this.generation++;
    this.clearMarks();
    this.orphaned = [];
  }

  private clearMarks(): void {
    this.painter.clear();
    this.marks.clear();
  }
}
