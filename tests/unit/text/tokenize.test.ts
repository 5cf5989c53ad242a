// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ASCII_KINDS, Script, charKindOf } from '../../../lib/text/characters';
import { TokenFlag, joinerBetween, tokenize } from '../../../lib/text/tokenize';

/** The tokens of a text as the original slices they cover. */
function slices(text: string): string[] {
  const tokens = tokenize(text);
  return tokens.folded.map((_, i) => text.slice(tokens.start[i], tokens.end[i]));
}

describe('tokenize', () => {
  it.each([
    ['runs of letters and digits', 'Putin met Xi in 2024.', ['Putin', 'met', 'Xi', 'in', '2024']],
    ['no word inside a longer word', 'Sudanese Putinism', ['Sudanese', 'Putinism']],
    ['hyphens and apostrophes between words', 'Kassym-Jomart O’Brien’s', ['Kassym', 'Jomart', 'O', 'Brien', 's']],
    ['the modifier-letter apostrophe as an apostrophe', 'Мар\u02BCяна', ['Мар', 'яна']],
    ['combining marks as part of the word', 'Souc\u030Cek', ['Souc\u030Cek']],
    ['invisible characters inside a word', 'Luka\u00ADshenka Lu\u200Bka', ['Luka\u00ADshenka', 'Lu\u200Bka']],
    ['not invisible characters at either end', '\u200BPutin\u00AD.', ['Putin']],
    ['each Han character', '普京说', ['普', '京', '说']],
    ['each kana, with the length mark', 'プーチン', ['プ', 'ー', 'チ', 'ン']],
    ['each Thai letter with its marks', 'ปูติน', ['ปู', 'ติ', 'น']],
    ['Latin beside Han', 'Putin普京', ['Putin', '普', '京']],
    ['astral letters', '𝐏𝐮𝐭𝐢𝐧 met', ['𝐏𝐮𝐭𝐢𝐧', 'met']],
    ['nothing in punctuation', ' —, ', []],
  ])('cuts out %s', (_, text, expected) => {
    expect(slices(text)).toEqual(expected);
  });

  it('folds each token and notes its script', () => {
    const tokens = tokenize('PUTIN Путин 2024 普');
    expect(tokens.folded).toEqual(['putin', 'путин', '2024', '普']);
    expect(tokens.flags.map((f) => f & TokenFlag.ScriptMask)).toEqual([
      Script.Latin,
      Script.Cyrillic,
      Script.Other,
      Script.Other,
    ]);
  });

  it.each([
    ['a space', 'South Sudan', false],
    ['spaces, hyphens and invisibles', 'South \u2011\u00AD\n Sudan', false],
    ['nothing, between scripts', 'Putin普', false],
    ['a comma', 'South, Sudan', true],
    ['an apostrophe', 'South’Sudan', true],
    ['a slash', 'South/Sudan', true],
    ['an em dash', 'South—Sudan', true],
  ])('marks the second token joined to the first by more than spaces: %s', (_, text, joined) => {
    const tokens = tokenize(text);
    expect(tokens.count).toBe(2);
    expect((tokens.flags[1]! & TokenFlag.JoinedBefore) !== 0).toBe(joined);
  });

  it.each([
    ['Obamas’ house', true],
    ["Obamas' house", true],
    ['Obamas\u00AD’ house', true],
    ['Obamas ’ house', false],
    ['Obamas house', false],
    ['Obamas', false],
  ])('marks a token followed at once by an apostrophe: %j', (text, after) => {
    expect((tokenize(text).flags[0]! & TokenFlag.ApostropheAfter) !== 0).toBe(after);
  });

  it.each([
    ['’', "'"],
    [' ʼ ', "'"],
    ['. ', '.'],
    ['，', ','],
    [' & ', '&'],
    ['.\u2011', '.-'],
  ])('folds what joins two tokens: %j', (gap, joiner) => {
    const text = `a${gap}b`;
    expect(joinerBetween(text, 1, 1 + gap.length)).toBe(joiner);
  });
});

describe('the ASCII fast path', () => {
  it('gives every ASCII character the kind the full classification gives it', () => {
    const differing = [];
    for (let cp = 0; cp < 0x80; cp++) if (ASCII_KINDS[cp] !== charKindOf(cp)) differing.push(JSON.stringify(String.fromCharCode(cp)));
    expect(differing).toEqual([]);
  });
});
