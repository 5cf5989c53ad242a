import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorWithInfo, CONTEXT_LENGTH, describe } from '../../../lib/anchoring';
import { page, select, selectOffsets, visibleText, whereIs } from './dom';

const fox = '<p>The quick brown fox jumps over the lazy dog.</p>';
const long = '<p>' + 'Seven silver swans swam silently seaward. '.repeat(3) + '</p>';
const spanning = '<p>He said <b>this</b> and <i>that</i></p>';

group('describe: a selection of text', () => {
  it.each([
    {
      name: 'a word in the middle keeps all the text around it as context',
      html: fox,
      quote: 'fox',
      expected: { exact: 'fox', prefix: 'The quick brown ', suffix: ' jumps over the lazy dog.', start: 16, end: 19 },
    },
    {
      name: 'at the very start of the text the prefix is empty',
      html: fox,
      quote: 'The quick',
      expected: { exact: 'The quick', prefix: '', suffix: ' brown fox jumps over the lazy dog.'.slice(0, 32), start: 0, end: 9 },
    },
    {
      name: 'at the very end of the text the suffix is empty',
      html: fox,
      quote: 'lazy dog.',
      expected: { exact: 'lazy dog.', prefix: 'The quick brown fox jumps over the '.slice(-32), suffix: '', start: 35, end: 44 },
    },
    {
      name: `context is cut at ${CONTEXT_LENGTH} characters`,
      html: long,
      quote: 'swam',
      occurrence: 1,
      expected: { exact: 'swam', prefix: 'tly seaward. Seven silver swans ', suffix: ' silently seaward. Seven silver ', start: 61, end: 65 },
    },
    {
      name: 'text spanning elements is quoted as the reader sees it',
      html: spanning,
      quote: 'said this and th',
      expected: { exact: 'said this and th', prefix: 'He ', suffix: 'at', start: 3, end: 19 },
    },
    {
      name: "scripts, styles and Backstory's own UI leave no trace in quote, context or offsets",
      html: '<p>Alpha <script>var x = 1;</script><style>p{}</style>beta <span data-backstory-ui>Save quote</span>gamma</p>',
      quote: 'beta gamma',
      expected: { exact: 'beta gamma', prefix: 'Alpha ', suffix: '', start: 6, end: 16 },
    },
    {
      name: 'a character outside the Basic Multilingual Plane is never cut in half at the context edge',
      html: `<p>😀${'x'.repeat(30)} quoted ${'y'.repeat(30)}😀</p>`,
      quote: 'quoted',
      // Positions count code points: the emoji is one.
      expected: { exact: 'quoted', prefix: `${'x'.repeat(30)} `, suffix: ` ${'y'.repeat(30)}`, start: 32, end: 38 },
    },
  ])('$name', ({ html, quote, occurrence, expected }) => {
    const root = page(html);
    const [quoteSelector, positionSelector] = describe(select(root, quote, occurrence), root);
    expect(quoteSelector).toEqual({
      type: 'TextQuoteSelector',
      exact: expected.exact,
      prefix: expected.prefix,
      suffix: expected.suffix,
    });
    expect(positionSelector).toEqual({ type: 'TextPositionSelector', start: expected.start, end: expected.end });
    expect(Array.from(visibleText(root)).slice(expected.start, expected.end).join('')).toBe(expected.exact);
  });
});

