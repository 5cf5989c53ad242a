/**
 * How names change their endings, one entry per language (after Yomitan's per-language descriptor
 * table). Written in ordinary spelling; deinflect.ts folds it as it folds any text, so "й" in a
 * pattern meets "и" in folded text, and Polish "Wałęsą" meets "Wałęsa" without any rule.
 *
 * Reasonable coverage of the case endings of personal names (and of the nouns that make up most
 * organisation names), not a grammar: an ending from here may wrongly turn an ordinary word into a
 * base form, which is harmless unless that base form is a known name in the same language.
 */

/**
 * A name whose base form is `root + base` is written, inflected, as `root + stem + ending` for each of
 * `endings` (e.g. Souček = Souč + ek → Souč + k + a).
 */
export interface DeclensionPattern {
  /** How the base form ends ('' for a name ending in its root, like Путин). */
  readonly base: string;
  /** What stands for `base` before the endings, when the root changes (the fleeting e of Souček → Součk-). */
  readonly stem?: string;
  readonly endings: readonly string[];
  /** Letters one of which must end the root. */
  readonly after?: string;
  /** The ending is no part of the name: a match ends before it (the s of "the Obamas’"). */
  readonly outsideName?: true;
  /** Only when an apostrophe follows at once. */
  readonly beforeApostrophe?: true;
}

export interface LanguageInflections {
  /** BCP 47 primary language subtags this entry serves. */
  readonly languages: readonly string[];
  readonly script: 'Latin' | 'Cyrillic';
  /**
   * Applies to every alias written in `script`, whatever its language: names of every origin are
   * declined in Russian-language text, and take the English possessive in English text.
   */
  readonly everyAliasInScript?: true;
  readonly patterns: readonly DeclensionPattern[];
}

const CYRILLIC_CONSONANTS = 'бвгджзклмнпрстфхцчшщґђјљњћџ';
const CYRILLIC_VOWELS = 'аеёиоуыэюяєії';
const LATIN_CONSONANTS = 'bcdfghjklmnpqrstvwxzčćďđłľĺńňŕřśšťźżž';

