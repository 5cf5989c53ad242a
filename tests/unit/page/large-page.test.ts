import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLargePage, LARGE_PAGE_TEXT, TINT_CSS } from '../../../lib/page/large-page';

const docWithText = (length: number) => {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = `<p>${'a'.repeat(length)}</p>`;
  return doc;
};

describe('marks on very large pages', () => {
  it('takes a page as large only above the threshold of text', () => {
    expect(isLargePage(docWithText(20_000))).toBe(false);
    expect(isLargePage(docWithText(LARGE_PAGE_TEXT))).toBe(false);
    expect(isLargePage(docWithText(LARGE_PAGE_TEXT + 1))).toBe(true);
  });

  it('tints every kind the stylesheet underlines, in the same colour, and drops the underline', () => {
    const css = readFileSync('assets/highlights.css', 'utf8');
    const underlined = [...css.matchAll(/::highlight\((backstory-[a-z]+)\)\s*\{\s*text-decoration-color:\s*rgb\(([\d ]+) \//g)];
    expect(underlined.length).toBeGreaterThanOrEqual(6);
    for (const [, name, rgb] of underlined) {
      expect(TINT_CSS).toContain(`::highlight(${name}) { text-decoration-line: none !important; background-color: rgb(${rgb} /`);
    }
  });
});
