import { afterEach, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../../lib/page/reader/snapshot';

const URL = 'https://news.example.org/local/new-pier';

function show(html: string, title = 'New pier to open in spring'): void {
  document.title = title;
  document.body.innerHTML = html;
}

function select(start: Node, startOffset: number, end: Node, endOffset: number): void {
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

const textIn = (selector: string) => document.querySelector(selector)!.firstChild!;

afterEach(() => document.getSelection()!.removeAllRanges());

describe('snapshotOf', () => {
  it('carries the page\'s markup with a doctype, its address and its title', () => {
    show('<article><h1>New pier</h1><p>The pier opens in spring.</p></article>');
    const snapshot = snapshotOf(document, URL);
    expect(snapshot.html.startsWith('<!DOCTYPE html><html')).toBe(true);
    expect(snapshot.html).toContain('<p>The pier opens in spring.</p>');
    expect(snapshot.url).toBe(URL);
    expect(snapshot.title).toBe('New pier to open in spring');
    expect(snapshot).not.toHaveProperty('selectionHtml');
  });

  it('carries the markup of a selection of a few words, across elements', () => {
    show('<p id="one">The harbour authority said the <em>new pier</em> would open.</p><p id="two">Crews welcomed it.</p>');
    select(textIn('#one'), 4, textIn('#two'), 5);
    const { selectionHtml } = snapshotOf(document, URL);
    expect(selectionHtml).toBe('<p id="one">harbour authority said the <em>new pier</em> would open.</p><p id="two">Crews</p>');
  });

  it.each([
    ['a collapsed selection', 3, 3],
    ['a single word', 4, 11],
    ['two words', 4, 21],
  ])('carries no selection for %s', (_, start, end) => {
    show('<p id="one">The harbour authority said the pier would open.</p>');
    select(textIn('#one'), start, textIn('#one'), end);
    expect(snapshotOf(document, URL)).not.toHaveProperty('selectionHtml');
  });

  it('counts words in a language written without spaces', () => {
    show('<p id="one">新しい桟橋は春に開業する予定です。</p>');
    select(textIn('#one'), 0, textIn('#one'), 16);
    expect(snapshotOf(document, URL).selectionHtml).toBe('新しい桟橋は春に開業する予定です');
  });
});
