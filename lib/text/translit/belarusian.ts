import type { RomanisationSystem } from './system';

const VOWELS = 'аеёіоуыэюяўь\'';

/** Soft е, ё, ю, я: with i after a consonant, with j at the start of a word and after a vowel. */
const SOFT_WITH_I = { е: 'ie', ё: 'io', ю: 'iu', я: 'ia', '^е': 'je', '<е': 'je', '^ё': 'jo', '<ё': 'jo', '^ю': 'ju', '<ю': 'ju', '^я': 'ja', '<я': 'ja' };

/** Belarusian: the national system (2007, adopted by the UN in 2007), BGN/PCGN 1979, passports, Łacinka. */
export const BELARUSIAN: readonly RomanisationSystem[] = [
  {
    id: 'be-2007',
    language: 'be',
    source: 'Instruction on the transliteration of Belarusian geographical names (2007; UNGEGN 2007)',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', ж: 'ž', з: 'z', і: 'i', й: 'j', к: 'k', л: 'l', м: 'm',
      н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'ŭ', ф: 'f', х: 'ch', ц: 'c', ч: 'č',
      ш: 'š', ы: 'y', ь: '', э: 'e', "'": '', ...SOFT_WITH_I,
      зь: 'ź', ль: 'ĺ', нь: 'ń', сь: 'ś', ць: 'ć',
    },
  },
  {
    id: 'be-bgn',
    language: 'be',
    source: 'BGN/PCGN 1979 romanization of Belarusian',
    vowels: VOWELS + 'й',
    table: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', і: 'i', й: 'y',
      к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'w', ф: 'f',
      х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', "'": '',
      '^е': 'ye', '<е': 'ye',
    },
  },
  {
    id: 'be-passport',
    language: 'be',
    source: 'Belarusian passports (digraphs as in ICAO Doc 9303, ў as u)',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'io', ж: 'zh', з: 'z', і: 'i', й: 'i',
      к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f',
      х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', "'": '',
      '^е': 'ye', '<е': 'ye', '^ё': 'yo', '<ё': 'yo', '^ю': 'yu', '<ю': 'yu', '^я': 'ya', '<я': 'ya',
    },
  },
  {
    id: 'be-lacinka',
    language: 'be',
    source: 'Belarusian Łacinka (classical Latin alphabet: ł before hard vowels, soft l before soft ones)',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', ж: 'ž', з: 'z', і: 'i', й: 'j', к: 'k', л: 'ł', м: 'm',
      н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'ŭ', ф: 'f', х: 'ch', ц: 'c', ч: 'č',
      ш: 'š', ы: 'y', ь: '', э: 'e', "'": '', ...SOFT_WITH_I,
      ль: 'l', лі: 'li', ле: 'le', лё: 'lo', лю: 'lu', ля: 'la',
      зь: 'ź', нь: 'ń', сь: 'ś', ць: 'ć', дзь: 'dź',
    },
  },
];
