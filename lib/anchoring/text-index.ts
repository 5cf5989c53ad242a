import { CodePoints } from './code-points';
import { CompactText } from './compact-text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;
const POSITION_DISCONNECTED = 1;
const POSITION_PRECEDING = 2;
const POSITION_CONTAINS = 8;

/** Elements whose text a reader never sees as part of the page. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Marks an element as Backstory's own UI. Its text is left out of the page's text, so inserting or
 * removing the UI never shifts the offsets of saved quotes.
 */
export const UI_ATTRIBUTE = 'data-backstory-ui';

function isSkipped(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const element = node as Element;
  return SKIPPED_ELEMENTS.has(element.localName.toLowerCase()) || element.hasAttribute(UI_ATTRIBUTE);
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** Nodes whose boundary offsets count characters rather than children. */
function isCharacterData(node: Node): boolean {
  return isText(node) || node.nodeType === COMMENT_NODE || node.nodeType === PROCESSING_INSTRUCTION_NODE;
}

/** The node after `node` in document order without leaving `root`; `enter: false` skips `node`'s subtree. */
function nextNode(node: Node, root: Node, enter: boolean): Node | null {
  if (enter && node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/**
 * A walk over a root's text nodes that can stop at a deadline and go on later, so a big page can be
 * read in slices. Collects what a TextIndex needs: the non-empty text nodes, where each begins in the
 * text, and the text itself.
 */
class TextWalk {
  readonly nodes: Text[] = [];
  readonly starts: number[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  private next: Node | null;

  constructor(readonly root: Node) {
    this.next = root;
  }

  get done(): boolean {
    return this.next === null;
  }

  /** Walks on until the end of the root, or until `deadline` (a performance.now() time) has passed. */
  run(deadline = Infinity): boolean {
    const { root } = this;
    let node = this.next;
    let steps = 0;
    while (node) {
      if (isText(node)) {
        if (node.data.length > 0) {
          this.nodes.push(node);
          this.starts.push(this.length);
          this.parts.push(node.data);
          this.length += node.data.length;
        }
        node = nextNode(node, root, false);
      } else {
        node = nextNode(node, root, node === root || !isSkipped(node));
      }
      // Reading the clock costs more than a step: look at it every few hundred.
      if (++steps % 512 === 0 && performance.now() > deadline) break;
    }
    this.next = node;
    return node === null;
  }

  text(): string {
    return this.parts.join('');
  }
}

/**
 * The text of a root — the data of its Text nodes in document order, as `Node.textContent` has it,
 * but without the text of <script>, <style>, <noscript>, <template> and Backstory's own UI — with
 * conversions between offsets in that text and DOM boundary points.
 *
 * It is a snapshot: build a new one after the DOM changes. Building it walks the whole root once, so
 * anchoring many annotations on one page should share one index (and a big page can build it in
 * slices with `createTextIndexSliced`).
 */
export class TextIndex {
  readonly root: Node;
  readonly text: string;
  /** The non-empty text nodes in document order; empty ones hold no offset of their own. */
  readonly #nodes: Text[];
  /** Offset in `text` where each of `#nodes` begins; strictly increasing. */
  readonly #starts: number[];
  /** Each node's place in `#nodes`; built on first use (describing a selection needs it, anchoring does not). */
  #positions: Map<Node, number> | undefined;
  #compactText: CompactText | undefined;
  #codePoints: CodePoints | undefined;

  constructor(root: Node, walk?: TextWalk) {
    if (walk && (walk.root !== root || !walk.done)) throw new Error('A text index needs a finished walk of its own root');
    if (!walk) {
      walk = new TextWalk(root);
      walk.run();
    }
    this.root = root;
    this.#nodes = walk.nodes;
    this.#starts = walk.starts;
    this.text = walk.text();
  }

  /** The text without whitespace, for comparisons that ignore reflowed markup; built on first use. */
  get compactText(): CompactText {
    this.#compactText ??= new CompactText(this.text);
    return this.#compactText;
  }

  /** Conversions between offsets in UTF-16 units and in code points (a position selector's); built on first use. */
  get codePoints(): CodePoints {
    this.#codePoints ??= new CodePoints(this.text);
    return this.#codePoints;
  }

  /** Builds the compact text now, in slices, unless it is built already. */
  async prepareCompactText(pause: () => Promise<void>, sliceMs: number): Promise<void> {
    this.#compactText ??= await CompactText.sliced(this.text, pause, sliceMs);
  }

  #positionOf(node: Node): number | undefined {
    if (!this.#positions) {
      this.#positions = new Map();
      this.#nodes.forEach((text, i) => this.#positions!.set(text, i));
    }
    return this.#positions.get(node);
  }

  /**
   * The offset in `text` of a DOM boundary point (a Range's start or end). Boundaries inside
   * skipped elements count as lying just after them; boundaries outside the root are clamped to its
   * start or end.
   */
  offsetAt(container: Node, offset: number): number {
    if (!this.root.contains(container)) return this.#offsetOutside(container, offset);
    const position = this.#positionOf(container);
    if (position !== undefined) {
      const node = this.#nodes[position]!;
      return this.#starts[position]! + Math.min(Math.max(offset, 0), node.data.length);
    }
    if (isCharacterData(container)) return this.#offsetFrom(nextNode(container, this.root, false));
    const child = container.childNodes.item(offset);
    return this.#offsetFrom(child ?? nextNode(container, this.root, false));
  }

  /** A Range covering `text` from `start` to `end`, with both boundaries in Text nodes. */
  rangeFor(start: number, end: number): Range {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.text.length)) {
      throw new RangeError(`Text offsets ${start}–${end} lie outside the page's text (0–${this.text.length})`);
    }
    const document = this.root.nodeType === DOCUMENT_NODE ? (this.root as Document) : this.root.ownerDocument;
    if (!document) throw new Error('Cannot make a range in a node that belongs to no document');
    const range = document.createRange();
    if (this.#nodes.length === 0) {
      range.setStart(this.root, 0);
      return range;
    }
    const [startNode, startOffset] = this.#boundaryAt(start, 'start');
    range.setStart(startNode, startOffset);
    if (end > start) {
      const [endNode, endOffset] = this.#boundaryAt(end, 'end');
      range.setEnd(endNode, endOffset);
    }
    return range;
  }

  /**
   * The boundary point for a text offset. Where the offset falls between two text nodes, a start
   * goes to the beginning of the later node and an end to the end of the earlier one, so a range
   * never begins or ends in a node it holds no text of.
   */
  #boundaryAt(offset: number, side: 'start' | 'end'): [Text, number] {
    const target = side === 'start' ? offset : offset - 1;
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#starts[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    const position = Math.max(0, low - 1);
    const node = this.#nodes[position]!;
    const nodeOffset = offset - this.#starts[position]!;
    if (nodeOffset > node.data.length || !this.root.contains(node)) {
      throw new Error('The page changed after its text index was built; build a new one with createTextIndex(root)');
    }
    return [node, nodeOffset];
  }

  /** The offset where the first indexed text at or after `node` begins. */
  #offsetFrom(node: Node | null): number {
    for (let current = node; current; current = nextNode(current, this.root, !isSkipped(current))) {
      const position = this.#positionOf(current);
      if (position !== undefined) return this.#starts[position]!;
    }
    return this.text.length;
  }

  #offsetOutside(container: Node, offset: number): number {
    const relation = this.root.compareDocumentPosition(container);
    if (relation & POSITION_DISCONNECTED) {
      throw new Error('Cannot locate a selection that is not in the same document as the root');
    }
    if (relation & POSITION_CONTAINS) {
      // The boundary sits among the children of one of root's ancestors: before root or after it.
      const child = container.childNodes.item(offset);
      if (!child) return this.text.length;
      if (child.contains(this.root)) return 0;
      return this.root.compareDocumentPosition(child) & POSITION_PRECEDING ? 0 : this.text.length;
    }
    return relation & POSITION_PRECEDING ? 0 : this.text.length;
  }
}

