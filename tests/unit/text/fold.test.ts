// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../lib/text';
import { casedWord } from '../../../lib/text/fold';

describe('foldForSearch', () => {
  it.each([
    ['case', 'LUKASHENKO Lukashenko', 'lukashenko lukashenko'],
    ['Cyrillic case', 'ЛУКАШЕНКО', 'лукашенко'],
    ['Greek case, final sigma included', 'ΟΔΟΣ', 'οδοσ'],
    ['accents', 'Souček Novák Tokaïev Łukašenka', 'soucek novak tokaiev lukasenka'],
    ['decomposed accents', 'Souc\u030Cek', 'soucek'],
    ['letters with strokes', 'Łódź Đukanović Ørsted', 'lodz dukanovic orsted'],
    ['ligatures and ß', 'Straße Œuvre', 'strasse oeuvre'],
    ['й and ё, as most Russian text writes them', 'Йошкар-Ола Ёлкин', 'иошкар ола елкин'],
    ['Kazakh letters with descenders', 'Тоқаев Назарбаевқа', 'токаев назарбаевка'],
    ['full-width forms', 'ＣＳＴＯ　２０２４', 'csto 2024'],
    ['compatibility ligatures', 'ﬁnance', 'finance'],
    [
      'soft hyphens and zero-width characters inside a word',
      'Luka\u00ADshen\u200Bka Лука\u200Dшенко',
      'lukashenka лукашенко',
    ],
    [
      'every kind of space and hyphen between words',
      'Kassym\u2011Jomart\u00A0\u2009Tokayev\n',
      'kassym jomart tokayev',
    ],
    ['punctuation, dropped', '“Putin,” he said — twice.', 'putin he said twice'],
    ['apostrophes, which end a word', 'O’Brien’s', 'o brien s'],
    ['scripts written without spaces, kept together', '普京说 プーチン', '普京说 プーチン'],
    ['Hangul, recomposed', '푸틴', '푸틴'],
    ['Devanagari vowel signs, kept', 'पुतिन', 'पुतिन'],
    ['a Latin word with one Cyrillic look-alike', 'Lukashenk\u0430', 'lukashenka'],
    ['a Cyrillic word with one Latin look-alike', 'Лукашенк\u006f', 'лукашенко'],
    ['a Latin word with a Greek look-alike', '\u03a1utin', 'putin'],
    [
      'a word wholly in Cyrillic, left Cyrillic',
      '\u0441\u043e\u0440 \u0420\u0430\u0440\u0430',
      '\u0441\u043e\u0440 \u0440\u0430\u0440\u0430',
    ],
    ['a tie between scripts, settled by the first letter', '\u0440a p\u0430', '\u0440\u0430 pa'],
    ['nothing', '', ''],
    ['nothing but punctuation', ' — ', ''],
  ])('folds %s', (_, text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('tells apart words that differ beyond case, accents and look-alikes', () => {
    expect(foldForSearch('Sudan')).not.toBe(foldForSearch('Sudanese'));
    expect(foldForSearch('\u0441\u043e\u0440')).not.toBe(foldForSearch('cop'));
    expect(foldForSearch('が')).not.toBe(foldForSearch('か'));
    expect(foldForSearch('Токаев')).not.toBe(foldForSearch('Токаєв'));
  });
});

describe('casedWord', () => {
  it.each([
    ['CSTO', 'CSTO'],
    ['C\u0405TO', 'CSTO'],
    ['Souček', 'Soucek'],
    ['U\u00ADS', 'US'],
    ['ОДКБ', 'ОДКБ'],
  ])('folds %j but keeps its case: %j', (word, cased) => {
    expect(casedWord(word, 0, word.length)).toBe(cased);
  });
});
