import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyHighlightRules } from '../../../lib/platform/keyed-highlights';

const css = readFileSync('assets/highlights.css', 'utf8');

describe('the marks’ stylesheet as Chromium gets it', () => {
  it('keys every ::highlight() selector to the root, and changes nothing else', () => {
    const keyed = keyHighlightRules(css);
    const selectors = (text: string) => text.match(/[\w-]*::highlight\([\w-]+\)/g) ?? [];
    expect(selectors(css).length).toBeGreaterThan(50);
    expect(selectors(keyed)).toEqual(selectors(css).map((selector) => `html${selector}`));
    expect(keyed.replaceAll('html::highlight(', '::highlight(')).toBe(css);
  });

  it('keys selectors wherever a rule or a list puts them, and leaves keyed ones alone', () => {
    expect(keyHighlightRules('::highlight(a),\n::highlight(b) { color: red }\np{}::highlight(c){}')).toBe(
      'html::highlight(a),\nhtml::highlight(b) { color: red }\np{}html::highlight(c){}',
    );
    expect(keyHighlightRules('html::highlight(a) {}')).toBe('html::highlight(a) {}');
  });
});