export const INFLECTIONS = {
  en: {
    languages: ['en'],
    script: 'Latin',
    everyAliasInScript: true,
    // "Tokayev’s" needs no rule: the apostrophe already ends the name's token.
    patterns: [{ base: '', endings: ['s'], outsideName: true, beforeApostrophe: true }],
  },
  ru: {
    languages: ['ru'],
    script: 'Cyrillic',
    everyAliasInScript: true,
    patterns: [
      { base: '', after: CYRILLIC_CONSONANTS, endings: ['а', 'у', 'ом', 'ым', 'е'] }, // Путин, Токаев, Пашинян
      { base: 'ь', after: CYRILLIC_CONSONANTS, endings: ['я', 'ю', 'ем', 'е'] }, // Игорь
      { base: 'й', after: CYRILLIC_VOWELS, endings: ['я', 'ю', 'ем', 'е'] }, // Сергей, Николай
      { base: 'а', endings: ['ы', 'и', 'е', 'у', 'ой', 'ою'] }, // Анна, Петрова, Ельцина
      { base: 'я', endings: ['и', 'е', 'ю', 'ей', 'ею'] }, // Мария
      { base: 'ая', endings: ['ой', 'ую', 'ою'] }, // Ковальская
      { base: 'ий', endings: ['ого', 'ому', 'им', 'ом'] }, // Зеленский
      { base: 'ый', endings: ['ого', 'ому', 'ым', 'ом'] }, // Белый
      { base: 'ой', endings: ['ого', 'ому', 'ым', 'ом'] }, // Толстой
    ],
  },
  uk: {
    languages: ['uk'],
    script: 'Cyrillic',
    patterns: [
      { base: '', after: CYRILLIC_CONSONANTS, endings: ['а', 'у', 'ові', 'ом', 'ем', 'і', 'е'] }, // Пашинян
      { base: 'о', after: 'к', endings: ['а', 'ові', 'у', 'ом'] }, // Шевченко, Лукашенко
      { base: 'ь', after: CYRILLIC_CONSONANTS, endings: ['я', 'ю', 'ем', 'еві'] }, // Василь
      { base: 'й', after: CYRILLIC_VOWELS, endings: ['я', 'ю', 'єм', 'єві'] }, // Андрій
      { base: 'а', endings: ['и', 'і', 'у', 'ою', 'ої', 'ій'] }, // Ірина, Зеленська
      { base: 'я', endings: ['ї', 'і', 'ю', 'ею'] },
      { base: 'ий', endings: ['ого', 'ому', 'им', 'ім'] }, // Зеленський
    ],
  },
  be: {
    languages: ['be'],
    script: 'Cyrillic',
    patterns: [
      { base: '', after: CYRILLIC_CONSONANTS, endings: ['а', 'у', 'ам', 'ым', 'е'] },
      { base: 'а', endings: ['і', 'ы', 'у', 'ай', 'аю', 'е', 'ам'] }, // Лукашэнка → Лукашэнкі, Лукашэнкам
      { base: 'і', after: 'кг', endings: ['ага', 'аму', 'ім'] }, // Ціханоўскі
      { base: 'ая', endings: ['ай', 'ую', 'аю'] }, // Ціханоўская
    ],
  },
  kk: {
    languages: ['kk'],
    script: 'Cyrillic',
    // Kazakh adds case suffixes, chosen by vowel harmony, to the unchanged name: Тоқаевтың, Тоқаевқа.
    patterns: [
      {
        base: '',
        endings: [
          'тың',
          'тің',
          'дың',
          'дің',
          'ның',
          'нің',
          'қа',
          'ке',
          'ға',
          'ге',
          'на',
          'не',
          'ты',
          'ті',
          'ды',
          'ді',
          'ны',
          'ні',
          'та',
          'те',
          'да',
          'де',
          'нда',
          'нде',
          'тан',
          'тен',
          'дан',
          'ден',
          'нан',
          'нен',
          'пен',
          'бен',
          'мен',
        ],
      },
    ],
  },
  'sr-Cyrl': {
    languages: ['sr', 'mk', 'bs', 'cnr'],
    script: 'Cyrillic',
    patterns: [
      { base: '', after: CYRILLIC_CONSONANTS, endings: ['а', 'у', 'ом', 'ем', 'е'] }, // Вучић → Вучића, Вучићем
      { base: 'а', endings: ['е', 'и', 'у', 'ом', 'о'] },
    ],
  },
  cs: {
    languages: ['cs', 'sk'],
    script: 'Latin',
    patterns: [
      { base: '', after: LATIN_CONSONANTS, endings: ['a', 'u', 'ovi', 'em', 'om', 'e', 'i'] }, // Novák, Babiš
      { base: 'ek', stem: 'k', endings: ['a', 'u', 'ovi', 'em', 'om'] }, // Souček → Součka
      { base: 'ec', stem: 'c', endings: ['e', 'i', 'ovi', 'em', 'om'] }, // Němec → Němce
      { base: 'el', stem: 'l', endings: ['a', 'u', 'ovi', 'em', 'om'] }, // Havel → Havla
      { base: 'a', endings: ['y', 'e', 'ě', 'u', 'ou', 'o', 'ovi', 'i'] }, // Fiala → Fialy, Fialou
      { base: 'o', endings: ['a', 'ovi', 'om', 'em', 'u'] }, // Fico → Fica, Ficovi
      { base: 'á', endings: ['é', 'ou'] }, // Nováková → Novákové
      { base: 'ý', endings: ['ého', 'ému', 'ým', 'om'] }, // Černý
      { base: 'í', endings: ['ího', 'ímu', 'ím'] }, // Jiří
    ],
  },
  pl: {
    languages: ['pl'],
    script: 'Latin',
    patterns: [
      { base: '', after: LATIN_CONSONANTS, endings: ['a', 'u', 'owi', 'em', 'iem', 'ie'] }, // Tusk → Tuska, Tuskiem
      { base: 'a', endings: ['y', 'i', 'ie', 'ę', 'ą', 'o'] }, // Wałęsa → Wałęsy, Wałęsie; Łukaszenka → Łukaszenki
      { base: 'ka', stem: 'c', endings: ['e'] }, // Łukaszenka → Łukaszence
      { base: 'ga', stem: 'dz', endings: ['e'] }, // Olga → Oldze
      { base: 'ra', stem: 'rz', endings: ['e'] }, // Dora → Dorze
      { base: 'da', stem: 'dzi', endings: ['e'] }, // Duda → Dudzie
      { base: 'ta', stem: 'ci', endings: ['e'] }, // Marta → Marcie
      { base: 'i', after: 'kg', endings: ['iego', 'iemu', 'im'] }, // Kaczyński
      { base: 'a', after: 'kg', endings: ['iej'] }, // Kaczyńska
    ],
  },
  'sh-Latn': {
    languages: ['hr', 'bs', 'sr', 'sh', 'cnr', 'sl'],
    script: 'Latin',
    patterns: [
      { base: '', after: LATIN_CONSONANTS, endings: ['a', 'u', 'om', 'em', 'e'] }, // Vučić → Vučića, Vučićem
      { base: '', after: 'r', endings: ['ja', 'ju', 'jem'] }, // Slovene Pahor → Pahorja
      { base: 'a', endings: ['e', 'i', 'u', 'om', 'o'] }, // Janša → Janše
    ],
  },
} as const satisfies Record<string, LanguageInflections>;

export type InflectionLanguage = keyof typeof INFLECTIONS;

/**
 * When an alias does not say its language: letters that only some Slavic alphabets use, checked in
 * order, each naming the table entries that then apply (beside those for every alias in its script).
 */
export const LANGUAGE_HINTS: readonly {
  readonly letters: RegExp;
  readonly languages: readonly InflectionLanguage[];
}[] = [
  { letters: /[әғқңөұүһ]/iu, languages: ['kk'] },
  { letters: /[ў]/iu, languages: ['be'] },
  { letters: /[їєґ]/iu, languages: ['uk'] },
  { letters: /[ыэ].*і|і.*[ыэ]/isu, languages: ['be'] },
  { letters: /[і]/iu, languages: ['uk'] },
  { letters: /[ђјљњћџ]/iu, languages: ['sr-Cyrl'] },
  { letters: /[łąęśźżń]/iu, languages: ['pl'] },
  { letters: /[řěůďťňľĺŕ]/iu, languages: ['cs'] },
  { letters: /[ćđ]/iu, languages: ['sh-Latn'] },
  { letters: /[čšž]/iu, languages: ['cs', 'sh-Latn'] },
];
