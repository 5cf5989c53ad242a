/**
 * Marks the names of an article the reading mode owns: unlike a live page, whose markup Backstory
 * never touches, here each mention becomes a real `<button>` that takes focus, so keyboard and
 * screen-reader users reach every name with Tab.
 */
import { UI_ATTRIBUTE } from '../../anchoring';
import { kindLabel } from '../../format';
import type { Candidates, EntityKind } from '../../messages';
import { Matcher, pageWordsOf, type PageWords } from '../../text';
import { positionAt, rangeFor, walkBlocks, type TextBlock } from '../blocks';

export const MARK_CLASS = 'bs-mark';

/** A mention made into a button, in reading order. */
export interface MarkedMention {
  button: HTMLButtonElement;
  /** Every entity the name may refer to, likeliest first. */
  entityIds: string[];
  /** Where it stands in the article's text, from 0 to 1. */
  at: number;
  text: string;
}

export interface MarkedArticle {
  mentions: MarkedMention[];
  entities: Candidates['entities'];
  /** Milliseconds spent asking the knowledge base, finding the names, and wrapping them in buttons. */
  timings: { lookup: number; match: number; wrap: number };
}


/** What a screen reader says for a mention: the text as written, then who it is and what kind. */
export function mentionLabel(text: string, entity: { name: string; kind: EntityKind } | undefined): string {
  if (!entity) return text;
  const kind = (kindLabel(entity.kind)).toLowerCase();
  return text === entity.name ? `${text}, ${kind}` : `${text}: ${entity.name}, ${kind}`;
}

interface Found {
  block: TextBlock;
  start: number;
  end: number;
  entityIds: string[];
  at: number;
}

/**
 * Finds the known names in `root` and wraps each in a button (class `bs-mark`, `data-mark` its index
 * in reading order, `data-entity` the likeliest entity, `data-kind`). A link that holds a name keeps
 * its address in a small link placed after it: a button inside a link is two controls in one.
 */
export async function markArticle(root: Element, lookup: (words: PageWords) => Promise<Candidates>): Promise<MarkedArticle> {
  const doc = root.ownerDocument;
  const blocks = [...walkBlocks(root)];
  const started = performance.now();
  const answer = await lookup(pageWordsOf(blocks.map((block) => block.text)));
  const looked = performance.now();

  const matcher = new Matcher(answer.aliases);
  const total = blocks.reduce((sum, block) => sum + block.text.length, 0) || 1;
  const found: Found[] = [];
  let offset = 0;
  for (const block of blocks) {
    for (const match of matcher.findAll(block.text)) {
      if (!answer.entities[match.entityIds[0]]) continue;
      found.push({ block, start: match.start, end: match.end, entityIds: match.entityIds, at: (offset + match.start) / total });
    }
    offset += block.text.length;
  }

  const matched = performance.now();
  // Wrapped from the last, each range taken just before it is wrapped: wrapping leaves the text before
  // its start in the nodes and at the offsets the blocks recorded, so every earlier mention is still
  // where its block says. (Ranges taken all at once would be live: the browser would move each of
  // them at every wrap, which costs seconds on a long article.)
  const buttons: HTMLButtonElement[] = new Array(found.length);
  for (let i = found.length - 1; i >= 0; i--) {
    const item = found[i];
    const entity = answer.entities[item.entityIds[0]];
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = MARK_CLASS;
    button.dataset.mark = String(i);
    button.dataset.entity = item.entityIds[0];
    if (item.entityIds.length > 1) button.dataset.entities = item.entityIds.join(' ');
    button.dataset.kind = entity.kind;
    button.setAttribute('aria-haspopup', 'dialog');
    wrap(item, button);
    button.setAttribute('aria-label', mentionLabel(button.textContent ?? '', entity));
    buttons[i] = button;
  }
  for (const link of root.querySelectorAll('a')) moveLinkOutOfMarks(link as HTMLAnchorElement);

  const mentions = found.map((item, i) => ({ button: buttons[i], entityIds: item.entityIds, at: item.at, text: buttons[i].textContent ?? '' }));
  return { mentions, entities: answer.entities, timings: { lookup: looked - started, match: matched - looked, wrap: performance.now() - matched } };
}

/**
 * Puts the mention's text into `button`, in its place. A name within one text node (nearly all) is split
 * out of it; one across elements ("<b>Lukashenka</b>'s") is moved with a Range. Splitting is the fast
 * way: each Range lives until it is collected, and the browser moves every live one at each change of
 * the tree, which made wrapping thousands of names take seconds.
 */
function wrap(item: Found, button: HTMLButtonElement): void {
  const from = positionAt(item.block, item.start, false);
  const to = positionAt(item.block, item.end, true);
  if (from.node !== to.node) {
    const range = rangeFor(item.block, item.start, item.end);
    button.appendChild(range.extractContents());
    range.insertNode(button);
    range.detach();
    return;
  }
  const node = from.node;
  if (to.offset < node.data.length) node.splitText(to.offset);
  const name = from.offset > 0 ? node.splitText(from.offset) : node;
  name.parentNode!.insertBefore(button, name);
  button.appendChild(name);
}

/**
 * A link holding a mark becomes plain text followed by a small link to the same address; a piece of
 * a link that wrapping carried into a button becomes text.
 */
function moveLinkOutOfMarks(link: HTMLAnchorElement): void {
  if (link.closest(`.${MARK_CLASS}`)) {
    link.replaceWith(...link.childNodes);
    return;
  }
  const doc = link.ownerDocument;
  // A link whose words all went into a mark (a name begun before the link): the small link after the mark.
  const emptied = !link.textContent?.trim() && !link.querySelector('img, svg');
  const mark = link.previousElementSibling;
  if (emptied && mark?.classList.contains(MARK_CLASS)) {
    link.replaceWith(linkOut(link, mark.textContent?.trim() ?? ''));
    return;
  }
  if (!link.querySelector(`.${MARK_CLASS}`)) return;
  const text = doc.createElement('span');
  text.append(...link.childNodes);
  link.replaceWith(text, linkOut(link, text.textContent?.trim() ?? ''));
}

/** A small "↗" link to the address of `link`, named after the words it stood on. */
function linkOut(link: HTMLAnchorElement, words: string): HTMLAnchorElement {
  const out = link.ownerDocument.createElement('a');
  for (const name of ['href', 'target', 'rel']) {
    const value = link.getAttribute(name);
    if (value !== null) out.setAttribute(name, value);
  }
  out.className = 'bs-link-out';
  out.setAttribute('aria-label', `Link: ${words}`);
  // Not part of the article's text: a quote saved across it must read as on the page.
  out.setAttribute(UI_ATTRIBUTE, '');
  out.textContent = '↗';
  return out;
}
