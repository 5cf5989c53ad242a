import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, anchorWithInfo, createTextIndex, describe, DEFAULT_THRESHOLD } from '../../../lib/anchoring';
import { nthIndexOf, page, select, visibleText, whereIs } from './dom';

interface Case {
  name: string;
  /** The page when the quote was saved. */
  before: string;
  /** The quote the researcher selected, and which of its occurrences (from 0). */
  saved: string | [quote: string, occurrence: number];
  /** The page when the researcher comes back. */
  after: string;
  /** What anchoring should find on it — the text and which of its occurrences — or null. */
  expected: { found: string; occurrence?: number; method: 'position' | 'quote' | 'fuzzy' } | null;
  threshold?: number;
}

const vote =
  'On Monday, the motion was carried by a narrow margin of two votes. ' +
  'On Friday, the motion was carried by a narrow margin of two votes.';
const clerkAfter = 'Reported by the clerk of the council: the motion was carried after a long debate on the harbour budget. ';
const clerkWithout = 'Reported by the clerk of the council: the motion was carried without any debate at all, since everyone had left. ';
const refrain = '<ul>' + '<li>Repeat after me: we shall overcome.</li>'.repeat(8) + '</ul>';
const resigned = 'The minister resigned on Tuesday after the vote';

const cases: Case[] = [
  {
    name: 'a quote at the very start of the text, page unchanged: found at its position',
    before: '<p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    saved: 'Breaking',
    after: '<p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    expected: { found: 'Breaking', method: 'position' },
  },
  {
    name: 'a quote at the very end of the text, page unchanged: found at its position',
    before: '<p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    saved: 'follow in May.',
    after: '<p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    expected: { found: 'follow in May.', method: 'position' },
  },
  {
    name: 'a quote at the very start, with a heading added before it: found as a quote',
    before: '<p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    saved: 'Breaking: parliament',
    after: '<h1>Live</h1><p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    expected: { found: 'Breaking: parliament', method: 'quote' },
  },
  {
    name: 'a quote at the very end, with a paragraph added before it: found as a quote',
    before: '<p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    saved: 'follow in May.',
    after: '<p>Updated 10:42.</p><p>Breaking: parliament is dissolved. Elections follow in May.</p>',
    expected: { found: 'follow in May.', method: 'quote' },
  },
  {
    name: 'a repeated quote told apart by its prefix, though another occurrence is nearer its old position',
    before: `<p>${vote}</p>`,
    saved: ['the motion was carried', 1],
    after:
      '<p>On Monday, the motion was carried by a narrow margin of two votes.</p>' +
      '<p>The opposition walked out in protest and the session was suspended until the afternoon.</p>' +
      '<p>On Friday, the motion was carried by a narrow margin of two votes.</p>',
    expected: { found: 'the motion was carried', occurrence: 1, method: 'quote' },
  },
  {
    name: 'a repeated quote told apart by its suffix, though another occurrence is nearer its old position',
    before: `<p>${clerkAfter}</p><p>${clerkWithout}</p>`,
    saved: ['the motion was carried', 1],
    after: `<p>${clerkWithout}</p><p>${clerkAfter}</p>`,
    expected: { found: 'the motion was carried', occurrence: 0, method: 'quote' },
  },
  {
    name: 'a repeated quote with the same surroundings told apart by nearness to its old position',
    before: refrain,
    saved: ['we shall overcome', 4],
    after: `<h2>Song</h2>${refrain}`,
    expected: { found: 'we shall overcome', occurrence: 4, method: 'quote' },
  },
  {
    name: 'changed whitespace: runs of spaces and newlines now single spaces',
    before: '<p>The committee  met\n   on Tuesday to discuss the budget.</p>',
    saved: 'committee  met\n   on Tuesday',
    after: '<p>The committee met on Tuesday to discuss the budget.</p>',
    expected: { found: 'committee met on Tuesday', method: 'quote' },
  },
  {
    name: 'changed whitespace: single spaces now line breaks and non-breaking spaces',
    before: '<p>The committee met on Tuesday to discuss the budget.</p>',
    saved: 'committee met on Tuesday',
    after: '<p>The committee\n      met&nbsp;on\tTuesday to discuss the budget.</p>',
    expected: { found: 'committee\n      met\u00a0on\tTuesday', method: 'quote' },
  },
  {
    name: 'changed whitespace: paragraphs no longer separated by a newline',
    before: '<p>The first line ends here.</p>\n<p>A second line begins.</p>',
    saved: 'ends here.\nA second',
    after: '<p>The first line ends here.</p><p>A second line begins.</p>',
    expected: { found: 'ends here.A second', method: 'quote' },
  },
  {
    name: 'text spanning elements, page unchanged: found at its position',
    before: '<p>He said <b>this</b> and <i>that</i></p>',
    saved: 'said this and th',
    after: '<p>He said <b>this</b> and <i>that</i></p>',
    expected: { found: 'said this and th', method: 'position' },
  },
  {
    name: 'text spanning elements, markup changed but not the text: found at its position',
    before: '<p>He said <b>this</b> and <i>that</i></p>',
    saved: 'said this and th',
    after: '<div><span>He </span>said <strong>th<em>is</em></strong> and that</div>',
    expected: { found: 'said this and th', method: 'position' },
  },
  {
    name: 'text spanning elements, shifted by an edit before it: found as a quote',
    before: '<p>He said <b>this</b> and <i>that</i></p>',
    saved: 'this and that',
    after: '<p>Yesterday he said <b>this</b> and <i>that</i></p>',
    expected: { found: 'this and that', method: 'quote' },
  },
  {
    name: 'text edited elsewhere shifting positions: the position fails, the quote is found',
    before: '<p>Prices rose by 3%.</p><p>The central bank held rates at 4.5 percent on Thursday.</p>',
    saved: 'held rates at 4.5 percent',
    after: '<p>Prices rose by 3.2% in October, the statistics office said.</p><p>The central bank held rates at 4.5 percent on Thursday.</p>',
    expected: { found: 'held rates at 4.5 percent', method: 'quote' },
  },
  {
    name: 'a word changed inside the quote: found fuzzily, in its new wording',
    before: '<p>Intro.</p><p>The central bank held rates at 4.5 percent on Thursday, as expected.</p>',
    saved: 'The central bank held rates at 4.5 percent on Thursday',
    after: '<p>Intro.</p><p>The central bank kept rates at 4.5 percent on Thursday, as expected.</p>',
    expected: { found: 'The central bank kept rates at 4.5 percent on Thursday', method: 'fuzzy' },
  },
  {
    name: 'a word changed inside the quote and the page shifted: found fuzzily',
    before: '<p>The central bank held rates at 4.5 percent on Thursday, as expected.</p>',
    saved: 'held rates at 4.5 percent on Thursday',
    after: '<p>Markets were calm.</p><p>The central bank held its rates at 4.5 percent on Thursday, as expected.</p>',
    expected: { found: 'held its rates at 4.5 percent on Thursday', method: 'fuzzy' },
  },
  {
    name: 'a quote edited in place, while a closer look-alike stands elsewhere: the one in place is found',
    before: `<p>Late news from the capital. ${resigned}, aides said.</p>`,
    saved: resigned,
    after:
      `<p>Late news from the capital. The minister resigned on Tuesday before the vote, aides said.</p>` +
      `<p>Unrelated archive item from 1998: The minister resigned on Thursday after the vote was lost.</p>`,
    expected: { found: 'The minister resigned on Tuesday before the vote', method: 'fuzzy' },
  },
  {
    name: 'the quote gone entirely: nothing is found',
    before: '<p>Prices rose.</p><p>The central bank held rates at 4.5 percent on Thursday.</p>',
    saved: 'held rates at 4.5 percent on Thursday',
    after: '<p>Prices rose.</p><p>Football: the home side won three to nil after extra time.</p>',
    expected: null,
  },
  {
    name: 'the quote now only inside a script: nothing is found',
    before: '<p>Prices rose.</p><p>The central bank held rates.</p>',
    saved: 'The central bank held rates.',
    after: '<p>Prices rose.</p><script>var headline = "The central bank held rates.";</script>',
    expected: null,
  },
  {
    name: 'a script before the quote, changed: offsets ignore it, found at its position',
    before: '<script>var a = 1;</script><p>Prices rose sharply.</p>',
    saved: 'rose sharply',
    after: '<script>var analytics = { page: "news", version: 12 };</script><p>Prices rose sharply.</p>',
    expected: { found: 'rose sharply', method: 'position' },
  },
  {
    name: "Backstory's own UI inserted before the quote: offsets ignore it, found at its position",
    before: '<p>Prices rose sharply.</p>',
    saved: 'rose sharply',
    after: '<div data-backstory-ui><button>Save quote</button></div><p>Prices rose sharply.</p>',
    expected: { found: 'rose sharply', method: 'position' },
  },
  {
    name: 'a quote edited, with a paragraph added above it: found near where it was',
    before: `<p>Intro.</p>${'<p>Filler sentence about the weather and the markets.</p>'.repeat(10)}<p>The central bank held rates at 4.5 percent on Thursday, as expected.</p>`,
    saved: 'The central bank held rates at 4.5 percent on Thursday',
    after: `<p>Intro.</p><p>Editor’s note: this article was updated with new reporting.</p>${'<p>Filler sentence about the weather and the markets.</p>'.repeat(10)}<p>The central bank kept rates at 4.5 percent on Thursday, as expected.</p>`,
    expected: { found: 'The central bank kept rates at 4.5 percent on Thursday', method: 'fuzzy' },
  },
  {
    name: 'a quote edited, with pages of text added above it: found in the whole text',
    before: '<p>Intro.</p><p>The central bank held rates at 4.5 percent on Thursday, as expected.</p>',
    saved: 'The central bank held rates at 4.5 percent on Thursday',
    after: `<p>Intro.</p>${'<p>A long live blog entry about the weather, the markets and the football results.</p>'.repeat(80)}<p>The central bank kept rates at 4.5 percent on Thursday, as expected.</p>`,
    expected: { found: 'The central bank kept rates at 4.5 percent on Thursday', method: 'fuzzy' },
  },
];

