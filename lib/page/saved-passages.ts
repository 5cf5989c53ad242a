import { anchorSliced, anchorWithInfo, createTextIndex, createTextIndexSliced, describe, Slicer, UI_ATTRIBUTE, type Selector, type TextIndex } from '../anchoring';
import type { SavedStatus } from '../messages';
import type { HighlightPainter, Mark } from './highlights';
import { SLICE_MS, yieldToPage } from './scheduler';

/** How many times one anchoring pass reads the page's text again because the page changed. */
const MAX_REREADS = 5;

/** A saved passage as the page needs it to find it again. */
export interface SavedPassage {
  id: string;
  quote: string;
  selectors: unknown[];
  entityId?: string;
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

  /**
   * Finds every passage saved for this page without holding the page for long: the page's text is
   * read in slices, passages are anchored a slice at a time, and each slice's highlights are painted
   * together before the page gets the main thread back. If the page's text changes meanwhile, it is
   * read again before the next passage.
   */
  private async anchorPass(url: string): Promise<void> {
    const generation = ++this.generation;
    const passages = await this.options.load(url);
    if (generation !== this.generation || !passages.length) return;
    const pass: NonNullable<SavedStatus['pass']> = { started: performance.now() };
    this.pass = pass;
    const cancelled = () => generation !== this.generation;
    // Whether the page's text changed since it was last read. Records reach the callback at the end
    // of the task that made them, before anchoring goes on after a pause; takeRecords() has the rest.
    let textChanged = false;
    const changes = new MutationObserver((records) => (textChanged ||= records.some(changesText)));
    const pageChanged = () => {
      textChanged ||= changes.takeRecords().some(changesText);
      const answer = textChanged;
      textChanged = false;
      return answer;
    };
    changes.observe(this.root, { childList: true, characterData: true, subtree: true });
    try {
      const readText = () => createTextIndexSliced(this.root, { pause: yieldToPage, sliceMs: SLICE_MS, cancelled, compact: true });
      let index: TextIndex | null = await readText();
      if (!index) return;
      // Anchoring starts in a task of its own, not at the end of the last slice of reading.
      await yieldToPage();
      if (cancelled()) return;
      this.clearMarks();
      const orphaned: SavedStatus['orphaned'] = [];
      let found: [SavedPassage, Range][] = [];
      let rereads = 0;
      // One slicer for the loop and the anchoring it calls: a long quote is matched in steps, and each
      // slice's highlights are painted before the page gets the main thread back.
      const slicer = new Slicer(
        async () => {
          this.showAll(found);
          found = [];
          await yieldToPage();
        },
        SLICE_MS,
        cancelled,
      );
      // A page that keeps changing is read again a few times at most; past that, a passage whose text
      // moved under the index is found with a fresh one (below).
      const readAgainIfChanged = async (): Promise<boolean> => {
        if (rereads >= MAX_REREADS || !pageChanged()) return false;
        rereads++;
        index = await readText();
        if (!index) return true;
        await yieldToPage();
        slicer.restart();
        return true;
      };
      for (const passage of passages) {
        await readAgainIfChanged();
        if (!index || cancelled()) return;
        const selectors = passage.selectors as Selector[];
        let range: Range | null;
        for (;;) {
          try {
            range = (await anchorSliced(this.root, selectors, { index, slicer }))?.range ?? null;
          } catch {
            // The text index no longer matches the page's nodes: a fresh one, and no pause that would let the page change again.
            index = createTextIndex(this.root);
            range = anchorWithInfo(this.root, selectors, { index })?.range ?? null;
            break;
          }
          // A long quote is matched with pauses, during which the page may have changed: then again.
          if (!(await readAgainIfChanged())) break;
          if (!index || cancelled()) return;
        }
        if (cancelled()) return;
        if (range) found.push([passage, range]);
        else orphaned.push({ id: passage.id, quote: passage.quote });
        if (!(await slicer.breathe())) return;
      }
      this.showAll(found);
      this.orphaned = orphaned;
      pass.finished = performance.now();
    } finally {
      changes.disconnect();
    }
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

/** Whether a mutation can have changed the page's text (Backstory's own UI aside). */
function changesText(record: MutationRecord): boolean {
  const inOwnUi = (node: Node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(`[${UI_ATTRIBUTE}]`) != null;
  if (record.type === 'characterData') return !inOwnUi(record.target);
  return [...record.addedNodes, ...record.removedNodes].some((node) => !inOwnUi(node) && !inOwnUi(record.target));
}
