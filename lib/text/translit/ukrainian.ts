import type { RomanisationSystem } from './system';

const VOWELS = 'аеєиіїоуюяь\'';

/** Ukrainian: the national system (2010), BGN/PCGN 1965 and the German press. */
export const UKRAINIAN: readonly RomanisationSystem[] = [
  {
    id: 'uk-2010',
    language: 'uk',
    source: 'Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 January 2010',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i',
      ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
      ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '',
      '^є': 'ye', '^ї': 'yi', '^й': 'y', '^ю': 'yu', '^я': 'ya', зг: 'zgh',
    },
  },
  {
    id: 'uk-bgn',
    language: 'uk',
    source: 'BGN/PCGN 1965 romanization of Ukrainian',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'y', і: 'i',
      ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
      ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'yu', я: 'ya', "'": '',
    },
  },
  {
    id: 'uk-press-de',
    language: 'uk',
    source: 'German press (Duden transcription of Ukrainian)',
    vowels: VOWELS,
    table: {
      а: 'a', б: 'b', в: 'w', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'je', ж: 'sch', з: 's', и: 'y', і: 'i',
      ї: 'ji', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
      ф: 'f', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ь: '', ю: 'ju', я: 'ja', "'": '',
    },
  },
];
