import { describe, expect, it } from 'vitest';
import { annotationsMarkdown } from '../../../lib/formats/markdown';
import type { SavedAnnotation } from '../../../lib/library/saved-annotation';
import { bareNote, cyrillicStatement, statement, taggedNote } from './fixtures';

const utc = { timeZone: 'UTC' };

describe('annotationsMarkdown', () => {
  it('writes a statement as a blockquote, its citation, its speaker and tags, and the comment', () => {
    expect(annotationsMarkdown([statement], utc)).toBe(
      [
        '# Saved quotes',
        '',
        '## [Talks resume in Geneva after a year](<https://www.example-news.com/world/2024/05/12/talks-resume>)',
        '',
        '> We will not accept any preconditions.',
        '',
        '— Laura Reyes, "Talks resume in Geneva after a year", Example News, 2024-05-12, <https://www.example-news.com/world/2024/05/12/talks-resume>, accessed 2024-05-12.',
        '',
        '**Alexander Lukashenka** · Tags: negotiations, Geneva',
        '',
        'Contradicts what he said in March.\\',
        'Compare with the April interview.',
        '',
      ].join('\n'),
    );
  });

  it('cites what a page gives and leaves out what it does not', () => {
    expect(annotationsMarkdown([bareNote], utc)).toBe(
      [
        '# Saved quotes',
        '',
        '## [https://example.org/blog/harbour-budget](<https://example.org/blog/harbour-budget>)',
        '',
        '> The harbour budget passed by two votes.',
        '',
        '— <https://example.org/blog/harbour-budget>, accessed 2023-11-02.',
        '',
      ].join('\n'),
    );
  });

  it('gives the publication date as the publisher\'s day, and the accessed date in the reader\'s zone', () => {
    const lateInNewYork: SavedAnnotation = { ...bareNote, published: '2024-05-12T23:30:00-04:00', createdAt: Date.UTC(2024, 4, 13, 2, 0) };
    expect(annotationsMarkdown([lateInNewYork], { timeZone: 'America/New_York' })).toContain('2024-05-12, <https://example.org/blog/harbour-budget>, accessed 2024-05-12.');
    expect(annotationsMarkdown([lateInNewYork], { timeZone: 'Asia/Tokyo' })).toContain('accessed 2024-05-13.');
  });

  const escaping: [name: string, quote: string, line: string][] = [
    ['emphasis and code stay literal', 'a *very* _big_ `deal`', '> a \\*very\\* \\_big\\_ \\`deal\\`'],
    ['links and HTML stay literal', '[click](http://x) <b>bold</b>', '> \\[click\\](http://x) \\<b\\>bold\\</b\\>'],
    ['a heading sign at the start', '# not a heading', '> \\# not a heading'],
    ['a list marker at the start', '- not a list', '> \\- not a list'],
    ['a numbered list marker at the start', '1. not a list', '> 1\\. not a list'],
    ['a quote marker at the start', '> not nested', '> \\> not nested'],
    ['a character reference', 'AT&amp;T', '> AT\\&amp;T'],
    ['an ampersand alone stays', 'AT&T', '> AT&T'],
  ];
  it.each(escaping)('escapes Markdown in quotes: %s', (_name, quote, line) => {
    expect(annotationsMarkdown([{ ...bareNote, quote }], utc).split('\n')).toContain(line);
  });

  it('keeps paragraphs of a long quote inside one blockquote', () => {
    const md = annotationsMarkdown([{ ...bareNote, quote: 'First paragraph.\n\nSecond paragraph,\nsame paragraph.' }], utc);
    expect(md).toContain('> First paragraph.\n>\n> Second paragraph,\\\n> same paragraph.\n');
  });

  it('groups by page, pages in the order first saved, quotes in the order they stand on the page', () => {
    const later = { ...statement, id: 'b', quote: 'Earlier on the page', selectors: [{ type: 'TextPositionSelector' as const, start: 10, end: 29 }], createdAt: statement.createdAt + 1 };
    const md = annotationsMarkdown([bareNote, statement, later, cyrillicStatement], utc);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## [https://example.org/blog/harbour-budget](<https://example.org/blog/harbour-budget>)',
      '## [Заявление президента](<https://news.example.by/politics/2024/03/04/zayavlenie>)',
      '## [Talks resume in Geneva after a year](<https://www.example-news.com/world/2024/05/12/talks-resume>)',
    ]);
    expect(md.indexOf('> Earlier on the page')).toBeLessThan(md.indexOf('> We will not accept'));
  });

  it('groups by entity: speakers by name, their quotes by publication date, notes last', () => {
    const nato: SavedAnnotation = { ...taggedNote, id: 'n', entityId: 'nato', entityName: 'NATO', comment: undefined };
    const md = annotationsMarkdown([bareNote, statement, nato, cyrillicStatement], { ...utc, groupBy: 'entity' });
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Alexander Lukashenka', '## NATO', '## Notes']);
    expect(md.indexOf('> Мы никогда')).toBeLessThan(md.indexOf('> We will not accept'));
    // The section names the speaker, so the quote does not repeat it.
    expect(md).not.toContain('**Alexander Lukashenka**');
  });

  it('an empty library is a heading alone', () => {
    expect(annotationsMarkdown([], { heading: 'Geneva talks' })).toBe('# Geneva talks\n');
  });
});
