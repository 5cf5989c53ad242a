/**
 * Test helpers that build pages and find text in them without going through the module under
 * test, so that its answers are checked against an independent reading of the page.
 */

const HIDDEN = 'script, style, noscript, template, [data-backstory-ui]';

/** Replaces the page's body and returns it. */
export function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** The text nodes a reader sees, in document order. */
export function visibleTextNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(HIDDEN)) nodes.push(node as Text);
  }
  return nodes;
}

export function visibleText(root: Node): string {
  return visibleTextNodes(root)
    .map((node) => node.data)
    .join('');
}

/** The offset of the `occurrence`-th (from 0) appearance of `quote` in `text`. */
export function nthIndexOf(text: string, quote: string, occurrence = 0): number {
  let at = text.indexOf(quote);
  for (let i = 0; i < occurrence && at !== -1; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`"${quote}" does not occur ${occurrence + 1} time(s) in "${text}"`);
  return at;
}

/** A range over text offsets [start, end) of the visible text, with both boundaries in text nodes. */
export function selectOffsets(root: Node, start: number, end: number): Range {
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (const node of visibleTextNodes(root)) {
    const next = seen + node.data.length;
    if (!started && start < next) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = next;
  }
  throw new Error(`Offsets ${start}–${end} lie outside the text`);
}

/** A range over the `occurrence`-th (from 0) appearance of `quote` in the visible text. */
export function select(root: Node, quote: string, occurrence = 0): Range {
  const start = nthIndexOf(visibleText(root), quote, occurrence);
  return selectOffsets(root, start, start + quote.length);
}

/** Where a range lies: its text and its offsets in the visible text. Its boundaries must be in text nodes. */
export function whereIs(root: Node, range: Range): { text: string; start: number; end: number } {
  const offsetOf = (container: Node, offset: number) => {
    let seen = 0;
    for (const node of visibleTextNodes(root)) {
      if (node === container) return seen + offset;
      seen += node.data.length;
    }
    throw new Error('A boundary of the range is not in a visible text node');
  };
  return {
    text: range.toString(),
    start: offsetOf(range.startContainer, range.startOffset),
    end: offsetOf(range.endContainer, range.endOffset),
  };
}
