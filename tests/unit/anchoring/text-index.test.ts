import { describe as group, expect, it } from 'vitest';
import { createTextIndex, createTextIndexSliced } from '../../../lib/anchoring';
import { CompactText } from '../../../lib/anchoring/compact-text';
import { page } from './dom';

group('the text of a root', () => {
  it.each([
    { name: 'text nodes in document order, as textContent has them', html: '<p>He said <b>this</b> and <i>that</i></p>', text: 'He said this and that' },
    { name: 'whitespace exactly as the DOM holds it', html: '<p>a  b\n c</p>\n<p>d</p>', text: 'a  b\n c\nd' },
    { name: 'no text from scripts', html: '<p>a<script>var x = "b";</script>c</p>', text: 'ac' },
    { name: 'no text from styles', html: '<style>p { color: red }</style><p>a</p>', text: 'a' },
    { name: 'no text from noscript', html: '<p>a</p><noscript>Enable JavaScript</noscript><p>b</p>', text: 'ab' },
    { name: 'no text from templates', html: '<template><p>hidden</p></template><p>a</p>', text: 'a' },
    { name: "no text from Backstory's own UI, however deep", html: '<p>a<span data-backstory-ui><b>Save</b> quote</span>b</p>', text: 'ab' },
    { name: 'no text from comments', html: '<p>a<!-- note -->b</p>', text: 'ab' },
    { name: 'nothing from an empty page', html: '', text: '' },
  ])('$name', ({ html, text }) => {
    expect(createTextIndex(page(html)).text).toBe(text);
  });

  it('may be the text of a single text node', () => {
    const node = page('<p>alone</p>').querySelector('p')!.firstChild!;
    expect(createTextIndex(node).text).toBe('alone');
  });

  it('may be the text of a whole document', () => {
    page('<p>whole</p>');
    expect(createTextIndex(document).text).toBe('whole');
  });
});

group('offsets of DOM boundary points', () => {
  const html = '<p>He said <b>this</b><!--c--> and <script>x()</script><i>that</i></p>';
  const p = () => document.querySelector('p')!;

  it.each([
    { name: 'inside a text node', point: () => [p().firstChild!, 3] as const, offset: 3 },
    { name: 'inside a nested text node', point: () => [p().querySelector('b')!.firstChild!, 2] as const, offset: 10 },
    { name: 'before the first child of an element', point: () => [p(), 0] as const, offset: 0 },
    { name: 'between two children of an element', point: () => [p(), 1] as const, offset: 8 },
    { name: 'after the last child of an element', point: () => [p(), p().childNodes.length] as const, offset: 21 },
    { name: 'at the end of an element', point: () => [p().querySelector('b')!, 1] as const, offset: 12 },
    { name: 'inside a comment: just after it', point: () => [p().childNodes[2]!, 1] as const, offset: 12 },
    { name: 'inside a script: just after it', point: () => [p().querySelector('script')!.firstChild!, 1] as const, offset: 17 },
    { name: 'before a script', point: () => [p(), 4] as const, offset: 17 },
    { name: 'past the end of a text node: clamped to its end', point: () => [p().firstChild!, 99] as const, offset: 8 },
  ])('$name', ({ point, offset }) => {
    const root = page(html);
    const [container, at] = point();
    expect(createTextIndex(root).offsetAt(container, at)).toBe(offset);
  });

  it.each([
    { name: 'before the root: its start', point: () => [document.querySelector('header')!.firstChild!, 1] as const, offset: 0 },
    { name: 'after the root: its end', point: () => [document.querySelector('footer')!, 0] as const, offset: 6 },
    { name: "among the root's siblings, before it: its start", point: () => [document.body, 1] as const, offset: 0 },
    { name: "among the root's siblings, after it: its end", point: () => [document.body, 2] as const, offset: 6 },
  ])('$name', ({ point, offset }) => {
    page('<header>Menu</header><article>Story.</article><footer>Legal</footer>');
    const [container, at] = point();
    expect(createTextIndex(document.querySelector('article')!).offsetAt(container, at)).toBe(offset);
  });

  it('refuses a boundary in another document', () => {
    const root = page('<p>a</p>');
    const stranger = document.implementation.createHTMLDocument('other').createTextNode('b');
    expect(() => createTextIndex(root).offsetAt(stranger, 0)).toThrow(/not in the same document/);
  });
});

