import { describe, expect, it } from 'vitest';
import { toAnnotationCollection } from '../../../lib/formats/web-annotation';
import { fromWebAnnotations } from '../../../lib/formats/web-annotation-import';
import { mergeAnnotations } from '../../../lib/library/merge-annotations';
import type { SavedAnnotation } from '../../../lib/library/saved-annotation';
import { allFixtures, bareNote } from '../formats/fixtures';

describe('mergeAnnotations', () => {
  const at = (start: number, prefix?: string): SavedAnnotation => ({
    ...bareNote,
    id: crypto.randomUUID(),
    selectors: [
      { type: 'TextQuoteSelector', exact: bareNote.quote, ...(prefix !== undefined && { prefix }) },
      { type: 'TextPositionSelector', start, end: start + bareNote.quote.length },
    ],
  });
  const quoteOnly = (prefix?: string): SavedAnnotation => ({
    ...bareNote,
    id: crypto.randomUUID(),
    selectors: [{ type: 'TextQuoteSelector', exact: bareNote.quote, ...(prefix !== undefined && { prefix }) }],
  });

  const cases: [name: string, existing: SavedAnnotation, incoming: SavedAnnotation, duplicate: boolean][] = [
    ['the same id', bareNote, { ...bareNote, quote: 'edited since', tags: ['x'] }, true],
    ['the same quote at the same offsets', at(100, 'a'), at(100, 'b'), true],
    ['the same quote after the same text, the page having shifted', at(100, 'said: '), at(140, 'said:  '), true],
    ['the same quote at another place (a refrain)', at(100, 'first '), at(900, 'second '), false],
    ['the same quote on another page', at(100), { ...at(100), url: 'https://example.org/blog/other' }, false],
    ['another quote at the same offsets', at(100), { ...at(100), quote: 'Another sentence entirely, same length.' }, false],
    ['two quotes with no context at all', quoteOnly(), quoteOnly(), true],
    ['one with only a position, one with only a prefix: cannot tell, both kept', { ...at(100), selectors: [at(100).selectors[1]!] }, quoteOnly('said: '), false],
  ];
  it.each(cases)('%s → duplicate: %s', (_name, existing, incoming, duplicate) => {
    const result = mergeAnnotations([existing], [incoming]);
    expect(result).toEqual(duplicate ? { toAdd: [], duplicates: [incoming] } : { toAdd: [incoming], duplicates: [] });
  });

  it('also finds duplicates within the incoming file, keeping the first', () => {
    const a = at(5, 'x');
    const b = at(5, 'x');
    const c = at(500, 'y');
    expect(mergeAnnotations([], [a, b, c, { ...a }])).toEqual({ toAdd: [a, c], duplicates: [b, { ...a }] });
  });

  it('importing an export again adds nothing', () => {
    const again = fromWebAnnotations(JSON.parse(JSON.stringify(toAnnotationCollection(allFixtures))));
    if ('error' in again) throw new Error(again.error);
    expect(mergeAnnotations(allFixtures, again.annotations).toAdd).toEqual([]);
  });
});