group('anchor: finding a saved quote again', () => {
  it.each(cases)('$name', ({ before, saved, after, expected, threshold }) => {
    const [quote, occurrence] = typeof saved === 'string' ? [saved, 0] : saved;
    const root = page(before);
    const selectors = describe(select(root, quote, occurrence), root);

    page(after);
    const result = anchorWithInfo(root, selectors, threshold === undefined ? {} : { threshold });

    if (expected === null) {
      expect(result).toBeNull();
      expect(anchor(root, selectors)).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    const start = nthIndexOf(visibleText(root), expected.found, expected.occurrence ?? 0);
    expect(whereIs(root, result!.range)).toEqual({ text: expected.found, start, end: start + expected.found.length });
    expect(result!.method).toBe(expected.method);
    expect(result!.score).toBeGreaterThan(0);
    expect(result!.score).toBeLessThanOrEqual(1);
    if (expected.method === 'position') expect(result!.score).toBe(1);
  });
});

const dissimilar: Case[] = [
  {
    name: "an unrelated sentence in the quote's place",
    before: '<p>Prices rose.</p><p>The central bank held rates at 4.5 percent on Thursday.</p><p>Markets were calm.</p>',
    saved: 'The central bank held rates at 4.5 percent on Thursday.',
    after: '<p>Prices rose.</p><p>The football club sold its stadium to a property developer.</p><p>Markets were calm.</p>',
    expected: null,
  },
  {
    name: 'a sentence sharing a few words with the quote',
    before: '<p>The central bank held rates at 4.5 percent on Thursday.</p>',
    saved: 'The central bank held rates at 4.5 percent on Thursday.',
    after: '<p>The bank of the river held firm on Thursday despite the rain.</p>',
    expected: null,
  },
  {
    name: 'a reworded version of the quote in unrelated surroundings',
    before: '<p>Monetary policy. The central bank held rates at 4.5 percent on Thursday. Bonds rallied.</p>',
    saved: 'The central bank held rates at 4.5 percent on Thursday.',
    after: '<p>Archive, 2019: the central bank held its rate at 4.25 percent on Tuesday. Gold fell.</p>',
    expected: null,
  },
  {
    name: 'a quote of three characters with one changed: short quotes must match exactly',
    before: '<p>Vote: yes.</p>',
    saved: 'yes',
    after: '<p>Vote: yet.</p>',
    expected: null,
  },
  {
    name: 'a one-word edit in place, refused under a strict threshold of 0.97',
    before: '<p>Intro.</p><p>The central bank held rates at 4.5 percent on Thursday, as expected.</p>',
    saved: 'The central bank held rates at 4.5 percent on Thursday',
    after: '<p>Intro.</p><p>The central bank kept rates at 4.5 percent on Thursday, as expected.</p>',
    expected: null,
    threshold: 0.97,
  },
];

group('anchor: never accepts a dissimilar passage', () => {
  it.each(dissimilar)('$name', ({ before, saved, after, threshold }) => {
    const [quote, occurrence] = typeof saved === 'string' ? [saved, 0] : saved;
    const root = page(before);
    const selectors = describe(select(root, quote, occurrence), root);
    page(after);
    expect(anchorWithInfo(root, selectors, threshold === undefined ? {} : { threshold })).toBeNull();
  });

  it('accepts a fuzzy match only when it scores at least the threshold', () => {
    const words = ['the', 'bank', 'held', 'rates', 'at', 'four', 'percent', 'on', 'Thursday', 'vote', 'minister'];
    const sentence = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(sentence, sentence, sentence, fc.double({ min: 0, max: 1, noNaN: true }), (saved, edited, rest, threshold) => {
        const root = page(`<p>${saved}. ${rest}.</p>`);
        const selectors = describe(select(root, saved), root);
        page(`<p>${rest}. ${edited}.</p>`);
        const result = anchorWithInfo(root, selectors, { threshold });
        if (result?.method === 'fuzzy') expect(result.score).toBeGreaterThanOrEqual(threshold);
      }),
      { numRuns: 200 },
    );
  });
});