group('ranges for text offsets', () => {
  const html = '<p>He said <b>this</b> and <i>that</i></p>';

  it.each([
    { name: 'within one text node', start: 3, end: 7, startIn: 'He said ', endIn: 'He said ' },
    { name: 'a start where two nodes meet goes into the later one', start: 8, end: 12, startIn: 'this', endIn: 'this' },
    { name: 'an end where two nodes meet stays in the earlier one', start: 3, end: 8, startIn: 'He said ', endIn: 'He said ' },
    { name: 'across several elements', start: 3, end: 19, startIn: 'He said ', endIn: 'that' },
    { name: 'the whole text', start: 0, end: 21, startIn: 'He said ', endIn: 'that' },
  ])('$name', ({ start, end, startIn, endIn }) => {
    const root = page(html);
    const range = createTextIndex(root).rangeFor(start, end);
    expect(range.toString()).toBe(root.textContent!.slice(start, end));
    expect((range.startContainer as Text).data).toBe(startIn);
    expect((range.endContainer as Text).data).toBe(endIn);
  });

  it('skips empty text nodes', () => {
    const root = page('<p>ab</p>');
    const p = root.querySelector('p')!;
    p.append(document.createTextNode(''), document.createTextNode('cd'));
    const range = createTextIndex(root).rangeFor(2, 4);
    expect((range.startContainer as Text).data).toBe('cd');
  });

  it.each([
    [-1, 2],
    [3, 2],
    [0, 22],
    [0.5, 2],
  ])('refuses offsets %s–%s', (start, end) => {
    const index = createTextIndex(page(html));
    expect(() => index.rangeFor(start, end)).toThrow(RangeError);
  });

  it('tells when the page changed after the index was built', () => {
    const root = page(html);
    const index = createTextIndex(root);
    root.querySelector('i')!.firstChild!.textContent = 't';
    expect(() => index.rangeFor(17, 21)).toThrow(/build a new one/);
  });
});

group('a text index built in slices', () => {
  const article = () =>
    page(
      Array.from({ length: 2_000 }, (_, i) => `<p>Paragraph <b>${i}</b> says\n  something <script>x(${i})</script>about <i>item ${i}</i>.</p>`).join(''),
    );
  /** A pause that counts itself and, on the call numbered `act`, runs `action` (a change to the page, say). */
  const pauses = (act = -1, action: () => void = () => undefined) => {
    let count = 0;
    const pause = async () => {
      if (count++ === act) action();
    };
    return { pause, count: () => count };
  };

  it('reads the same text, ranges and compact text as one built at once, pausing along the way', async () => {
    const root = article();
    const { pause, count } = pauses();
    const sliced = (await createTextIndexSliced(root, { pause, sliceMs: 0, compact: true }))!;
    const whole = createTextIndex(root);
    expect(count()).toBeGreaterThan(2);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.compactText.compact).toBe(whole.compactText.compact);
    for (const [start, end] of [[0, 5], [1_000, 1_050], [whole.text.length - 9, whole.text.length]] as const) {
      expect(sliced.rangeFor(start, end).toString()).toBe(whole.rangeFor(start, end).toString());
      expect(sliced.compactText.toCompact(start)).toBe(whole.compactText.toCompact(start));
    }
  });

  it('starts again when the page changes between two slices, and reads the page as it became', async () => {
    const root = article();
    const { pause } = pauses(1, () => {
      root.querySelector('p')!.textContent = 'A new first paragraph.';
      root.append(document.createElement('p'));
      root.lastElementChild!.textContent = 'A new last paragraph.';
    });
    const sliced = (await createTextIndexSliced(root, { pause, sliceMs: 0 }))!;
    expect(sliced.text).toBe(createTextIndex(root).text);
    expect(sliced.text.startsWith('A new first paragraph.')).toBe(true);
    expect(sliced.text.endsWith('A new last paragraph.')).toBe(true);
  });

  it('stops, with nothing, when cancelled', async () => {
    const root = article();
    let cancelled = false;
    const { pause } = pauses(0, () => (cancelled = true));
    expect(await createTextIndexSliced(root, { pause, sliceMs: 0, cancelled: () => cancelled })).toBeNull();
  });

  it('builds a compact text in slices that equals one built at once', async () => {
    const text = 'a  b\n c\u200bd\u00a0e '.repeat(20_000);
    const { pause, count } = pauses();
    const sliced = await CompactText.sliced(text, pause, 0);
    const whole = new CompactText(text);
    expect(count()).toBeGreaterThan(2);
    expect(sliced.compact).toBe(whole.compact);
    for (const at of [0, 3, 77_777, text.length - 1]) expect(sliced.toCompact(at)).toBe(whole.toCompact(at));
    expect(sliced.toOriginal(10, 500)).toEqual(whole.toOriginal(10, 500));
  });
});
