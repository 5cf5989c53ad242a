/**
 * Turns a document into text blocks: the runs of prose that a name can span. Inline elements
 * (links, bold, spans…) join their text into one block; block elements, <br> and shadow-root
 * boundaries split it. What is not prose is skipped.
 */

export interface TextBlock {
  /** The nearest block-level element (or shadow root) that holds the text. */
  container: Element | ShadowRoot;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] within text. */
  starts: number[];
  text: string;
}

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'HEAD', 'TITLE',
]);

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL', 'MARK', 'Q',
  'RP', 'RT', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'BIG', 'NOBR', 'WBR',
]);

/** The tag of Backstory's own UI host: never scanned. */
export const UI_HOST_TAG = 'BACKSTORY-UI';
/** The tag of the host of the marks Backstory draws itself (lib/page/stealth-layer.ts): never scanned. */
export const MARKS_HOST_TAG = 'BACKSTORY-MARKS';
export const isOwnHostTag = (tag: string): boolean => tag === UI_HOST_TAG || tag === MARKS_HOST_TAG;

export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag) || isOwnHostTag(tag)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.tagName.toUpperCase());
}

/** The element or shadow root whose block a node's text belongs to. */
export function blockContainerOf(node: Node): Element | ShadowRoot | null {
  let current: Node | null = node.parentNode;
  while (current) {
    if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return current as ShadowRoot;
    if (current.nodeType !== Node.ELEMENT_NODE) return null;
    if (!isInlineElement(current as Element)) return current as Element;
    current = current.parentNode;
  }
  return null;
}

/** True when a node lies in something Backstory must not scan (form fields, code, its own UI…). */
export function isInSkippedSubtree(node: Node): boolean {
  for (let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode; current; ) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      if (isSkippedElement(current as Element)) return true;
      current = current.parentNode;
    } else if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      current = (current as ShadowRoot).host ?? null;
    } else {
      return false;
    }
  }
  return false;
}

/** Nodes walked between two pause points of walkBlockSteps. */
const NODES_PER_STEP = 256;

/** A subtree's blocks in document order (see walkBlockSteps). */
export function* walkBlocks(root: Node): Generator<TextBlock, void, undefined> {
  for (const step of walkBlockSteps(root)) if (step) yield step;
}

/**
 * Walks a subtree in document order and yields its blocks, and `null` every few hundred nodes: a
 * point where a caller slicing the work may pause even in a long stretch of markup without prose
 * (menus, tables of links, whitespace between thousands of elements). Open shadow roots are walked
 * as their own subtrees.
 */
export function* walkBlockSteps(root: Node): Generator<TextBlock | null, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let block: TextBlock | null = null;
  let parts: string[] = [];
  let length = 0;
  const finish = (): TextBlock | null => {
    const done = block;
    if (done) done.text = parts.join('');
    block = null;
    parts = [];
    length = 0;
    return done && done.text.trim() ? done : null;
  };
  // The root's own shadow root too: a web component added to the page is walked from its host.
  const shadowRoots: ShadowRoot[] = root.nodeType === Node.ELEMENT_NODE && (root as Element).shadowRoot ? [(root as Element).shadowRoot!] : [];
  let walked = 0;
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (++walked % NODES_PER_STEP === 0) yield null;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (!text.data) continue;
      const container = blockContainerOf(text);
      if (!container) continue;
      if (block && block.container !== container) {
        const done = finish();
        if (done) yield done;
      }
      block ??= { container, nodes: [], starts: [], text: '' };
      block.nodes.push(text);
      block.starts.push(length);
      parts.push(text.data);
      length += text.data.length;
    } else if (node !== root) {
      const element = node as Element;
      if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
      if (element.tagName.toUpperCase() === 'BR' || !isInlineElement(element)) {
        const done = finish();
        if (done) yield done;
      }
    }
  }
  const last = finish();
  if (last) yield last;
  for (const shadow of shadowRoots) yield* walkBlockSteps(shadow);
}

/** The DOM position of a text offset within a block; an offset at a node boundary is placed at the end of the earlier node for ends. */
export function positionAt(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number } {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = block.starts[mid];
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: block.nodes[low], offset: offset - block.starts[low] };
}

export function rangeFor(block: TextBlock, start: number, end: number): Range {
  const range = (block.nodes[0].ownerDocument as Document).createRange();
  const from = positionAt(block, start, false);
  const to = positionAt(block, end, true);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** A block is stale once any of its text nodes left the document or changed length. */
export function isBlockStale(block: TextBlock): boolean {
  let length = 0;
  for (let i = 0; i < block.nodes.length; i++) {
    const node = block.nodes[i];
    if (!node.isConnected || block.starts[i] !== length) return true;
    length += node.data.length;
  }
  return length !== block.text.length;
}
