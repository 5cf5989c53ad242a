import { describe, expect, it } from 'vitest';
import { toAnnotationCollection, toWebAnnotation } from '../../../lib/formats/web-annotation';
import { fromWebAnnotations } from '../../../lib/formats/web-annotation-import';
import type { SavedAnnotation } from '../../../lib/library/saved-annotation';
import { allFixtures, bareNote, statement } from './fixtures';

describe('fromWebAnnotations', () => {
  const fixed = { now: Date.UTC(2025, 0, 1), newId: () => '00000000-0000-4000-8000-000000000001' };
  const imported = (json: unknown) => {
    const result = fromWebAnnotations(json, fixed);
    if ('error' in result) throw new Error(result.error);
    return result;
  };

  it('reads back exactly what toAnnotationCollection wrote', () => {
    const collection = JSON.parse(JSON.stringify(toAnnotationCollection(allFixtures)));
    const normalised = allFixtures.map((a) => ({ ...a, tags: [...new Set(a.tags)] }));
    expect(imported(collection)).toEqual({ annotations: normalised, skipped: [], refused: [] });
  });

  describe('every envelope', () => {
    const one = JSON.parse(JSON.stringify(toWebAnnotation(statement)));
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/page1', type: 'AnnotationPage', items: [one] };
    const cases: [name: string, json: unknown][] = [
      ['a single Annotation', one],
      ['a list of annotations', [one]],
      ['an AnnotationPage', page],
      ['an AnnotationCollection with its first page embedded', { type: 'AnnotationCollection', id: 'http://example.org/c', total: 1, first: page }],
      ['an AnnotationCollection with items of its own', { type: ['AnnotationCollection'], id: 'http://example.org/c', items: [one] }],
    ];
    it.each(cases)('%s', (_name, json) => {
      expect(imported(json).annotations).toEqual([statement]);
    });
  });

  it('reads other tools\' Web Annotations: bodyValue, untyped textual bodies, Choice, link bodies, selector arrays', () => {
    const result = imported([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://annotations.example.net/anno/981',
        type: 'Annotation',
        created: '2024-02-03T04:05:06Z',
        bodyValue: 'Worth citing.',
        target: {
          source: 'https://example.com/story?utm_medium=social#comments',
          selector: { type: 'TextQuoteSelector', exact: 'the vote was postponed', prefix: 'On Tuesday ' },
        },
      },
      {
        id: 'http://annotations.example.net/anno/982',
        type: 'Annotation',
        body: [
          { value: 'plain comment' },
          { type: 'Choice', items: [{ type: 'TextualBody', value: 'in English', language: 'en' }, { type: 'TextualBody', value: 'auf Deutsch', language: 'de' }] },
          'https://blog.example.net/why-this-matters',
          { type: 'SpecificResource', purpose: 'tagging', source: 'http://vocab.example.org/elections' },
        ],
        target: [
          'https://example.com/elsewhere',
          { type: 'SpecificResource', source: { id: 'https://example.com/story', type: 'Text' }, selector: [
            { type: 'FragmentSelector', value: 'para5' },
            { type: 'TextPositionSelector', start: 10, end: 32 },
            { type: 'TextQuoteSelector', exact: 'the vote was postponed' },
          ] },
        ],
      },
    ]);
    expect(result.annotations).toEqual([
      {
        id: fixed.newId(), url: 'https://example.com/story', quote: 'the vote was postponed',
        selectors: [{ type: 'TextQuoteSelector', exact: 'the vote was postponed', prefix: 'On Tuesday ' }],
        tags: [], comment: 'Worth citing.', createdAt: Date.UTC(2024, 1, 3, 4, 5, 6), updatedAt: Date.UTC(2024, 1, 3, 4, 5, 6),
      },
      {
        id: fixed.newId(), url: 'https://example.com/story', quote: 'the vote was postponed',
        selectors: [{ type: 'TextQuoteSelector', exact: 'the vote was postponed' }, { type: 'TextPositionSelector', start: 10, end: 32 }],
        tags: ['http://vocab.example.org/elections'],
        comment: 'plain comment\n\nin English\n\nhttps://blog.example.net/why-this-matters',
        createdAt: fixed.now, updatedAt: fixed.now,
      },
    ]);
  });

  it('maps an identifying body that is not Backstory\'s through resolveEntity, else imports a note only', () => {
    const annotation = {
      type: 'Annotation',
      body: { type: 'SpecificResource', purpose: 'identifying', source: { id: 'https://www.wikidata.org/wiki/Q7184', label: 'NATO' } },
      target: { source: 'https://example.com/a', selector: { type: 'TextQuoteSelector', exact: 'collective defence' } },
    };
    const resolved = fromWebAnnotations(annotation, {
      ...fixed,
      resolveEntity: (uri) => (uri.endsWith('/Q7184') ? { id: 'nato' } : undefined),
    });
    expect(resolved).toMatchObject({ annotations: [{ entityId: 'nato', entityName: 'NATO' }] });
    const unresolved = imported(annotation).annotations[0]!;
    expect(unresolved.entityId).toBeUndefined();
    expect(unresolved.entityName).toBeUndefined();
  });

  describe('Hypothesis', () => {
    const hypothesisAnnotation = {
      id: 'Qm8xVh3bEe-7fKzLw1nTqA',
      created: '2024-05-12T09:15:02.481532+00:00',
      updated: '2024-05-13T16:40:11.006201+00:00',
      user: 'acct:researcher@hypothes.is',
      uri: 'https://www.example-news.com/world/talks-resume?utm_source=twitter',
      text: 'Contradicts the **March** statement.',
      tags: ['negotiations', 'geneva'],
      group: '__world__',
      permissions: { read: ['group:__world__'], admin: ['acct:researcher@hypothes.is'], update: ['acct:researcher@hypothes.is'], delete: ['acct:researcher@hypothes.is'] },
      target: [
        {
          source: 'https://www.example-news.com/world/talks-resume?utm_source=twitter',
          selector: [
            { type: 'RangeSelector', endOffset: 61, startOffset: 24, endContainer: '/div[2]/article[1]/p[4]', startContainer: '/div[2]/article[1]/p[4]' },
            { end: 1241, type: 'TextPositionSelector', start: 1204 },
            { type: 'TextQuoteSelector', exact: 'We will not accept any preconditions.', prefix: 'the minister told reporters: “', suffix: '” The talks are expected to last' },
          ],
        },
      ],
      document: { title: ['Talks resume in Geneva after a year'] },
      links: { html: 'https://hypothes.is/a/Qm8xVh3bEe-7fKzLw1nTqA', incontext: 'https://hyp.is/Qm8xVh3bEe-7fKzLw1nTqA/www.example-news.com/world/talks-resume', json: 'https://hypothes.is/api/annotations/Qm8xVh3bEe-7fKzLw1nTqA' },
      user_info: { display_name: 'A. Researcher' },
      flagged: false,
      hidden: false,
    };
    const pageNote = { ...hypothesisAnnotation, id: 'PageNote1', text: 'Whole article is worth a read', tags: [], target: [{ source: hypothesisAnnotation.uri }] };
    const reply = { ...pageNote, id: 'Reply1', text: 'Agreed', references: ['Qm8xVh3bEe-7fKzLw1nTqA'] };
    const expected: SavedAnnotation = {
      id: fixed.newId(),
      url: 'https://www.example-news.com/world/talks-resume',
      title: 'Talks resume in Geneva after a year',
      quote: 'We will not accept any preconditions.',
      selectors: [statement.selectors[0]!, statement.selectors[1]!],
      tags: ['negotiations', 'geneva'],
      comment: 'Contradicts the **March** statement.',
      createdAt: Date.parse('2024-05-12T09:15:02.481Z'),
      updatedAt: Date.parse('2024-05-13T16:40:11.006Z'),
    };

    it('reads the client\'s export file, leaving out page notes and replies with the reason', () => {
      const file = {
        export_date: '2024-06-01T10:00:00.000Z',
        export_userid: 'acct:researcher@hypothes.is',
        client_version: '1.1560.0',
        annotations: [pageNote, hypothesisAnnotation, reply],
      };
      expect(imported(file)).toEqual({
        annotations: [expected],
        skipped: [
          { index: 1, reason: 'a note on the whole page, with no quoted passage' },
          { index: 3, reason: 'a reply to another annotation, with no quoted passage' },
        ],
        refused: [],
      });
    });

    it('reads a search API response ({ total, rows })', () => {
      expect(imported({ total: 1, rows: [hypothesisAnnotation] }).annotations).toEqual([expected]);
    });

    it('reads one annotation from the API, with document.title as a plain string', () => {
      expect(imported({ ...hypothesisAnnotation, document: { title: 'Talks resume in Geneva after a year' } }).annotations).toEqual([expected]);
    });

    it('leaves out an annotation of a local PDF (urn:x-pdf:) as not a web page', () => {
      const pdf = { ...hypothesisAnnotation, uri: 'urn:x-pdf:6f1c9e', target: [{ ...hypothesisAnnotation.target[0]!, source: 'urn:x-pdf:6f1c9e' }] };
      expect(imported([pdf])).toEqual({ annotations: [], skipped: [{ index: 1, reason: 'it is not on a web page ("urn:x-pdf:6f1c9e")' }], refused: [] });
    });
  });

  describe('refuses an invalid file whole, saying what and where', () => {
    const good = JSON.parse(JSON.stringify(toWebAnnotation(bareNote)));
    const withTarget = (target: unknown) => ({ ...good, target });
    const cases: [name: string, json: unknown, error: RegExp][] = [
      ['not an object or list', 'just text', /not a Web Annotation file/],
      ['an object of no known kind', { hello: 'world' }, /not a Web Annotation file: expected an Annotation/],
      ['the third annotation without a target', [good, good, { ...good, target: undefined }], /^Annotation 3 has no target\.$/],
      ['an item that is not an object', [good, 42], /^Annotation 2 is not an object\.$/],
      ['an item of another type', [{ ...good, type: 'AnnotationPage' }], /^Annotation 1 is of type "AnnotationPage", not an Annotation\.$/],
      ['a target with neither source nor id', [withTarget({ selector: good.target.selector })], /^Annotation 1 has a target with neither a source nor an id\.$/],
      ['a target source that is no URL', [withTarget({ ...good.target, source: 'page.html' })], /^Annotation 1 has a target source that is not a URL: "page\.html"\.$/],
      ['a quote selector without exact', [withTarget({ ...good.target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] })], /TextQuoteSelector without its "exact" text/],
      ['a position selector backwards', [withTarget({ ...good.target, selector: [{ type: 'TextPositionSelector', start: 9, end: 3 }] })], /TextPositionSelector whose start and end are not positions/],
      ['a textual body without value', [{ ...good, body: { type: 'TextualBody', value: 7 } }], /^Annotation 1 has a TextualBody without a text "value"\.$/],
      ['a body that is nothing', [{ ...good, body: [{ purpose: 'commenting' }] }], /body that is neither a text, a link nor a resource/],
      ['a created date that is none', [{ ...good, created: 'yesterday' }], /^Annotation 1 has a "created" that is not a date: "yesterday"\.$/],
      ['Hypothesis tags that are not texts', [{ uri: 'https://e.com', target: [{ source: 'https://e.com' }], tags: 'a,b' }], /"tags" that are not a list of texts/],
      ['a collection that links to its page', { type: 'AnnotationCollection', total: 3, first: 'http://example.org/page1' }, /links to its annotations instead of holding them/],
      ['a collection holding only its first page of several', { type: 'AnnotationCollection', total: 250, first: { type: 'AnnotationPage', items: [good] } }, /has 250 annotations but this file holds only its first page \(1\)/],
    ];
    it.each(cases)('%s', (_name, json, error) => {
      const result = fromWebAnnotations(json, fixed);
      expect(result).toEqual({ error: expect.stringMatching(error) });
      expect(result).not.toHaveProperty('annotations');
    });

    it('names the first problem even when good annotations come before it', () => {
      const many = [...Array(7).fill(good), { ...good, target: null }, ...Array(3).fill(good)];
      expect(fromWebAnnotations(many)).toEqual({ error: 'Annotation 8 has no target.' });
    });
  });

  it('an empty list or collection is nothing to import, not an error', () => {
    expect(imported([])).toEqual({ annotations: [], skipped: [], refused: [] });
    expect(imported({ type: 'AnnotationCollection', total: 0 })).toEqual({ annotations: [], skipped: [], refused: [] });
  });

  it('keeps a urn:uuid id; mints one for any other id', () => {
    const upper = { ...JSON.parse(JSON.stringify(toWebAnnotation(bareNote))), id: `urn:uuid:${bareNote.id.toUpperCase()}` };
    expect(imported(upper).annotations[0]!.id).toBe(bareNote.id);
    const minted = fromWebAnnotations({ ...upper, id: 'http://example.org/anno1' });
    expect('annotations' in minted && minted.annotations[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
