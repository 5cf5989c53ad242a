import type { TextPositionSelector, TextQuoteSelector } from '../anchoring';

/**
 * A passage the reader saved from a page, as the database stores it. The library, its search and
 * the formats in and out (lib/formats) read or write this shape and nothing else.
 */
export interface SavedAnnotation {
  /** A UUID. */
  id: string;
  /** The page's canonical URL, tracking parameters removed (see canonicalUrl). */
  url: string;
  title?: string;
  site?: string;
  author?: string;
  /** When the page says it was published: `YYYY-MM-DD` or an ISO 8601 date-time (see normalizeDate). */
  published?: string;
  /** The exact quote. */
  quote: string;
  selectors: (TextQuoteSelector | TextPositionSelector)[];
  /** The person or organisation the quote is a statement of; absent for a note only. */
  entityId?: string;
  /** The entity's name, kept here so that exports need not look it up. */
  entityName?: string;
  tags: string[];
  comment?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/**
 * What the library lists and searches of a passage: all of it but its selectors, which only finding
 * it on its page and exporting need (a library of 50,000 keeps a good deal less in memory without them).
 */
export type ListedPassage = Omit<SavedAnnotation, 'selectors'>;
