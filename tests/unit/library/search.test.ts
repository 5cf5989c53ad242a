import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryResults, LibrarySearchQuery } from '../../../lib/library/query';
import type { SavedAnnotation } from '../../../lib/library/saved-annotation';
import { LibrarySearch } from '../../../lib/library/search';
import { ENTITIES, SITES, START, TAGS, syntheticLibrary } from './synthetic-library';
import { bareNote, cyrillicStatement, statement, taggedNote } from '../formats/fixtures';

const ids = (results: LibraryResults) => results.hits.map((hit) => hit.annotation.id);
const newest = (list: SavedAnnotation[]) => [...list].sort((a, b) => b.createdAt - a.createdAt).map((a) => a.id);

describe('LibrarySearch on a handful of passages', () => {
  const library = () => new LibrarySearch([statement, bareNote, cyrillicStatement, taggedNote]);

  const found: [name: string, text: string, expected: string[]][] = [
    ['a word of the quote', 'preconditions', [statement.id]],
    ['a word of the comment', 'contradicts', [statement.id]],
    ['a tag', 'negotiations', [statement.id]],
    ['a word of the title', 'geneva', [statement.id]],
    ['the speaker\'s name', 'lukashenka', [statement.id, cyrillicStatement.id]],
    ['capitals and accents do not matter', 'PRÉCONDITIONS', [statement.id]],
    ['a Cyrillic word, any case', 'ЗЕМЛИ', [cyrillicStatement.id]],
    ['the start of a word (as typed)', 'precond', [statement.id]],
    ['a typo in a long word', 'precondtions', [statement.id]],
    ['every word must match', 'harbour votes', [bareNote.id]],
    ['words from different fields', 'lukashenka geneva', [statement.id]],
    ['a word found nowhere', 'referendum', []],
    ['one word of two found nowhere', 'harbour referendum', []],
  ];
  it.each(found)('finds by %s', (_name, text, expected) => {
    expect([...ids(library().search({ text }))].sort()).toEqual([...expected].sort());
  });

  it.each(['', '   ', '— “…”'])('takes text without words (%j) as no query: everything, newest first', (text) => {
    expect(ids(library().search({ text }))).toEqual([statement.id, cyrillicStatement.id, taggedNote.id, bareNote.id]);
  });

  it('does not forgive a typo in a short word', () => {
    expect(library().search({ text: 'oal' }).total).toBe(0);
  });

  it('ranks a passage whose quote matches above one where only the comment does', () => {
    const s = new LibrarySearch([
      { ...bareNote, id: 'in-comment', quote: 'Nothing to see.', comment: 'The pipeline deal was signed.' },
      { ...bareNote, id: 'in-quote', quote: 'The pipeline deal was signed.', createdAt: 0 },
    ]);
    expect(ids(s.search({ text: 'pipeline' }))).toEqual(['in-quote', 'in-comment']);
    expect(s.search({ text: 'pipeline' }).hits[0]!.terms).toEqual(['pipeline']);
  });

  it('filters by speaker, tag (folded) and site (folded)', () => {
    const s = library();
    expect(ids(s.search({ entityId: 'alexander-lukashenka' }))).toEqual([statement.id, cyrillicStatement.id]);
    expect(ids(s.search({ tag: 'GENEVA' }))).toEqual([statement.id]);
    expect(ids(s.search({ tag: 'Территория' }))).toEqual([cyrillicStatement.id]);
    expect(ids(s.search({ site: 'example news' }))).toEqual([statement.id]);
    expect(ids(s.search({ site: 'Nowhere' }))).toEqual([]);
  });

  it('filters by the day saved, both ends included, as a date input gives them', () => {
    const s = library();
    const day = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    expect(ids(s.search({ from: day(cyrillicStatement.createdAt), to: day(statement.createdAt) }))).toEqual([statement.id, cyrillicStatement.id]);
    expect(ids(s.search({ from: day(statement.createdAt), to: day(statement.createdAt) }))).toEqual([statement.id]);
    expect(ids(s.search({ to: day(bareNote.createdAt) }))).toEqual([bareNote.id]);
    expect(ids(s.search({ from: statement.createdAt + 1 }))).toEqual([]);
    expect(() => s.search({ from: '12/05/2024' })).toThrow(RangeError);
  });

  it('sorts newest first without text, best match first with text, or as asked', () => {
    const s = library();
    expect(ids(s.search())).toEqual([statement.id, cyrillicStatement.id, taggedNote.id, bareNote.id]);
    expect(ids(s.search({ sort: 'oldest' }))).toEqual([bareNote.id, taggedNote.id, cyrillicStatement.id, statement.id]);
    expect(ids(s.search({ text: 'lukashenka', sort: 'oldest' }))).toEqual([cyrillicStatement.id, statement.id]);
  });

  it('keeps up with additions, edits and removals', () => {
    const s = library();
    s.put({ ...bareNote, id: 'new', quote: 'The quokka was elected mayor.' });
    expect(ids(s.search({ text: 'quokka' }))).toEqual(['new']);
    s.put({ ...bareNote, id: 'new', quote: 'The wombat was elected mayor.', tags: ['animals'] });
    expect(ids(s.search({ text: 'quokka' }))).toEqual([]);
    expect(ids(s.search({ text: 'wombat' }))).toEqual(['new']);
    expect(ids(s.search({ tag: 'animals' }))).toEqual(['new']);
    expect(s.size).toBe(5);
    expect(s.remove('new')).toBe(true);
    expect(s.remove('new')).toBe(false);
    expect(s.search({ text: 'wombat' }).total).toBe(0);
    expect(s.search({ tag: 'animals' }).total).toBe(0);
    expect(s.size).toBe(4);
  });

  it('offers the speakers, tags and sites of the passages it holds, and forgets those no passage has any more', () => {
    const s = library();
    expect(s.facets()).toEqual({
      entities: [['alexander-lukashenka', 'Alexander Lukashenka']],
      tags: [...new Set([statement, bareNote, cyrillicStatement, taggedNote].flatMap((a) => a.tags))].sort(),
      sites: [...new Set([statement, bareNote, cyrillicStatement, taggedNote].flatMap((a) => (a.site ? [a.site] : [])))].sort(),
    });
    s.remove(statement.id);
    s.remove(cyrillicStatement.id);
    expect(s.facets().entities).toEqual([]);
    expect(s.facets().tags).not.toContain('negotiations');
    expect(s.facets().sites).not.toContain(statement.site);
  });

  it('ranks the word itself above longer words it begins, whatever their dates', () => {
    const s = new LibrarySearch([
      { ...bareNote, id: 'longer', quote: 'The treaty-making season began.', createdAt: 3 },
      { ...bareNote, id: 'plural', quote: 'The treats were handed out.', createdAt: 2 },
      { ...bareNote, id: 'exact', quote: 'A treat for the delegates.', createdAt: 1 },
    ]);
    const found = ids(s.search({ text: 'treat' }));
    expect(found[0]).toBe('exact');
    expect(found.sort()).toEqual(['exact', 'longer', 'plural']);
  });

  it('refuses two passages with one id at construction', () => {
    expect(() => new LibrarySearch([bareNote, bareNote])).toThrow(/Duplicate annotation id/);
  });
});

