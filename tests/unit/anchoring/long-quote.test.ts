import { describe, expect, it } from 'vitest';
import { anchorSliced, createTextIndex, DEFAULT_BUDGET, Effort, Slicer } from '../../../lib/anchoring';
import { CompactText } from '../../../lib/anchoring/compact-text';
import { STEP_WORK } from '../../../lib/anchoring/effort';
import { matchQuote } from '../../../lib/anchoring/match-quote';
import { page } from './dom';

/** A reproducible stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const VOCABULARY = 'the council envoy minister said that garrison tariff corridor pipeline treaty summit harbour grain border ceasefire mandate accord of and in to was for on with as by at from'.split(' ');
function prose(seed: number, length: number): string {
  const next = random(seed);
  const words: string[] = [];
  for (let total = 0; total < length; ) {
    const word = VOCABULARY[Math.floor(next() * VOCABULARY.length)]! + (next() < 0.05 ? String(Math.floor(next() * 1000)) : '');
    words.push(word);
    total += word.length + 1;
  }
  return words.join(' ').slice(0, length);
}

/** About 1 MB of text, with a 20,000-character passage from `at` on. */
const text = prose(7, 1_000_000);
const at = text.indexOf(' ', 600_000) + 1;
const quote = text.slice(at, at + 20_000).trim();
/** The passage as the page has it now: a word replaced, a sentence inserted, a few characters dropped. */
const edited = quote.slice(0, 5000) + 'XYZ' + quote.slice(5003, 12_000) + 'and a sentence the editor added ' + quote.slice(12_000, 17_000) + quote.slice(17_010);
const page1MB = text.slice(0, at) + edited + text.slice(at + quote.length);
const context = { prefix: page1MB.slice(at - 32, at), suffix: page1MB.slice(at + edited.length, at + edited.length + 32) };
const absent = prose(99, 20_000);

describe('a 20,000-character quote on a 1 MB page: bounded effort', () => {
  it('finds the quote, edited in place, in steps of bounded work', () => {
    const effort = new Effort();
    const match = matchQuote(new CompactText(page1MB), quote, { ...context, hint: at }, undefined, effort);
    expect(match).toMatchObject({ method: 'fuzzy' });
    expect(Math.abs(match!.start - at)).toBeLessThanOrEqual(1);
    expect(Math.abs(match!.end - (at + edited.length))).toBeLessThanOrEqual(10);
    expect(effort.gaveUp).toBe(false);
    expect(effort.steps).toBeGreaterThan(1);
    expect(effort.largestStep).toBeLessThanOrEqual(STEP_WORK);
  });

  it('finds the quote edited and moved far from its old position, within the budget', () => {
    const moved = text.slice(0, 100_000) + edited + text.slice(100_000, at) + text.slice(at + quote.length);
    const effort = new Effort();
    const match = matchQuote(new CompactText(moved), quote, { hint: at }, undefined, effort);
    expect(match).toMatchObject({ method: 'fuzzy' });
    expect(Math.abs(match!.start - 100_000)).toBeLessThanOrEqual(1);
    expect(effort.spent).toBeLessThanOrEqual(DEFAULT_BUDGET);
    expect(effort.largestStep).toBeLessThanOrEqual(STEP_WORK);
  });

  it('gives up on a quote that is not on the page after a bounded effort, in bounded steps', () => {
    const effort = new Effort();
    expect(matchQuote(new CompactText(page1MB), absent, { ...context, hint: at }, undefined, effort)).toBeNull();
    expect(effort.spent).toBeGreaterThan(0);
    expect(effort.spent).toBeLessThanOrEqual(DEFAULT_BUDGET);
    expect(effort.largestStep).toBeLessThanOrEqual(STEP_WORK);
  });

  it('stops when a smaller budget is spent, and says so', () => {
    const effort = new Effort(1_000_000);
    expect(matchQuote(new CompactText(page1MB), absent, { hint: at }, undefined, effort)).toBeNull();
    expect(effort.gaveUp).toBe(true);
    expect(effort.spent).toBeLessThanOrEqual(1_000_000);
  });

  it('anchorSliced gives the page back between steps and still finds the passage', async () => {
    const root = page(`<p>${text.slice(0, 200_000)}</p><p>${edited}</p><p>${text.slice(200_000, 400_000)}</p>`);
    const index = createTextIndex(root);
    let pauses = 0;
    const slicer = new Slicer(async () => void pauses++, 0);
    const effort = new Effort();
    const found = await anchorSliced(root, [{ type: 'TextQuoteSelector', exact: quote }], { index, slicer, effort });
    expect(found?.range.toString().slice(0, 100)).toBe(edited.slice(0, 100));
    expect(pauses).toBeGreaterThan(10);
    expect(pauses).toBe(effort.steps - 1);

    pauses = 0;
    const cancelled = new Slicer(async () => void pauses++, 0, () => pauses >= 3);
    expect(await anchorSliced(root, [{ type: 'TextQuoteSelector', exact: absent }], { index, slicer: cancelled })).toBeNull();
    expect(pauses).toBe(3);
  });
});
