import { describe, expect, it } from 'vitest';
import { annotationsCsv, CSV_COLUMNS } from '../../../lib/formats/csv';
import { bareNote, cyrillicStatement, statement, taggedNote } from './fixtures';

/** A reader of RFC 4180 written for the test: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record is not ended by CRLF');
  return rows;
}

const csv = (annotations = [statement, bareNote, cyrillicStatement, taggedNote]) =>
  annotationsCsv(annotations, { byteOrderMark: false });

describe('annotationsCsv', () => {
  it('starts with a UTF-8 byte order mark for Excel, unless asked not to', () => {
    expect(annotationsCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    expect(annotationsCsv([], { byteOrderMark: false })).toBe('Saved (UTC),Entity,Quote,Comment,Tags,Title,Site,Author,Published,URL\r\n');
  });

  it('writes one record per annotation under the header, every record ended by CRLF', () => {
    const rows = parseCsv(csv());
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('writes a statement\'s fields in column order', () => {
    expect(parseCsv(csv([statement]))[1]).toEqual([
      '2024-05-12 09:15:00',
      'Alexander Lukashenka',
      'We will not accept any preconditions.',
      'Contradicts what he said in March.\nCompare with the April interview.',
      'negotiations; Geneva',
      'Talks resume in Geneva after a year',
      'Example News',
      'Laura Reyes',
      '2024-05-12T07:30:00+02:00',
      'https://www.example-news.com/world/2024/05/12/talks-resume',
    ]);
  });

  it('leaves the cells of what a note lacks empty', () => {
    expect(csv([bareNote]).split('\r\n')[1]).toBe(
      '2023-11-02 18:00:00,,The harbour budget passed by two votes.,,,,,,,https://example.org/blog/harbour-budget',
    );
  });

  const quoting: [name: string, comment: string, written: string][] = [
    ['plain text stays bare', 'No quoting needed', 'No quoting needed'],
    ['a comma is quoted', 'Yes, he said', '"Yes, he said"'],
    ['quotes are doubled inside quotes', 'He called it "a farce"', '"He called it ""a farce"""'],
    ['a line break is kept inside quotes', 'line one\r\nline two', '"line one\r\nline two"'],
    ['non-Latin text is written as is', 'Заявление, 4 марта', '"Заявление, 4 марта"'],
  ];
  it.each(quoting)('RFC 4180: %s', (_name, comment, written) => {
    expect(csv([{ ...bareNote, comment }]).slice(csv([]).length)).toBe(
      `2023-11-02 18:00:00,,The harbour budget passed by two votes.,${written},,,,,,https://example.org/blog/harbour-budget\r\n`,
    );
    expect(parseCsv(csv([{ ...bareNote, comment }]))[1]![3]).toBe(comment);
  });

  const injection: [start: string, value: string, cellText: string][] = [
    ['=', '=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+', '+1-555-0100 called', `'+1-555-0100 called`],
    ['-', '-15% in a single session', `'-15% in a single session`],
    ['@', '@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['tab', '\t=1+1', `'\t=1+1`],
    ['carriage return', '\r=1+1', `'\r=1+1`],
  ];
  it.each(injection)('a cell starting with %s is made text with an apostrophe', (_start, value, cellText) => {
    const row = parseCsv(csv([{ ...bareNote, quote: value, title: value, comment: value, tags: [value] }]))[1]!;
    expect([row[2], row[3], row[4], row[5]]).toEqual([cellText, cellText, cellText, cellText]);
  });

  it.each([
    ['a formula sign inside the text', 'Revenue = costs + 5%'],
    ['a leading space before it', ' =1+1'],
    ['an email address', 'press@example.org'],
  ])('leaves %s alone', (_name, value) => {
    expect(parseCsv(csv([{ ...bareNote, comment: value }]))[1]![3]).toBe(value);
  });

  it('guards every column, including the ones from page metadata', () => {
    const row = parseCsv(csv([taggedNote]))[1]!;
    expect(row[2]).toBe(`'-15% in a single session, the steepest fall since 2020`);
    expect(row[3]).toBe(`'+ check against the exchange's own figures, "to the decimal"`);
    expect(row[4]).toBe('oil; markets; oil');
    expect(row[5]).toBe(`'=HYPERLINK("http://evil.example","click") and other tricks`);
    expect(row[7]).toBe(`'@marketdesk`);
  });

  it('names an entity by its id when its name was not kept', () => {
    expect(parseCsv(csv([{ ...cyrillicStatement, entityName: undefined }]))[1]![1]).toBe('alexander-lukashenka');
  });
});
