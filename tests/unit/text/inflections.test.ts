// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../lib/text';
import { inflectionLanguagesOf, isAcronym } from '../../../lib/text/alias-language';
import { Script } from '../../../lib/text/characters';
import { Deinflector } from '../../../lib/text/deinflect';
import { INFLECTIONS, LANGUAGE_HINTS, type InflectionLanguage } from '../../../lib/text/inflections';

function basesOf(word: string, languages: InflectionLanguage[], { beforeApostrophe = false } = {}): string[] {
  const script = /\p{Script=Cyrillic}/u.test(word) ? Script.Cyrillic : Script.Latin;
  return new Deinflector(languages).deinflect(foldForSearch(word), script, beforeApostrophe).map((d) => d.base);
}

describe('the inflection table', () => {
  it.each<[InflectionLanguage, string, string]>([
    ['ru', 'Токаева', 'Токаев'],
    ['ru', 'Токаеву', 'Токаев'],
    ['ru', 'Токаевым', 'Токаев'],
    ['ru', 'Токаеве', 'Токаев'],
    ['ru', 'Путиным', 'Путин'],
    ['ru', 'Пашиняна', 'Пашинян'],
    ['ru', 'Сергея', 'Сергей'],
    ['ru', 'Игорем', 'Игорь'],
    ['ru', 'Петровой', 'Петрова'],
    ['ru', 'Петровою', 'Петрова'],
    ['ru', 'Ковальскую', 'Ковальская'],
    ['ru', 'Зеленского', 'Зеленский'],
    ['ru', 'Толстого', 'Толстой'],
    ['ru', 'Марией', 'Мария'],
    ['uk', 'Шевченка', 'Шевченко'],
    ['uk', 'Шевченкові', 'Шевченко'],
    ['uk', 'Зеленського', 'Зеленський'],
    ['uk', 'Пашиняном', 'Пашинян'],
    ['be', 'Лукашэнкі', 'Лукашэнка'],
    ['be', 'Лукашэнкам', 'Лукашэнка'],
    ['be', 'Ціханоўскай', 'Ціханоўская'],
    ['kk', 'Тоқаевтың', 'Тоқаев'],
    ['kk', 'Тоқаевқа', 'Тоқаев'],
    ['kk', 'Тоқаевпен', 'Тоқаев'],
    ['sr-Cyrl', 'Вучићем', 'Вучић'],
    ['cs', 'Součka', 'Souček'],
    ['cs', 'Součkovi', 'Souček'],
    ['cs', 'Součkem', 'Souček'],
    ['cs', 'Nováka', 'Novák'],
    ['cs', 'Novákovi', 'Novák'],
    ['cs', 'Novákem', 'Novák'],
    ['cs', 'Havla', 'Havel'],
    ['cs', 'Němcovi', 'Němec'],
    ['cs', 'Fialou', 'Fiala'],
    ['cs', 'Ficom', 'Fico'],
    ['cs', 'Černého', 'Černý'],
    ['cs', 'Novákové', 'Nováková'],
    ['pl', 'Wałęsy', 'Wałęsa'],
    ['pl', 'Wałęsie', 'Wałęsa'],
    ['pl', 'Wałęsę', 'Wałęsa'],
    ['pl', 'Łukaszenki', 'Łukaszenka'],
    ['pl', 'Łukaszence', 'Łukaszenka'],
    ['pl', 'Dudzie', 'Duda'],
    ['pl', 'Tuskiem', 'Tusk'],
    ['pl', 'Kaczyńskiego', 'Kaczyński'],
    ['pl', 'Kaczyńskiej', 'Kaczyńska'],
    ['sh-Latn', 'Vučića', 'Vučić'],
    ['sh-Latn', 'Plenkovićem', 'Plenković'],
    ['sh-Latn', 'Janše', 'Janša'],
  ])('%s: %s may be an inflected form of %s', (language, inflected, base) => {
    expect(basesOf(inflected, [language])).toContain(foldForSearch(base));
  });

  it.each<[string, InflectionLanguage[], string, string]>([
    ['the root must end in a consonant', ['ru'], 'Лукашенкоу', 'Лукашенко'],
    ['a base form needs three letters', ['ru'], 'Ана', 'Ан'],
    ['an ending needs a root of two letters', ['ru'], 'Кого', 'Кий'],
    ['Czech endings are not Russian', ['ru'], 'Путинові', 'Путин'],
    ['Russian endings are not Czech', ['cs'], 'Putinym', 'Putin'],
    ['Cyrillic rules do not touch Latin words', ['ru'], 'Putina', 'Putin'],
    ['Latin rules do not touch Cyrillic words', ['cs'], 'Путина', 'Путин'],
    ['Kazakh endings are not Russian', ['ru'], 'Токаевтың', 'Токаев'],
    ['the English s needs an apostrophe after it', ['en'], 'Obamas', 'Obama'],
  ])('%s (%s: %s is not %s)', (_, languages, inflected, base) => {
    expect(basesOf(inflected, languages)).not.toContain(foldForSearch(base));
  });

  it('reads the English plural possessive, and leaves its s outside the name', () => {
    const [deinflection] = new Deinflector(['en']).deinflect('obamas', Script.Latin, true);
    expect(deinflection).toMatchObject({ base: 'obama', rule: { outsideName: true } });
  });

  it('gives every language entry an ending, and every hint an entry', () => {
    for (const entry of Object.values(INFLECTIONS)) {
      expect(entry.languages.length).toBeGreaterThan(0);
      for (const pattern of entry.patterns) expect(pattern.endings.length).toBeGreaterThan(0);
    }
    for (const hint of LANGUAGE_HINTS)
      for (const language of hint.languages) expect(INFLECTIONS).toHaveProperty(language);
  });
});

