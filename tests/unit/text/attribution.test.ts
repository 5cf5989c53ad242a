import { describe, expect, it } from 'vitest';
import { attributesSpeech, sameSentence } from '../../../lib/text/attribution';

describe('a sentence that says who spoke', () => {
  const speaks: [string, string][] = [
    ['“We will not give in,” ', ' said.'],
    ['', ' told reporters on Tuesday that the deal was done.'],
    ['The deal is done, said ', '.'],
    ['The deal is done, said Belarusian President ', '.'],
    ['According to ', ', the deal is done.'],
    ['', ' has also said the deal is done.'],
    ['', ', 70, warned that the deal was off.'],
  ];
  it.each(speaks)('“%s NAME %s” attributes speech to the name', (before, after) => {
    expect(attributesSpeech(before, after)).toBe(true);
  });

  const silent: [string, string][] = [
    ['He said that ', ' was wrong.'],
    ['The deal was signed by ', ' in Minsk.'],
    ['“No comment,” ', '’s spokesman said.'],
    ['Critics of ', ' said the vote was rigged.'],
    ['', ' arrived in Astana on Monday.'],
  ];
  it.each(silent)('“%s NAME %s” does not', (before, after) => {
    expect(attributesSpeech(before, after)).toBe(false);
  });
});

describe('one sentence between a quote and a name', () => {
  it('holds across closing punctuation and quotes', () => {
    expect(sameSentence(',” ')).toBe(true);
    expect(sameSentence('!” ')).toBe(true);
    expect(sameSentence(' on Tuesday, ')).toBe(true);
  });
  it('ends at a full stop followed by more words', () => {
    expect(sameSentence(' arrived. Officials ')).toBe(false);
  });
});
