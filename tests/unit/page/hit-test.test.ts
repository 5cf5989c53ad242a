import { afterEach, describe, expect, it } from 'vitest';
import type { HighlightPainter, Mark } from '../../../lib/page/highlights';
import { markAtPoint } from '../../../lib/page/hit-test';
import { installHighlightRegistry } from './highlight-registry';

// Under some device pixel ratios Chromium's highlightsFromPoint answers nothing over a painted name.

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the mark under the pointer', () => {
  it('is found through the caret when highlightsFromPoint returns nothing', () => {
    installHighlightRegistry();
    (CSS.highlights as unknown as { highlightsFromPoint: () => unknown[] }).highlightsFromPoint = () => [];
    document.body.innerHTML = '<p>Alexander Lukashenka spoke.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 20);
    // happy-dom lays nothing out: the name's box and the caret at the point are given.
    range.getClientRects = () => [{ left: 10, right: 200, top: 10, bottom: 30, width: 190, height: 20 }] as unknown as DOMRectList;
    (document as unknown as { caretPositionFromPoint: () => unknown }).caretPositionFromPoint = () => ({ offsetNode: text, offset: 5 });
    const mark: Mark = { range, entityIds: ['alexander-lukashenka'], kind: 'person' };
    const painter = { isOwnHighlight: () => true, markOf: () => undefined } as unknown as HighlightPainter;
    expect(markAtPoint(document, painter, () => [mark], 50, 20)).toBe(mark);
    expect(markAtPoint(document, painter, () => [mark], 50, 60)).toBeUndefined();
  });
});
