import type { PageEntity } from '../messages';
import { Matcher, pageWordsOf, type AliasSpec, type PageWords } from '../text';
import { blockContainerOf, isBlockStale, isInlineElement, isInSkippedSubtree, rangeFor, isOwnHostTag, walkBlockSteps, type TextBlock } from './blocks';
import { HighlightPainter, type Mark, type PainterOptions } from './highlights';
import { eachSliced, sliceClock } from './scheduler';

export interface EntityMeta {
  kind: string;
  name: string;
  /** The reader's own entity, or their edit of a pack's: private, never painted where the page can read it. */
  own?: boolean;
}

const NO_CHOICES: MarkChoices = { hiddenKinds: [], firstInBlock: false, style: 'both' };

export interface Candidates {
  aliases: AliasSpec[];
  entities: Record<string, EntityMeta>;
}

export interface MarkChoices {
  hiddenKinds: readonly string[];
  /** Only the first mention of each entity in a block. */
  firstInBlock: boolean;
  /** An underline only, a tint only, or both. */
  style: 'both' | 'tint' | 'line';
  /** The page is dark: marks in lighter colours. */
  onDark?: boolean;
}

export interface MarkerOptions {
  /** Asks the knowledge base for the aliases these words (and their base forms) may be. */
  lookup(words: PageWords): Promise<Candidates>;
  /** Called (at most every few hundred ms) when the set of marks changed. */
  onMarksChanged?(marker: PageMarker): void;
  /**
   * Called once for each open shadow root that gets a mark: in Firefox ::highlight() rules only apply
   * inside the tree that holds them, so the marks' colours must be brought into the shadow root too.
   */
  onShadowRoot?(root: ShadowRoot): void;
  /** Register only the marks near the screen with the browser (see HighlightPainter). */
  paintNearScreenOnly?: boolean;
  /** Which marks are painted out of the page's reach (see HighlightPainter's `stealth`). */
  stealth?: PainterOptions['stealth'];
  /**
   * Whether to paint marks as a tint without the underline (very large pages: see large-page.ts),
   * given the length of the text walked. Asked at each start, once the page is walked, before any mark.
   */
  tint?(textLength: number): boolean;
  /** The reader's choices of what is marked and how (asked at each start). */
  choices?(): MarkChoices;
}

/**
 * Text handed to pageWordsOf in one go: a millisecond or two, within a slice (16 K characters took
 * 8–17 ms in one piece in traces of article pages, the first time a page's letters are folded).
 */
const KEY_CHUNK_CHARS = 4 * 1024;
const MUTATION_DELAY_MS = 60;

function enclosingBlock(node: Node): Element | ShadowRoot | null {
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) return node as Element;
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return node as ShadowRoot;
  return blockContainerOf(node);
}

function hostElement(container: Element | ShadowRoot): Element {
  return container.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (container as ShadowRoot).host : (container as Element);
}

/**
 * Marks the names of a document and keeps the marks true while the page changes. Knows the DOM and
 * the text core; knows nothing of the extension: the knowledge base is reached through `lookup`.
 */
export class PageMarker {
  readonly painter: HighlightPainter;
  private readonly blocks = new Map<TextBlock, Mark[]>();
  private readonly blockOfNode = new Map<Text, TextBlock>();
  private readonly aliases = new Map<string, AliasSpec>();
  private readonly entities = new Map<string, EntityMeta>();
  /** Marks per entity (by the entity each mark names first), kept as blocks are marked and unmarked. */
  private readonly markCounts = new Map<string, number>();
  private matcher = new Matcher([]);
  private generation = 0;
  private observer: MutationObserver | null = null;
  private readonly styledShadowRoots = new WeakSet<ShadowRoot>();
  private observedRoots = new WeakSet<Node>();
  private dirty = new Set<Element | ShadowRoot>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private choices: MarkChoices = NO_CHOICES;
  /**
   * performance.now() when marking started, when its first lookup was asked and answered, and when
   * the first and the last mark of the initial scan were painted.
   */
  readonly timings: { start: number; lookupAsked?: number; lookupAnswered?: number; firstMark?: number; allMarks?: number } = { start: 0 };

  constructor(
    private readonly doc: Document,
    private readonly options: MarkerOptions,
  ) {
    this.painter = new HighlightPainter({ nearScreenOnly: options.paintNearScreenOnly, stealth: options.stealth });
  }

  get running(): boolean {
    return this.observer !== null;
  }

