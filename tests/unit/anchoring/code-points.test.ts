import { describe as group, expect, it } from 'vitest';
import { anchorWithInfo, describe } from '../../../lib/anchoring';
import { page, select } from './dom';

/** Text with characters outside the Basic Multilingual Plane (two UTF-16 units each) before the quote. */
const astral = '<p>𝒜 vote 😀😀 on the 🇫🇷 treaty: the vote was postponed, then the vote was held.</p>';
const codePointOffset = (text: string, unitOffset: number) => Array.from(text.slice(0, unitOffset)).length;

group('position selectors count Unicode code points, as the Web Annotation model has it', () => {
  it('describe() gives code-point offsets after characters outside the BMP', () => {
    const root = page(astral);
    const text = root.textContent!;
    const [, position] = describe(select(root, 'the vote was postponed'), root);
    const units = text.indexOf('the vote was postponed');
    // 𝒜, two emoji and a flag of two regional indicators: five characters of two units before the quote.
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: codePointOffset(text, units),
      end: codePointOffset(text, units) + 'the vote was postponed'.length,
    });
    expect(position.start).toBe(units - 5);
  });

  it('a position selector written in code points (as other W3C tools write it) anchors on the right text', () => {
    const root = page(astral);
    const text = root.textContent!;
    const start = codePointOffset(text, text.indexOf('the vote was held'));
    const found = anchorWithInfo(root, [{ type: 'TextPositionSelector', start, end: start + 'the vote was held'.length }]);
    expect(found?.range.toString()).toBe('the vote was held');
    expect(found?.method).toBe('position');
  });

  it('a quote and a code-point position after astral characters are found at the position', () => {
    const root = page(astral);
    const text = root.textContent!;
    const units = text.lastIndexOf('the vote');
    const start = codePointOffset(text, units);
    const found = anchorWithInfo(root, [
      { type: 'TextQuoteSelector', exact: 'the vote' },
      { type: 'TextPositionSelector', start, end: start + 8 },
    ]);
    expect(found).toMatchObject({ method: 'position' });
    expect(found!.range.startOffset).toBe(units);
  });

  it('a selector stored before, in UTF-16 units, still anchors at its position', () => {
    const root = page(astral);
    const text = root.textContent!;
    // Two occurrences of the quote with the same (absent) context: only the old position tells them apart.
    const units = text.lastIndexOf('the vote');
    const found = anchorWithInfo(root, [
      { type: 'TextQuoteSelector', exact: 'the vote' },
      { type: 'TextPositionSelector', start: units, end: units + 8 },
    ]);
    expect(found).toMatchObject({ method: 'position' });
    expect(found!.range.startOffset).toBe(units);
  });

  it('describe() then anchor() round-trips after astral characters', () => {
    const root = page(astral);
    const selectors = describe(select(root, 'the vote', 1), root);
    const found = anchorWithInfo(root, selectors);
    expect(found).toMatchObject({ method: 'position' });
    expect(found!.range.toString()).toBe('the vote');
    expect(found!.range.startOffset).toBe(root.textContent!.indexOf('the vote was held'));
  });
});