group('describe: ranges whose boundaries are elements', () => {
  it.each([
    {
      name: "an element's contents",
      range: (root: HTMLElement) => {
        const range = document.createRange();
        range.selectNodeContents(root.querySelector('b')!);
        return range;
      },
      expected: { exact: 'this', start: 8, end: 12 },
    },
    {
      name: 'from before one element to after another',
      range: (root: HTMLElement) => {
        const range = document.createRange();
        range.setStartBefore(root.querySelector('b')!);
        range.setEndAfter(root.querySelector('i')!);
        return range;
      },
      expected: { exact: 'this and that', start: 8, end: 21 },
    },
    {
      name: 'a whole paragraph, by child offsets',
      range: (root: HTMLElement) => {
        const p = root.querySelector('p')!;
        const range = document.createRange();
        range.setStart(p, 0);
        range.setEnd(p, p.childNodes.length);
        return range;
      },
      expected: { exact: 'He said this and that', start: 0, end: 21 },
    },
    {
      name: 'from the end of one text node to the end of an element',
      range: (root: HTMLElement) => {
        const range = document.createRange();
        range.setStart(root.querySelector('p')!.firstChild!, 'He said '.length);
        range.setEnd(root.querySelector('b')!, 1);
        return range;
      },
      expected: { exact: 'this', start: 8, end: 12 },
    },
    {
      name: 'starting inside a script: counted from just after it',
      html: '<p>One <script>var x;</script>two three</p>',
      range: (root: HTMLElement) => {
        const range = document.createRange();
        range.setStart(root.querySelector('script')!.firstChild!, 2);
        range.setEnd(root.querySelector('p')!.lastChild!, 3);
        return range;
      },
      expected: { exact: 'two', start: 4, end: 7 },
    },
    {
      name: 'reaching outside the root: only the part inside is described',
      html: '<header>Menu</header><article><p>Story text.</p></article>',
      root: (body: HTMLElement) => body.querySelector('article')!,
      range: (body: HTMLElement) => {
        const range = document.createRange();
        range.setStart(body.querySelector('header')!.firstChild!, 1);
        range.setEnd(body.querySelector('p')!.firstChild!, 5);
        return range;
      },
      expected: { exact: 'Story', start: 0, end: 5 },
    },
    {
      name: "bounded by the root's parent: clamped to the root",
      html: '<header>Menu</header><article><p>Story text.</p></article><footer>Legal</footer>',
      root: (body: HTMLElement) => body.querySelector('article')!,
      range: (body: HTMLElement) => {
        const range = document.createRange();
        range.setStart(body, 0);
        range.setEnd(body, 3);
        return range;
      },
      expected: { exact: 'Story text.', start: 0, end: 11 },
    },
  ])('$name', ({ html, root: pickRoot, range, expected }) => {
    const body = page(html ?? spanning);
    const root = pickRoot ? pickRoot(body) : body;
    const [quote, position] = describe(range(body), root);
    expect({ exact: quote.exact, start: position.start, end: position.end }).toEqual(expected);
  });
});

group('describe: selections that cannot be described', () => {
  it.each([
    {
      name: 'a collapsed selection',
      range: (root: HTMLElement) => selectOffsets(root, 3, 3),
      error: 'Cannot describe an empty selection',
    },
    {
      name: 'a selection between two text nodes, holding no characters',
      range: (root: HTMLElement) => {
        const range = document.createRange();
        range.setStart(root.querySelector('p')!.firstChild!, 'He said '.length);
        range.setEnd(root.querySelector('b')!.firstChild!, 0);
        return range;
      },
      error: 'Cannot describe an empty selection',
    },
    {
      name: 'a selection of nothing but whitespace',
      range: (root: HTMLElement) => select(root, ' '),
      error: 'Cannot describe an empty selection',
    },
    {
      name: 'a selection of nothing but a script',
      html: '<p>One <script>var x;</script>two</p>',
      range: (root: HTMLElement) => {
        const range = document.createRange();
        range.selectNode(root.querySelector('script')!);
        return range;
      },
      error: 'Cannot describe an empty selection',
    },
    {
      name: 'a selection outside the root',
      html: '<header>Menu</header><article><p>Story text.</p></article>',
      root: (body: HTMLElement) => body.querySelector('article')!,
      range: (root: HTMLElement) => select(root, 'Menu'),
      error: 'Cannot describe a selection outside the root',
    },
  ])('$name', ({ html, root: pickRoot, range, error }) => {
    const body = page(html ?? spanning);
    const root = pickRoot ? pickRoot(body) : body;
    expect(() => describe(range(body), root)).toThrow(error);
  });
});

group('describe then anchor: a round trip on an unchanged page', () => {
  const html =
    '<article><h1>Budget  day</h1><p>The minister <b>rose</b> at <i>noon</i>.</p>' +
    '<script>track("budget")</script><p>Taxes\n   fall; spending <span data-backstory-ui>[note]</span>rises.</p>' +
    '<ul><li>Ports: up</li><li>Rail: up</li><li>Roads: down</li></ul></article>';

  it('gives back a range with the same text and offsets, found at its position', () => {
    const root = page(html);
    const length = visibleText(root).length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length }), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        fc.pre(visibleText(root).slice(start, end).trim() !== '');
        const original = selectOffsets(root, start, end);
        const result = anchorWithInfo(root, describe(original, root));
        expect(result?.method).toBe('position');
        expect(whereIs(root, result!.range)).toEqual(whereIs(root, original));
      }),
      { numRuns: 300 },
    );
  });
});