  /** Marks the whole document (what is on screen first), then follows its changes. */
  start(): Promise<void> {
    if (this.observer) return this.queue;
    const generation = ++this.generation;
    this.timings.start = performance.now();
    this.choices = this.options.choices?.() ?? NO_CHOICES;
    this.painter.onDark = this.choices.onDark === true;
    this.timings.firstMark = this.timings.allMarks = this.timings.lookupAsked = this.timings.lookupAnswered = undefined;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe(this.doc);
    return this.enqueue(async () => {
      const root = this.doc.body ?? this.doc.documentElement;
      if (!root) return;
      const blocks: TextBlock[] = [];
      let textLength = 0;
      const walked = await eachSliced(
        walkBlockSteps(root),
        (block) => {
          if (!block) return;
          blocks.push(block);
          textLength += block.text.length;
        },
        () => generation !== this.generation,
      );
      if (!walked) return;
      this.painter.style = this.options.tint?.(textLength) ? 'tint' : this.choices.style;
      const { visible, rest } = this.splitVisible(blocks);
      await this.markBlocks(visible, generation, true);
      // The marks found off screen reach the browser together (see HighlightPainter.hold).
      this.painter.hold();
      try {
        await this.markBlocks(rest, generation);
      } finally {
        if (generation === this.generation) this.painter.release();
      }
      if (generation === this.generation) this.timings.allMarks = performance.now();
    });
  }

