import type { RomanisationSystem } from './system';

/** Kazakh: the Latin alphabet of 2021 (Decree No. 637 of 2017 as amended in 2021). */
export const KAZAKH: readonly RomanisationSystem[] = [
  {
    id: 'kk-2021',
    language: 'kk',
    source: 'Kazakh Latin alphabet, 2021 version',
    vowels: 'аәеёиіоөуұүыэюяь',
    table: {
      а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i',
      к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
      ұ: 'ū', ү: 'ü', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '',
      э: 'e', ю: 'iu', я: 'ia',
    },
  },
];
