/**
 * The reading mode's pipeline, from the page as it stood to the article ready to show: extraction
 * (Readability on a copy, then DOMPurify), the article's body built off screen, its names made into
 * buttons. What the reader page then renders around it is the UI's business.
 */
import type { Candidates, ReaderSnapshot } from '../../messages';
import type { PageWords } from '../../text';
import { extractArticle, type ExtractedArticle } from './extract';
import { markArticle, type MarkedArticle } from './mark-article';

/**
 * Above this many characters of text (a typical article holds 5,000–20,000) the body is marked long,
 * and the stylesheet lets the browser skip laying out its paragraphs until they come near the screen
 * (`content-visibility: auto`): a 1 MB article otherwise takes half a second to lay out before it shows.
 */
export const LONG_ARTICLE_CHARS = 60_000;
export const LONG_CLASS = 'long';

export interface PreparedArticle {
  article: ExtractedArticle;
  /** The article's body, not yet in the document. */
  body: HTMLElement;
  marked: MarkedArticle;
  /** Milliseconds per phase. */
  timings: ExtractedArticle['timings'] & MarkedArticle['timings'] & { build: number };
}

export type Preparation = { ok: true; prepared: PreparedArticle } | { ok: false; message: string };

export async function prepareArticle(
  snapshot: ReaderSnapshot,
  doc: Document,
  lookup: (words: PageWords) => Promise<Candidates>,
): Promise<Preparation> {
  const extraction = extractArticle(snapshot);
  if (!extraction.ok) return extraction;
  const { article } = extraction;
  const started = performance.now();
  const body = doc.createElement('div');
  body.className = 'article-body';
  if (article.dir) body.dir = article.dir;
  // The HTML is DOMPurify's output (extract.ts): no script, handler, frame, form or style survives it.
  body.innerHTML = article.contentHtml;
  if ((body.textContent ?? '').length > LONG_ARTICLE_CHARS) body.classList.add(LONG_CLASS);
  const built = performance.now() - started;
  const marked = await markArticle(body, lookup);
  return { ok: true, prepared: { article, body, marked, timings: { ...article.timings, ...marked.timings, build: built } } };
}
