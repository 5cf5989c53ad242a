import { describe as group, expect, it } from 'vitest';
import { CompactText, withoutWhitespace } from '../../../lib/anchoring/compact-text';
import { contextAgreement, DEFAULT_THRESHOLD, matchQuote } from '../../../lib/anchoring/match-quote';

group('whitespace-free text', () => {
  it.each([
    { text: 'a  b\n c', compact: 'abc' },
    { text: ' \t\u00a0lead and trail\u2009\u200b ', compact: 'leadandtrail' },
    { text: 'none', compact: 'none' },
    { text: '', compact: '' },
  ])('$text → $compact', ({ text, compact }) => {
    expect(withoutWhitespace(text)).toBe(compact);
    expect(new CompactText(text).compact).toBe(compact);
  });

  it('maps a span back to the original text, whitespace inside kept and around left out', () => {
    const text = new CompactText('say  a \n b  now');
    const at = text.compact.indexOf('ab');
    expect(text.toOriginal(at, at + 2)).toEqual({ start: 5, end: 10 });
    expect(text.original.slice(5, 10)).toBe('a \n b');
  });

  it('maps an original offset to the next non-whitespace character', () => {
    const text = new CompactText('ab  cd');
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => text.toCompact(offset))).toEqual([0, 1, 2, 2, 2, 3, 4]);
  });
});

group('agreement of a prefix or suffix with the text beside a candidate', () => {
  it.each([
    { name: 'identical', expected: 'said the', neighbour: 'said the', touching: 'end', agreement: 1 },
    { name: 'a prefix agrees from the end, whatever lies before', expected: 'said the', neighbour: 'Bob said the', touching: 'end', agreement: 1 },
    { name: 'a suffix agrees from the start, whatever lies after', expected: 'on Monday', neighbour: 'on Monday at noon', touching: 'start', agreement: 1 },
    { name: 'one letter changed of eight', expected: 'said the', neighbour: 'sand the', touching: 'end', agreement: 7 / 8 },
    { name: 'one letter inserted costs one edit only', expected: 'said the', neighbour: 'saiid the', touching: 'end', agreement: 7 / 8 },
    { name: 'a prefix agreeing only far from the candidate counts little', expected: 'said the', neighbour: 'said thexxxx', touching: 'end', agreement: 4 / 8 },
    { name: 'nothing beside the candidate', expected: 'said', neighbour: '', touching: 'start', agreement: 0 },
    { name: 'unrelated text', expected: 'abcd', neighbour: 'wxyz', touching: 'start', agreement: 0 },
  ] as const)('$name', ({ expected, neighbour, touching, agreement }) => {
    expect(contextAgreement(expected, neighbour, touching)).toBeCloseTo(agreement);
  });
});

