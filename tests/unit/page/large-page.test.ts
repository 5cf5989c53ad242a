import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLargePage, LARGE_PAGE_TEXT } from '../../../lib/page/large-page';

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

  it('has a tint, in the same colour and without an underline, for every kind the stylesheet underlines', () => {
    const css = readFileSync('assets/highlights.css', 'utf8');
    const underlined = [...css.matchAll(/::highlight\((backstory-[a-z]+)\)\s*\{\s*text-decoration-color:\s*rgb\(([\d ]+) \//g)];
    expect(underlined.length).toBeGreaterThanOrEqual(6);
    for (const [, name, rgb] of underlined) {
      const tint = css.match(new RegExp(`::highlight\\(${name}-tint\\)\\s*\\{([^}]*)\\}`));
      expect(tint?.[1], name).toContain(`background-color: rgb(${rgb} /`);
      expect(tint?.[1], name).not.toContain('text-decoration');
    }
  });
});