  /** Removes every mark at once and stops following the page. */
  stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    this.observedRoots = new WeakSet();
    clearTimeout(this.flushTimer);
    this.dirty.clear();
    this.painter.clear();
    this.blocks.clear();
    this.blockOfNode.clear();
    this.markCounts.clear();
    this.notify();
  }

  /** Forgets what the knowledge base answered, so the next start asks again (after an edit or import). */
  forgetKnowledge(): void {
    this.aliases.clear();
    this.entities.clear();
    this.matcher = new Matcher([]);
  }

  entity(id: string): EntityMeta | undefined {
    return this.entities.get(id);
  }

  /**
   * How many distinct entities are marked on the page (the badge's number). Cheaper than
   * counts().length: that sorts names with localeCompare, and the first localeCompare in a page's
   * content script loads the ICU collator, a task of 50 ms or more here.
   */
  get entityCount(): number {
    return this.markCounts.size;
  }

  /** Every entity marked on the page with its number of occurrences, most frequent first. */
  counts(): PageEntity[] {
    return [...this.markCounts]
      .map(([id, count]) => ({ id, count, name: this.entities.get(id)?.name ?? id, kind: this.entities.get(id)?.kind ?? 'unknown' }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** The marks in the block that holds this node (for hit-testing without highlightsFromPoint). */
  *marksNear(node: Node): Iterable<Mark> {
    const block = node.nodeType === Node.TEXT_NODE ? this.blockOfNode.get(node as Text) : undefined;
    if (block) yield* this.blocks.get(block) ?? [];
  }

  /** Marks in document order, for keyboard navigation. */
  allMarks(): Mark[] {
    const marks = [...this.blocks.values()].flat();
    return marks.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((error) => console.debug('Backstory: marking stopped', error));
    return this.queue;
  }

  private observe(root: Node): void {
    if (!this.observer || this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  private splitVisible(blocks: TextBlock[]): { visible: TextBlock[]; rest: TextBlock[] } {
    const view = this.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    const visible: TextBlock[] = [];
    const rest: TextBlock[] = [];
    // Blocks are in document order, so the first one below the screen ends the visible run.
    let below = false;
    for (const block of blocks) {
      if (!below && height > 0) {
        const rect = hostElement(block.container).getBoundingClientRect();
        if (rect.top > height) below = rect.height > 0 || below;
        if (rect.bottom >= 0 && rect.top <= height) {
          visible.push(block);
          continue;
        }
      }
      rest.push(block);
    }
    return { visible, rest };
  }

  /** `onScreen`: the blocks were measured on screen, so their marks are painted without waiting for the observer. */
  private async markBlocks(blocks: TextBlock[], generation: number, onScreen = false): Promise<void> {
    if (!blocks.length || generation !== this.generation) return;
    const cancelled = () => generation !== this.generation;
    const words = new Set<string>();
    const beforeApostrophe = new Set<string>();
    let chunk: string[] = [];
    let chunkChars = 0;
    const flushKeys = () => {
      const found = pageWordsOf(chunk);
      for (const word of found.words) words.add(word);
      for (const word of found.beforeApostrophe) beforeApostrophe.add(word);
      chunk = [];
      chunkChars = 0;
    };
    const collected = await eachSliced(
      blocks,
      (block) => {
        chunk.push(block.text);
        chunkChars += block.text.length;
        if (chunkChars >= KEY_CHUNK_CHARS) flushKeys();
      },
      cancelled,
    );
    if (!collected) return;
    flushKeys();
    if (words.size) {
      this.timings.lookupAsked ??= performance.now();
      const answer = await this.options.lookup({ words: [...words], beforeApostrophe: [...beforeApostrophe] });
      if (cancelled()) return;
      // The matcher is built in one go: the first slice of marking that follows counts it.
      sliceClock();
      this.timings.lookupAnswered ??= performance.now();
      let added = false;
      for (const alias of answer.aliases) {
        const id = `${alias.entityId}\u0000${alias.text}`;
        if (!this.aliases.has(id)) {
          this.aliases.set(id, alias);
          added = true;
        }
      }
      for (const [id, meta] of Object.entries(answer.entities)) this.entities.set(id, meta);
      if (added) this.matcher = new Matcher([...this.aliases.values()]);
    }
    await eachSliced(blocks, (block) => this.markBlock(block, onScreen), cancelled);
    this.notify();
  }

  private markBlock(block: TextBlock, onScreen = false): void {
    if (isBlockStale(block)) return;
    if (this.blocks.has(block)) this.unmarkBlock(block);
    const marks: Mark[] = [];
    const named = new Set<string>();
    for (const match of this.matcher.findAll(block.text)) {
      const kind = this.entities.get(match.entityIds[0])?.kind ?? 'unknown';
      if (this.choices.hiddenKinds.includes(kind)) continue;
      if (this.choices.firstInBlock) {
        if (named.has(match.entityIds[0])) continue;
        named.add(match.entityIds[0]);
      }
      const mark: Mark = { range: rangeFor(block, match.start, match.end), entityIds: match.entityIds, kind };
      this.painter.add(mark, onScreen);
      marks.push(mark);
      this.countMark(mark, 1);
    }
    this.blocks.set(block, marks);
    for (const node of block.nodes) this.blockOfNode.set(node, block);
    const root = block.nodes[0].getRootNode();
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      this.observe(root);
      if (marks.length && !this.styledShadowRoots.has(root as ShadowRoot)) {
        this.styledShadowRoots.add(root as ShadowRoot);
        this.options.onShadowRoot?.(root as ShadowRoot);
      }
    }
    if (marks.length && this.timings.firstMark === undefined) this.timings.firstMark = performance.now();
  }

  private unmarkBlock(block: TextBlock): void {
    for (const mark of this.blocks.get(block) ?? []) {
      this.painter.remove(mark);
      this.countMark(mark, -1);
    }
    this.blocks.delete(block);
    for (const node of block.nodes) if (this.blockOfNode.get(node) === block) this.blockOfNode.delete(node);
  }

  private countMark(mark: Mark, change: 1 | -1): void {
    const id = mark.entityIds[0]!;
    const count = (this.markCounts.get(id) ?? 0) + change;
    if (count > 0) this.markCounts.set(id, count);
    else this.markCounts.delete(id);
  }

  private onMutations(records: MutationRecord[]): void {
    const isBlockElement = (node: Node) => node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element);
    for (const record of records) {
      const target = record.target;
      if (target.nodeType === Node.ELEMENT_NODE && isOwnHostTag((target as Element).tagName)) continue;
      // Text or inline content that changed changes the text of the block around it; a block added
      // is scanned on its own; a block removed only leaves stale marks, which the flush drops.
      let textChanged = record.type === 'characterData';
      for (const added of record.addedNodes) {
        if (isBlockElement(added)) this.dirty.add(added as Element);
        else textChanged = true;
      }
      for (const removed of record.removedNodes) if (!isBlockElement(removed)) textChanged = true;
      if (textChanged) {
        const container = enclosingBlock(target);
        if (container && container.isConnected) this.dirty.add(container);
      }
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.enqueue(() => this.flushMutations()), MUTATION_DELAY_MS);
  }

  private async flushMutations(): Promise<void> {
    const generation = this.generation;
    const roots = [...this.dirty].filter((root) => root.isConnected && !isInSkippedSubtree(hostElement(root)));
    this.dirty.clear();
    const topRoots = roots.filter((root) => !roots.some((other) => other !== root && other.contains(hostElement(root))));
    const cancelled = () => generation !== this.generation;
    const isReplaced = (block: TextBlock) =>
      isBlockStale(block) || topRoots.some((root) => root === block.container || root.contains(hostElement(block.container)));
    if (!(await eachSliced([...this.blocks.keys()], (block) => isReplaced(block) && this.unmarkBlock(block), cancelled))) return;
    const blocks: TextBlock[] = [];
    for (const root of topRoots) {
      if (!(await eachSliced(walkBlockSteps(root), (block) => block && blocks.push(block), cancelled))) return;
    }
    await this.markBlocks(blocks, generation);
    this.notify();
  }

  private notify(): void {
    if (!this.options.onMarksChanged || this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.options.onMarksChanged?.(this);
    }, 100);
  }
}