group('anchor: selectors and options', () => {
  const text = '<p>Prices rose sharply in October, the statistics office said.</p>';

  it.each([
    {
      name: 'a position alone is trusted',
      selectors: [{ type: 'TextPositionSelector', start: 7, end: 11 }] as const,
      found: 'rose',
    },
    {
      name: 'a quote alone is searched for',
      selectors: [{ type: 'TextQuoteSelector', exact: 'October' }] as const,
      found: 'October',
    },
    {
      name: 'a position past the end of the text falls back to the quote',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'office' },
        { type: 'TextPositionSelector', start: 500, end: 506 },
      ] as const,
      found: 'office',
    },
    { name: 'no selectors find nothing', selectors: [] as const, found: null },
    {
      name: 'a position past the end of the text, alone, finds nothing',
      selectors: [{ type: 'TextPositionSelector', start: 500, end: 506 }] as const,
      found: null,
    },
    {
      name: 'a quote of only whitespace finds nothing',
      selectors: [{ type: 'TextQuoteSelector', exact: ' \n ' }] as const,
      found: null,
    },
  ])('$name', ({ selectors, found }) => {
    const root = page(text);
    const range = anchor(root, selectors);
    expect(range?.toString() ?? null).toBe(found);
  });

  it('reuses one text index for many annotations on a page', () => {
    const root = page(text);
    const index = createTextIndex(root);
    const ranges = ['Prices', 'October', 'office said.'].map((quote) =>
      anchor(root, describe(select(root, quote), root, { index }), { index }),
    );
    expect(ranges.map((range) => range?.toString())).toEqual(['Prices', 'October', 'office said.']);
  });

  it('refuses a text index built for another root', () => {
    const root = page('<article><p>Prices rose.</p></article>');
    const index = createTextIndex(root.querySelector('article')!);
    expect(() => anchor(root, [{ type: 'TextQuoteSelector', exact: 'rose' }], { index })).toThrow(/another root/);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses a threshold of %s', (threshold) => {
    const root = page(text);
    expect(() => anchor(root, [{ type: 'TextQuoteSelector', exact: 'rose' }], { threshold })).toThrow(RangeError);
  });

  it('has a default threshold between 0 and 1', () => {
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_THRESHOLD).toBeLessThan(1);
  });
});