group('matching a quote in text', () => {
  const news = 'Rates: the bank held rates. Jobs: the bank cut jobs. Later: the bank held rates again.';

  it.each([
    {
      name: 'a unique quote is found as a quote',
      text: news,
      quote: 'cut jobs',
      context: {},
      found: { text: 'cut jobs', start: 43, method: 'quote' },
    },
    {
      name: 'of several occurrences, the one whose prefix agrees',
      text: news,
      quote: 'the bank held rates',
      context: { prefix: 'Later: ' },
      found: { text: 'the bank held rates', start: 60, method: 'quote' },
    },
    {
      name: 'of several occurrences, the one whose suffix agrees',
      text: news,
      quote: 'the bank held rates',
      context: { suffix: ' again.' },
      found: { text: 'the bank held rates', start: 60, method: 'quote' },
    },
    {
      name: 'of several occurrences agreeing alike, the nearest to the old position',
      text: news,
      quote: 'the bank',
      context: { hint: 40 },
      found: { text: 'the bank', start: 34, method: 'quote' },
    },
    {
      // W3C and Hypothesis files write '' for "no context": it does not mean the start or end of the text.
      name: 'an empty prefix gives no context: of occurrences alike, the nearest to the old position',
      text: 'held rates, then held rates',
      quote: 'held rates',
      context: { prefix: '', hint: 17 },
      found: { text: 'held rates', start: 17, method: 'quote' },
    },
    {
      name: 'an empty suffix gives no context: of occurrences alike, the nearest to the old position',
      text: 'held rates, then held rates',
      quote: 'held rates',
      context: { suffix: '', hint: 0 },
      found: { text: 'held rates', start: 0, method: 'quote' },
    },
    {
      name: 'an edited quote with an empty prefix and suffix, in the middle of the text, is found fuzzily',
      text: 'Markets: the central bank kept rates at 4.5 percent on Thursday. Bonds rallied.',
      quote: 'the central bank held rates at 4.5 percent on Thursday',
      context: { prefix: '', suffix: '' },
      found: { text: 'the central bank kept rates at 4.5 percent on Thursday', start: 9, method: 'fuzzy' },
    },
    {
      name: 'whitespace inside the quote may differ',
      text: 'The bank\n   held\u00a0rates.',
      quote: 'bank held rates',
      context: {},
      found: { text: 'bank\n   held\u00a0rates', start: 4, method: 'quote' },
    },
    {
      name: 'whitespace the quote begins and ends with is kept when the page still has it',
      text: 'The bank held rates.',
      quote: ' bank held ',
      context: {},
      found: { text: ' bank held ', start: 3, method: 'quote' },
    },
    {
      name: 'an occurrence whose whitespace changed, when its surroundings agree, rather than a literal one elsewhere',
      text: 'Sport: the bank held rates. Finance: the bank\nheld rates today.',
      quote: 'the bank held rates',
      context: { prefix: 'Finance: ', suffix: ' today.' },
      found: { text: 'the bank\nheld rates', start: 37, method: 'quote' },
    },
    {
      name: 'an edited quote is found fuzzily',
      text: 'Markets: the central bank kept rates at 4.5 percent on Thursday.',
      quote: 'the central bank held rates at 4.5 percent on Thursday',
      context: { prefix: 'Markets: ', suffix: '.' },
      found: { text: 'the central bank kept rates at 4.5 percent on Thursday', start: 9, method: 'fuzzy' },
    },
  ])('$name', ({ text, quote, context, found }) => {
    const match = matchQuote(new CompactText(text), quote, context);
    expect(match).not.toBeNull();
    expect({ text: text.slice(match!.start, match!.end), start: match!.start, method: match!.method }).toEqual(found);
  });

  it.each([
    { name: 'an empty quote', text: 'anything', quote: '', context: {} },
    { name: 'a quote of whitespace', text: 'any thing', quote: ' ', context: {} },
    { name: 'a quote nowhere near the text', text: 'The football club sold its stadium.', quote: 'the central bank held rates', context: {} },
    { name: 'a short quote with an error', text: 'Vote: yet.', quote: 'yes', context: {} },
    {
      name: 'a quote with about a fifth of it changed, in unrelated surroundings',
      text: 'Archive, 2019: the central bank held its rate at 4.25 percent on Tuesday. Gold fell.',
      quote: 'The central bank held rates at 4.5 percent on Thursday.',
      context: { prefix: 'Monetary policy. ', suffix: ' Bonds rallied.', hint: 17 },
    },
  ])('finds nothing for $name', ({ text, quote, context }) => {
    expect(matchQuote(new CompactText(text), quote, context)).toBeNull();
  });

  it('scores an edit in place higher than the same edit elsewhere, and both below an exact quote', () => {
    const quote = 'the central bank held rates at 4.5 percent';
    const context = { prefix: 'Markets: ', suffix: ' on Thursday.' };
    const inPlace = matchQuote(new CompactText('Markets: the central bank kept rates at 4.5 percent on Thursday.'), quote, context);
    const elsewhere = matchQuote(new CompactText('Sport: the central bank kept rates at 4.5 percent, fans said.'), quote, context, 0);
    const exact = matchQuote(new CompactText('Other: the central bank held rates at 4.5 percent, fans said.'), quote, context);
    expect(inPlace!.score).toBeGreaterThan(elsewhere!.score);
    expect(exact!.score).toBeGreaterThan(elsewhere!.score);
    expect(inPlace!.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});