// Generous limits: building the index takes seconds on a slow or busy machine; no duration is asserted.
describe('LibrarySearch on 50,000 passages', { timeout: 60_000 }, () => {
  const COUNT = 50_000;
  let library: SavedAnnotation[];
  let search: LibrarySearch;

  /** The brute-force answer: every passage passing the filters, newest first. */
  function expected(query: LibrarySearchQuery, extra: (a: SavedAnnotation) => boolean = () => true): string[] {
    const fold = (s: string) => s.toLowerCase();
    return newest(
      library.filter(
        (a) =>
          (query.entityId === undefined || a.entityId === query.entityId) &&
          (query.tag === undefined || a.tags.some((t) => fold(t) === fold(query.tag!))) &&
          (query.site === undefined || (a.site !== undefined && fold(a.site) === fold(query.site))) &&
          (typeof query.from !== 'number' || a.createdAt >= query.from) &&
          (typeof query.to !== 'number' || a.createdAt <= query.to) &&
          extra(a),
      ),
    );
  }

  // Rare words planted in known passages: no generated word is within two edits of them.
  const NEEDLES: [word: string, field: 'quote' | 'comment' | 'title', every: number][] = [
    ['xylophonist', 'quote', 997],
    ['quokkaburg', 'comment', 1499],
    ['zanzibarian', 'title', 2503],
  ];

  beforeAll(() => {
    library = syntheticLibrary(COUNT);
    for (const [word, field, every] of NEEDLES) {
      for (let i = every; i < COUNT; i += every) {
        const a = library[i]!;
        a[field] = `${a[field] ?? ''} ${word}`.trim();
      }
    }
    search = new LibrarySearch(library);
  }, 120_000);

  it('holds every passage', () => {
    expect(search.size).toBe(COUNT);
    expect(search.search().total).toBe(COUNT);
  });

  it.each(NEEDLES)('finds exactly the passages with "%s" in their %s, by word, prefix, typo and capitals', (word, field) => {
    const truth = expected({}, (a) => (a[field] ?? '').includes(word)).sort();
    expect(truth.length).toBeGreaterThan(15);
    for (const text of [word, word.slice(0, 6), `${word.slice(0, 3)}${word.slice(4)}`, word.toUpperCase()]) {
      expect(ids(search.search({ text })).sort(), text).toEqual(truth);
    }
  });

  const filterCases: [name: string, query: LibrarySearchQuery][] = [
    ['a speaker', { entityId: ENTITIES[1][0] }],
    ['a tag', { tag: TAGS[3]! }],
    ['a site', { site: SITES[2]! }],
    ['a time range', { from: START + 365 * 86_400_000, to: START + 400 * 86_400_000 }],
    ['a speaker, a tag, a site and a range together', { entityId: ENTITIES[0][0], tag: TAGS[1]!, site: SITES[0]!, from: START, to: START + 700 * 86_400_000 }],
    ['a speaker nobody quoted', { entityId: 'nobody' }],
  ];
  it.each(filterCases)('filters by %s exactly as a scan of every passage does, newest first', (_name, query) => {
    const results = search.search(query);
    const truth = expected(query);
    expect(results.total).toBe(truth.length);
    expect(ids(results)).toEqual(truth);
  });

  it('combines text and filters', () => {
    const query = { text: 'xylophonist', entityId: ENTITIES[0][0] };
    expect(ids(search.search({ ...query, sort: 'newest' }))).toEqual(expected(query, (a) => a.quote.includes('xylophonist')));
  });

  it('finds common words with every word required', () => {
    const results = search.search({ text: 'ceasefire pipeline', limit: 20 });
    expect(results.total).toBe(
      library.filter((a) => {
        const text = `${a.quote} ${a.comment ?? ''} ${a.title ?? ''} ${a.tags.join(' ')} ${a.entityName ?? ''}`.toLowerCase();
        return text.includes('ceasefire') && text.includes('pipeline');
      }).length,
    );
    expect(results.hits).toHaveLength(20);
    const scores = results.hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages through results without losing or repeating one', () => {
    const all = ids(search.search({ tag: TAGS[0]! }));
    const pages = [0, 1, 2].flatMap((page) => ids(search.search({ tag: TAGS[0]!, offset: page * 100, limit: 100 })));
    expect(pages).toEqual(all.slice(0, 300));
  });

  it('sorts oldest first on request', () => {
    const dates = search.search({ entityId: ENTITIES[2][0], sort: 'oldest' }).hits.map((h) => h.annotation.createdAt);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it('gives the same pages in relevance order as one long list, each passage once', () => {
    const all = search.search({ text: 'ceasefire', limit: 1000 });
    const paged = [0, 1, 2, 3].flatMap((page) => ids(search.search({ text: 'ceasefire', offset: page * 250, limit: 250 })));
    expect(paged).toEqual(ids(all));
    expect(new Set(paged).size).toBe(paged.length);
    const scores = all.hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps up with additions, edits and removals among 50,000', () => {
    const added = { ...library[0]!, id: 'added', quote: 'The marsupial ombudsman resigned.' };
    search.put(added);
    expect(ids(search.search({ text: 'ombudsman' }))).toEqual(['added']);
    search.put({ ...added, quote: 'The marsupial registrar resigned.' });
    expect(ids(search.search({ text: 'ombudsman' }))).toEqual([]);
    expect(ids(search.search({ text: 'registrar' }))).toEqual(['added']);
    const planted = library[997]!;
    search.remove(planted.id);
    expect(ids(search.search({ text: 'xylophonist' }))).not.toContain(planted.id);
    search.remove('added');
    search.put(planted);
    expect(search.size).toBe(COUNT);
  });
});

describe('LibrarySearch after many removals', () => {
  it('still finds exactly the passages left, and nothing of those removed', () => {
    const library = syntheticLibrary(6_000, 7);
    const search = new LibrarySearch(library);
    // Enough removals that the index drops them from its lists, then new passages in their place.
    for (const a of library.slice(0, 4_000)) search.remove(a.id);
    const kept = library.slice(4_000);
    const added = Array.from({ length: 500 }, (_, i) => ({ ...library[i]!, id: `new-${i}`, quote: `${library[i]!.quote} wombat` }));
    for (const a of added) search.put(a);
    expect(search.size).toBe(2_500);
    expect(search.search().total).toBe(2_500);
    expect(ids(search.search({ text: 'wombat' })).sort()).toEqual(added.map((a) => a.id).sort());
    const holds = (a: SavedAnnotation) => `${a.quote} ${a.title ?? ''} ${a.comment ?? ''} ${a.tags.join(' ')} ${a.entityName ?? ''}`.toLowerCase().split(/[^a-z]+/).includes('treaty');
    const truth = [...kept, ...added].filter(holds).map((a) => a.id).sort();
    expect(truth.length).toBeGreaterThan(100);
    expect(ids(search.search({ text: 'treaty' })).sort()).toEqual(truth);
    for (const a of library.slice(0, 4_000)) expect(search.has(a.id)).toBe(false);
  });
});
