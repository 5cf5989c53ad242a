import type { RomanisationSystem } from './system';

/** The Russian letters every Russian table spells, as the plain BGN/PCGN table gives them. */
const BGN_LETTERS = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
} as const;

const VOWELS = 'аеёиоуыэюяъьй';

/**
 * Russian: BGN/PCGN 1947 (the primes of ъ and ь left out, as the press leaves them), ISO 9:1995,
 * scientific transliteration, passports (ICAO Doc 9303, Russian passports since 2013), the English,
 * German (Duden) and French press conventions.
 */
export const RUSSIAN: readonly RomanisationSystem[] = [
  {
    id: 'ru-bgn',
    language: 'ru',
    source: 'BGN/PCGN 1947 romanization of Russian',
    vowels: VOWELS,
    table: { ...BGN_LETTERS, '^е': 'ye', '<е': 'ye', '^ё': 'yë', '<ё': 'yë' },
  },
  {
    id: 'ru-press-en',
    language: 'ru',
    source: 'English-language press (simplified BGN/PCGN: -iy and -yy as -y, final й as i, ё as yo)',
    vowels: VOWELS,
    table: {
      ...BGN_LETTERS,
      ё: 'yo', '^е': 'ye', '<е': 'ye', '^ё': 'yo', '<ё': 'yo', жё: 'zho', чё: 'cho', шё: 'sho', щё: 'shcho',
      'ий$': 'y', 'ый$': 'y', 'й$': 'i', 'ия$': 'ia',
    },
  },
  {
    id: 'ru-iso9',
    language: 'ru',
    source: 'ISO 9:1995 (GOST 7.79-2000 system A)',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'ž', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l',
      м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č',
      ш: 'š', щ: 'ŝ', ъ: '', ы: 'y', ь: '', э: 'è', ю: 'û', я: 'â',
    },
  },
  {
    id: 'ru-scientific',
    language: 'ru',
    source: 'Scientific transliteration (Slavic studies)',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'ž', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l',
      м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'ch', ц: 'c', ч: 'č',
      ш: 'š', щ: 'šč', ъ: '', ы: 'y', ь: '', э: 'ė', ю: 'ju', я: 'ja',
    },
  },
  {
    id: 'ru-icao',
    language: 'ru',
    source: 'ICAO Doc 9303 machine-readable passports (Russian passports since 2013)',
    vowels: VOWELS,
    table: { ...BGN_LETTERS, ё: 'e', й: 'i', ъ: 'ie', ю: 'iu', я: 'ia' },
  },
  {
    id: 'ru-press-de',
    language: 'ru',
    source: 'German press (Duden transcription)',
    vowels: VOWELS,
    table: {
      ...BGN_LETTERS,
      в: 'w', ё: 'jo', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja',
      '^е': 'je', '<е': 'je', жё: 'scho', чё: 'tscho', шё: 'scho', щё: 'schtscho', кс: 'x',
      ье: 'je', ьё: 'jo', ью: 'ju', ья: 'ja', 'ий$': 'i', 'ый$': 'y',
    },
  },
  {
    id: 'ru-press-fr',
    language: 'ru',
    source: 'French press (transcription of the French-language press)',
    vowels: VOWELS,
    table: {
      ...BGN_LETTERS,
      ё: 'io', ж: 'j', й: 'ï', у: 'ou', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia',
      '<е': 'ïe', '<я': 'ïa', '<ю': 'ïou', ге: 'gue', ги: 'gui', гё: 'guio',
      жё: 'jo', чё: 'tche', шё: 'che', щё: 'chtche', 'ий$': 'i', 'ый$': 'y', 'ин$': 'ine',
    },
  },
];
