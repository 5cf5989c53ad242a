import { describe, expect, it } from 'vitest';
import type { SavedAnnotation } from '../../../lib/library/saved-annotation';
import { LibrarySearch } from '../../../lib/library/search';

const passage = (id: string, quote: string, updatedAt = 1, extra: Partial<SavedAnnotation> = {}): SavedAnnotation => ({
  id,
  url: 'https://news.example/a',
  quote,
  selectors: [{ type: 'TextQuoteSelector', exact: quote }],
  tags: [],
  createdAt: 1,
  updatedAt,
  ...extra,
});

const found = (index: LibrarySearch, text: string) => index.search({ text }).hits.map((hit) => hit.annotation.id);

describe('keeping the library index in step', () => {
  it('adds new passages, re-indexes changed ones and forgets deleted ones', () => {
    const index = new LibrarySearch();
    index.sync([passage('a', 'sovereignty and allies'), passage('b', 'eggs and tomatoes')]);
    expect(found(index, 'tomatoes')).toEqual(['b']);

    index.sync([passage('a', 'sovereignty and allies'), passage('b', 'eggs and potatoes', 2)]);
    expect(found(index, 'tomatoes')).toEqual([]);
    expect(found(index, 'potatoes')).toEqual(['b']);

    index.sync([passage('b', 'eggs and potatoes', 2, { entityName: 'Arman Babajanyan' })]);
    expect(index.size).toBe(1);
    expect(found(index, 'sovereignty')).toEqual([]);
    expect(found(index, 'Babajanyan')).toEqual(['b']);
  });
});
