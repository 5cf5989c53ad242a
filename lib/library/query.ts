import type { ListedPassage, SavedAnnotation } from './saved-annotation';

export type LibrarySort = 'relevance' | 'newest' | 'oldest';

/** What the library asks its search for: words, filters, an order and a page. */
export interface LibrarySearchQuery {
  /** Words to find in quotes, comments, tags, titles and speakers' names; empty for every passage. */
  text?: string;
  entityId?: string;
  /** A tag, compared as search compares words (case and accents folded). */
  tag?: string;
  /** A site's name, compared like a tag. */
  site?: string;
  /**
   * Saved on or after: a day (`YYYY-MM-DD`, from its local midnight, as a date input gives it) or a
   * time in ms since the epoch.
   */
  from?: string | number;
  /** Saved on or before: a day (`YYYY-MM-DD`, to its end, local time) or a time in ms since the epoch. */
  to?: string | number;
  /** Relevance by default when there is text, else newest first. */
  sort?: LibrarySort;
  offset?: number;
  limit?: number;
}

export interface LibraryHit<T extends ListedPassage = SavedAnnotation> {
  annotation: T;
  /** How well the passage matches the words; 0 when the query has no text. */
  score: number;
  /** The indexed (folded) words that matched, for highlighting. */
  terms: string[];
}

export interface LibraryResults<T extends ListedPassage = SavedAnnotation> {
  /** How many passages match, before offset and limit. */
  total: number;
  hits: LibraryHit<T>[];
}
