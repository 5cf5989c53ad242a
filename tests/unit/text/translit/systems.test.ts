// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SYSTEMS, systemById } from '../../../../lib/text/translit/systems';
import { transliterate, writtenIn } from '../../../../lib/text/translit/transliterate';

// Each system spells the examples its standard (or its house style) publishes.
const EXAMPLES: Record<string, [cyrillic: string, latin: string][]> = {
  'ru-bgn': [
    ['Хрущёв', 'Khrushchëv'],
    ['Ельцин', 'Yeltsin'],
    ['Токаев', 'Tokayev'],
    ['Зеленский', 'Zelenskiy'],
    ['Навальный', 'Navalnyy'],
    ['Тихановская', 'Tikhanovskaya'],
  ],
  'ru-press-en': [
    ['Зеленский', 'Zelensky'],
    ['Навальный', 'Navalny'],
    ['Дмитрий Медведев', 'Dmitry Medvedev'],
    ['Сергей Лавров', 'Sergei Lavrov'],
    ['Горбачёв', 'Gorbachov'],
  ],
  'ru-iso9': [
    ['Чехов', 'Čehov'],
    ['Жуков', 'Žukov'],
    ['Щукин', 'Ŝukin'],
    ['Юрий', 'Ûrij'],
    ['Ельцин', 'Elcin'],
  ],
  'ru-scientific': [
    ['Хрущёв', 'Chruščëv'],
    ['Тихановская', 'Tichanovskaja'],
  ],
  'ru-icao': [
    ['Юлия', 'Iuliia'],
    ['Дмитрий', 'Dmitrii'],
    ['Андрей', 'Andrei'],
    ['Артём', 'Artem'],
    ['Подъячев', 'Podieiachev'],
  ],
  'ru-press-de': [
    ['Горбачёв', 'Gorbatschow'],
    ['Хрущёв', 'Chruschtschow'],
    ['Ельцин', 'Jelzin'],
    ['Зеленский', 'Selenski'],
    ['Тихановская', 'Tichanowskaja'],
    ['Токаев', 'Tokajew'],
    ['Алексей Навальный', 'Alexej Nawalny'],
  ],
  'ru-press-fr': [
    ['Путин', 'Poutine'],
    ['Хрущёв', 'Khrouchtchev'],
    ['Горбачёв', 'Gorbatchev'],
    ['Лукашенко', 'Loukachenko'],
    ['Шойгу', 'Choïgou'],
    ['Сергей', 'Sergueï'],
    ['Токаев', 'Tokaïev'],
  ],
  'uk-2010': [
    // The resolution's own examples.
    ['Згорани', 'Zghorany'],
    ['Розгон', 'Rozghon'],
    ['Алушта', 'Alushta'],
    ['Юрій', 'Yurii'],
    ['Корюківка', 'Koriukivka'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гайдамака', 'Haidamaka'],
    ['Знам\u2019янка', 'Znamianka'],
    ['Зеленський', 'Zelenskyi'],
    ['Київ', 'Kyiv'],
  ],
  'uk-bgn': [
    ['Зеленський', 'Zelenskyy'],
    ['Янукович', 'Yanukovych'],
    ['Київ', 'Kyyiv'],
  ],
  'uk-press-de': [
    ['Зеленський', 'Selenskyj'],
    ['Володимир', 'Wolodymyr'],
  ],
  'be-2007': [
    // The instruction's (and the UN's 2007 resolution's) examples; х is ch, ш is š.
    ['Лукашэнка', 'Lukašenka'],
    ['Лёзна', 'Liozna'],
    ['Ляхавічы', 'Liachavičy'],
    ['Ашмяны', 'Ašmiany'],
    ['Ельск', 'Jeĺsk'],
  ],
  'be-bgn': [
    ['Лукашэнка', 'Lukashenka'],
    ['Бабарыка', 'Babaryka'],
    ['Магілёў', 'Mahilyow'],
  ],
  'be-passport': [
    ['Лукашэнка', 'Lukashenka'],
    ['Святлана Ціханоўская', 'Sviatlana Tsikhanouskaya'],
    ['Аляксандр', 'Aliaksandr'],
    ['Сяргей', 'Siarhei'],
  ],
  'be-lacinka': [
    ['Лукашэнка', 'Łukašenka'],
    ['Ціханоўская', 'Cichanoŭskaja'],
    ['Беларусь', 'Biełaruś'],
    ['Магілёў', 'Mahiloŭ'],
    ['Вільня', 'Vilnia'],
  ],
  'kk-2021': [
    ['Тоқаев', 'Toqaev'],
    ['Қазақстан', 'Qazaqstan'],
    ['Қасым-Жомарт', 'Qasym-Jomart'],
    ['Өскемен', 'Öskemen'],
    ['Шымкент', 'Şymkent'],
  ],
};

describe('romanisation tables', () => {
  it('has examples for every system', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(SYSTEMS.map((s) => s.id).sort());
  });

  for (const [id, examples] of Object.entries(EXAMPLES)) {
    it.each(examples)(`${id}: %s → %s`, (cyrillic, latin) => {
      expect(transliterate(cyrillic, systemById(id))).toBe(latin);
    });
  }

  it('keeps what is not Cyrillic, and the spaces, hyphens and case of the words', () => {
    expect(transliterate('Касым-Жомарт Токаев (Tokayev)', systemById('ru-bgn'))).toBe('Kasym-Zhomart Tokayev (Tokayev)');
    expect(transliterate('ЛУКАШЕНКО', systemById('ru-bgn'))).toBe('LUKASHENKO');
  });

  it('serves only words written in the system’s alphabet', () => {
    expect(writtenIn('Лукашэнка', systemById('ru-bgn'))).toBe(true);
    expect(writtenIn('Ціханоўская', systemById('ru-bgn'))).toBe(false);
    expect(writtenIn('Бабарико', systemById('be-2007'))).toBe(false);
    expect(writtenIn('Лукашэнка', systemById('uk-2010'))).toBe(false);
    expect(writtenIn('Тоқаев', systemById('ru-bgn'))).toBe(false);
  });
});
