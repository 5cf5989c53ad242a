import { anchor, createTextIndex, describe, type Selector } from '../anchoring';
import type { HighlightPainter, Mark } from './highlights';
import { eachSliced } from './scheduler';

/** A saved passage as the page needs it to find it again. */
export interface SavedPassage {
  id: string;
  quote: string;
  selectors: unknown[];
  entityId?: string;
}

export interface SavedStatus {
  anchored: number;
  orphaned: { id: string; quote: string }[];
}

/**
 * The reader's saved passages on this page: found again on every visit (by position, quote, or
 * fuzzy match) and painted as `backstory-saved`; those that cannot be found are kept as orphaned so
 * the popup can list them — never silently lost.
 */
export class SavedPassages {
  private readonly marks = new Map<string, Mark>();
  private orphaned: SavedStatus['orphaned'] = [];
  private generation = 0;
  /** Settles when the latest anchoring pass is over. */
  private ready: Promise<void> = Promise.resolve();
  private firstPassDone!: () => void;
  /** Settles once the page's passages have been anchored at least once. */
  private readonly firstPass = new Promise<void>((resolve) => (this.firstPassDone = resolve));

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter,
    private readonly options: { load(url: string): Promise<SavedPassage[]> },
  ) {}

  private get root(): Node {
    return this.doc.body ?? this.doc.documentElement;
  }

  /** The quote and selectors that describe a selection, for saving. */
  describe(range: Range): { quote: string; selectors: Selector[] } {
    const selectors = describe(range, this.root);
    return { quote: selectors[0].exact, selectors };
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

  private async anchorPass(url: string): Promise<void> {
    const generation = ++this.generation;
    const passages = await this.options.load(url);
    if (generation !== this.generation || !passages.length) return;
    this.clearMarks();
    // One text index for the whole page, however many passages are anchored against it.
    const index = createTextIndex(this.root);
    const orphaned: SavedStatus['orphaned'] = [];
    await eachSliced(
      passages,
      (passage) => {
        const range = anchor(this.root, passage.selectors as Selector[], { index });
        if (range) this.show(passage, range);
        else orphaned.push({ id: passage.id, quote: passage.quote });
      },
      () => generation !== this.generation,
    );
    if (generation === this.generation) this.orphaned = orphaned;
  }

  show(passage: Pick<SavedPassage, 'id' | 'entityId'>, range: Range): void {
    const mark: Mark = { range: range.cloneRange(), entityIds: passage.entityId ? [passage.entityId] : [], kind: 'saved' };
    this.marks.set(passage.id, mark);
    this.painter.add(mark);
  }

  status(): SavedStatus {
    return { anchored: this.marks.size, orphaned: [...this.orphaned] };
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
