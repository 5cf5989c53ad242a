/**
 * The page as it stands, for the reader page to extract the article from. Runs in every page's
 * content script, so it only serialises: Readability and DOMPurify run in the reader page.
 */
import type { ReaderSnapshot } from '../../messages';

/** Fewer words than this are a stray click or a word looked up, not a passage to read. */
const MIN_SELECTED_WORDS = 3;

/** Counts words as the language does (Chinese and Japanese put no spaces between them). */
function holdsWords(text: string, count: number): boolean {
  let words = 0;
  for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike && ++words >= count) return true;
  }
  return false;
}

function selectedMarkup(doc: Document): string | undefined {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || !holdsWords(selection.toString(), MIN_SELECTED_WORDS)) return undefined;
  // A template's content lives in an inert document: what is gathered there loads and runs nothing.
  const holder = doc.createElement('template');
  for (let index = 0; index < selection.rangeCount; index++) holder.content.append(selection.getRangeAt(index).cloneContents());
  return holder.innerHTML;
}

/** The page's markup, address and title, and the markup of the reader's selection when it holds a few words. */
export function snapshotOf(doc: Document, url: string): ReaderSnapshot {
  // Without a doctype the reader page would parse the copy in quirks mode, which nests some markup differently.
  const snapshot: ReaderSnapshot = { html: `<!DOCTYPE html>${doc.documentElement.outerHTML}`, url, title: doc.title };
  const selectionHtml = selectedMarkup(doc);
  if (selectionHtml !== undefined) snapshot.selectionHtml = selectionHtml;
  return snapshot;
}