export function createTextIndex(root: Node): TextIndex {
  return new TextIndex(root);
}

export interface SlicedOptions {
  /** Gives the page back (a yield to its event loop); called between slices. */
  pause: () => Promise<void>;
  /** How long a slice may run, in ms. */
  sliceMs: number;
  /** Checked after each pause: true stops the build, which then returns null. */
  cancelled?: () => boolean;
  /** Also builds the compact text (for finding quotes that moved), after a pause and in slices too. */
  compact?: boolean;
}

/**
 * Like `createTextIndex`, without holding the page for long: the walk stops whenever a slice has used
 * its time and goes on after a pause. If the DOM under the root changes meanwhile, the walk starts
 * again (a few times at most; then the rest is read in one go), so the index is a snapshot of one
 * moment like any other.
 */
export async function createTextIndexSliced(root: Node, options: SlicedOptions): Promise<TextIndex | null> {
  const { pause, sliceMs, cancelled = () => false } = options;
  const MutationObserverClass = (root.ownerDocument?.defaultView ?? globalThis).MutationObserver;
  // Records reach the callback at the end of the task that made them, before this function goes on
  // after a pause; takeRecords() catches any not yet delivered.
  let changed = false;
  const observer = MutationObserverClass ? new MutationObserverClass(() => (changed = true)) : undefined;
  observer?.observe(root, { childList: true, characterData: true, subtree: true });
  try {
    let walk = new TextWalk(root);
    for (let restarts = 0; ; ) {
      const last = restarts >= 3;
      if (walk.run(last ? Infinity : performance.now() + sliceMs)) break;
      await pause();
      if (cancelled()) return null;
      if (observer && (observer.takeRecords().length > 0 || changed)) {
        changed = false;
        restarts++;
        walk = new TextWalk(root);
      }
    }
    const index = new TextIndex(root, walk);
    if (options.compact) {
      await pause();
      if (cancelled()) return null;
      await index.prepareCompactText(pause, sliceMs);
      if (cancelled()) return null;
    }
    return index;
  } finally {
    observer?.disconnect();
  }
}
