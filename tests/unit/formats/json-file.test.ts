import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestingTooDeep, overSizeLimit, parseJson } from '../../../lib/formats/json-file';

describe('reading a JSON file someone else wrote', () => {
  it('counts only brackets outside strings, escaped quotes and backslashes included', () => {
    const brackets = '[['.repeat(100);
    const text = JSON.stringify({ a: brackets, b: `\\"${brackets}`, c: ['\\', '[', { d: `"${brackets}"` }] });
    expect(nestingTooDeep(text)).toBe(-1);
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('finds the first bracket past the limit', () => {
    const text = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(nestingTooDeep(text)).toBe(MAX_JSON_DEPTH);
    expect(nestingTooDeep(text.slice(1, -1))).toBe(-1);
  });

  it('names the size and the limit', () => {
    expect(overSizeLimit(10, 10, 'a file')).toBeUndefined();
    expect(overSizeLimit(3.5 * 1024 * 1024, 1024 * 1024, 'a file')).toBe('is 3.5 MB, over the limit of 1 MB for a file; it was not read');
  });

  it('reports text that is not JSON, never throws', () => {
    expect(parseJson('{"a": ')).toEqual({ ok: false, message: expect.stringMatching(/^is not JSON/) });
    expect(parseJson('"unterminated')).toEqual({ ok: false, message: expect.stringMatching(/^is not JSON/) });
  });
});