describe('isAcronym', () => {
  it.each([
    ['CSTO', true],
    ['US', true],
    ['U.S.', true],
    ['EAEU', true],
    ['ОДКБ', true],
    ['X', true],
    ['G7', true],
    ['UNESCO', false],
    ['Nato', false],
    ['us', false],
    ['普京', false],
    ['2024', false],
    ['', false],
  ])('%j: %s', (text, acronym) => {
    expect(isAcronym(text)).toBe(acronym);
  });
});

describe('inflectionLanguagesOf', () => {
  it.each<[string, string | undefined, Script, InflectionLanguage[]]>([
    ['Tokayev', undefined, Script.Latin, ['en']],
    ['Souček', undefined, Script.Latin, ['cs', 'en', 'sh-Latn']],
    ['Řezníček', undefined, Script.Latin, ['cs', 'en']],
    ['Wałęsa', undefined, Script.Latin, ['en', 'pl']],
    ['Vučić', undefined, Script.Latin, ['en', 'sh-Latn']],
    ['Novák', 'cs', Script.Latin, ['cs', 'en']],
    ['Tusk', 'pl-PL', Script.Latin, ['en', 'pl']],
    ['Vucic', 'sr-Latn', Script.Latin, ['en', 'sh-Latn']],
    ['Merkel', 'de', Script.Latin, ['en']],
    ['Путин', undefined, Script.Cyrillic, ['ru']],
    ['Лукашэнка', undefined, Script.Cyrillic, ['ru']],
    ['Лукашэнка', 'be', Script.Cyrillic, ['be', 'ru']],
    ['Ціханоўская', undefined, Script.Cyrillic, ['be', 'ru']],
    ['Зеленський', 'uk', Script.Cyrillic, ['ru', 'uk']],
    ['Порошенко Петро', undefined, Script.Cyrillic, ['ru']],
    ['Віталій Кличко', undefined, Script.Cyrillic, ['ru', 'uk']],
    ['Тоқаев', undefined, Script.Cyrillic, ['kk', 'ru']],
    ['Вучић', undefined, Script.Cyrillic, ['ru', 'sr-Cyrl']],
    ['Вучић', 'sr', Script.Cyrillic, ['ru', 'sr-Cyrl']],
    ['ОДКБ', 'ru', Script.Cyrillic, []],
    ['CSTO', undefined, Script.Latin, []],
    ['普京', 'zh', Script.Other, []],
  ])('%s (lang %s)', (text, lang, script, languages) => {
    expect([...inflectionLanguagesOf({ text, lang }, script)].sort()).toEqual(languages);
  });
});
