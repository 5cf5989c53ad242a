// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Matcher, type AliasSpec } from '../../../lib/text';
import { marks as marksOf } from './marks';
import { SAMPLE_ALIASES } from './sample-aliases';

const matcher = new Matcher(SAMPLE_ALIASES);
const marks = (text: string, using: Matcher = matcher) => marksOf(text, using);

describe('Matcher finds a name however it is spelt', () => {
  it.each([
    ['Lukashenka met the envoy', ['Lukashenka=lukashenka']],
    ['Lukashenko met the envoy', ['Lukashenko=lukashenka']],
    ['Łukašenka', ['Łukašenka=lukashenka']],
    ['Лукашенко заявил', ['Лукашенко=lukashenka']],
    ['Лукашэнка сказаў', ['Лукашэнка=lukashenka']],
    ['Lukashenka’s regime', ['Lukashenka=lukashenka']],
    ["Lukashenka's regime", ['Lukashenka=lukashenka']],
    ['LUKASHENKO', ['LUKASHENKO=lukashenka']],
    ['lukashenko', ['lukashenko=lukashenka']],
    ['Lukašenka', ['Lukašenka=lukashenka']],
    ['Lukasenka', ['Lukasenka=lukashenka']],
    ['Tokayev', ['Tokayev=tokayev']],
    ['Tokaev', ['Tokaev=tokayev']],
    ['Tokajev', ['Tokajev=tokayev']],
    ['Токаев', ['Токаев=tokayev']],
    ['Tokayev’s visit', ['Tokayev=tokayev']],
    ['ＴＯＫＡＹＥＶ', ['ＴＯＫＡＹＥＶ=tokayev']],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it.each(['Tokaïev', 'Токаєв', 'Lukaschenko'])(
    'but does not guess a transliteration the pack does not give: %s',
    (text) => {
      expect(marks(text)).toEqual([]);
    },
  );
});

describe('Matcher ignores invisible characters inside a name, and treats every space alike', () => {
  it.each([
    ['Luka\u00ADshenka', ['Luka\u00ADshenka=lukashenka']],
    ['Luka\u200Dshenka', ['Luka\u200Dshenka=lukashenka']],
    ['Lu\u200Bkashenko\uFEFF', ['Lu\u200Bkashenko=lukashenka']],
    ['Лука\u2060шенко', ['Лука\u2060шенко=lukashenka']],
    ['Alexander\u00A0Lukashenko', ['Alexander\u00A0Lukashenko=lukashenka']],
    ['Alexander\u202FLukashenko', ['Alexander\u202FLukashenko=lukashenka']],
    ['Alexander \u00AD Lukashenko', ['Alexander \u00AD Lukashenko=lukashenka']],
    ['Luka shenka', []],
    ['Luka-shenka', []],
  ])('%j', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('Matcher takes look-alike letters slipped into a word for the script of the rest of the word', () => {
  it.each([
    ['Lukashenkа (final Cyrillic а)', 'Lukashenk\u0430', ['Lukashenk\u0430=lukashenka']],
    ['Лукашенкo (final Latin o)', '\u041b\u0443\u043a\u0430\u0448\u0435\u043d\u043a\u006f', ['Лукашенкo=lukashenka']],
    ['Рutin (Cyrillic Р)', '\u0420utin', ['\u0420utin=putin']],
    ['Ρutin (Greek Ρ)', '\u03a1utin', ['\u03a1utin=putin']],
    ['Tokaуev (Cyrillic у)', 'Toka\u0443ev', ['Toka\u0443ev=tokayev']],
    ['Рapa (Cyrillic Р, then Latin)', '\u0420apa', ['\u0420apa=papa']],
    ['сор (the Russian word, all Cyrillic) is not "cop"', '\u0441\u043e\u0440', []],
    ['Рара (all Cyrillic) is not "Papa"', '\u0420\u0430\u0440\u0430', []],
    ['ОВАМА (all Cyrillic) is not "Obama"', '\u041e\u0412\u0410\u041c\u0410', []],
    ['cop (Latin) is "cop"', 'cop', ['cop=cop']],
  ])('%s', (_, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('Matcher declines names by the endings of the alias’s language', () => {
  it.each([
    ['Токаева', ['Токаева=tokayev']],
    ['Токаеву', ['Токаеву=tokayev']],
    ['Токаевым', ['Токаевым=tokayev']],
    ['Токаеве', ['Токаеве=tokayev']],
    ['Тоқаевтың', ['Тоқаевтың=tokayev']],
    ['Касым-Жомарта Токаева', ['Касым-Жомарта Токаева=tokayev']],
    ['Касыму-Жомарту Токаеву', ['Касыму-Жомарту Токаеву=tokayev']],
    ['Путина', ['Путина=putin']],
    ['Путину', ['Путину=putin']],
    ['Путиным', ['Путиным=putin']],
    ['Путине', ['Путине=putin']],
    ['Пашиняна', ['Пашиняна=pashinyan']],
    ['Петровой', ['Петровой=petrova']],
    ['Петрову', ['Петрову=petrova']],
    ['Петровою', ['Петровою=petrova']],
    ['Ковальской', ['Ковальской=kovalskaya']],
    ['Ковальскую', ['Ковальскую=kovalskaya']],
    ['Зеленского', ['Зеленского=zelensky']],
    ['Зеленського', ['Зеленського=zelensky']],
    ['Лукашэнкі', ['Лукашэнкі=lukashenka']],
    ['Лукашэнкам', ['Лукашэнкам=lukashenka']],
    ['Součka', ['Součka=soucek']],
    ['Součkovi', ['Součkovi=soucek']],
    ['Součkem', ['Součkem=soucek']],
    ['Nováka', ['Nováka=novak']],
    ['Novákovi', ['Novákovi=novak']],
    ['Novákem', ['Novákem=novak']],
    ['Tokajevovi', ['Tokajevovi=tokayev']],
    ['Wałęsy', ['Wałęsy=walesa']],
    ['Wałęsie', ['Wałęsie=walesa']],
    ['Wałęsą', ['Wałęsą=walesa']],
    ['Łukaszenki', ['Łukaszenki=lukashenka']],
    ['Łukaszenką', ['Łukaszenką=lukashenka']],
    ['Łukaszence', ['Łukaszence=lukashenka']],
    ['Vučića', ['Vučića=vucic']],
    ['Vučićem', ['Vučićem=vucic']],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it.each([
    ['no Slavic endings on an alias without a Slavic language: Putina', 'Putina'],
    ['no Slavic endings on an alias without a Slavic language: Tokayevem', 'Tokayevem'],
    ['no Czech endings on Russian text: Путиновi', 'Путинові'],
    ['an ending not in the table: Путинх', 'Путинх'],
    ['a derived word is not an ending: Путинизм', 'Путинизм'],
    ['a derived word is not an ending: Путинка', 'Путинка'],
    ['a derived word is not an ending: Токаевский', 'Токаевский'],
    ['a plural without an apostrophe: Lukashenkas', 'Lukashenkas'],
    ['acronyms never inflect: ОДКБа', 'ОДКБа'],
    ['acronyms never inflect: CSTOs’', 'CSTOs’'],
    ['a feminine form is not the masculine name: Novákové', 'Novákové'],
  ])('%s', (_, text) => {
    expect(marks(text)).toEqual([]);
  });

  it('does not make a name of fewer than three letters out of an ending', () => {
    const short = new Matcher([
      { entityId: 'an', text: 'Ан', lang: 'ru' },
      { entityId: 'kim', text: 'Ким', lang: 'ru' },
    ]);
    expect(marks('Ана', short)).toEqual([]);
    expect(marks('Кима', short)).toEqual(['Кима=kim']);
  });

  it('does not let an ending that is no part of a name stand inside one', () => {
    const joined = new Matcher([{ entityId: 'x', text: 'Obama’Biden' }]);
    expect(marks('Obama’Biden', joined)).toEqual(['Obama’Biden=x']);
    expect(marks('Obamas’Biden', joined)).toEqual([]);
  });

  it('ends a match before the s of a plural possessive, and after the name before ’s', () => {
    expect(marks('the Obamas’ house')).toEqual(['Obama=obama']);
    expect(marks("the Obamas' house")).toEqual(['Obama=obama']);
    expect(marks('Obama’s house')).toEqual(['Obama=obama']);
    expect(marks('the Obamas arrived')).toEqual([]);
  });
});

describe('Matcher keeps short all-capital aliases to their case', () => {
  it.each([
    ['the CSTO summit', ['CSTO=csto']],
    ['the csto summit', []],
    ['the Csto summit', []],
    ['US troops', ['US=usa']],
    ['he told us', []],
    ['U.S. troops', ['U.S.=usa']],
    ['u.s. troops', []],
    ['the CIS countries', ['CIS=cis']],
    ['cisgender', []],
    ['CISgender', []],
    ['the cis', []],
    ['the UN said', ['UN=un']],
    ['un-American', []],
    ['NATO’s eastern flank', ['NATO=nato']],
    ['Nato', []],
    ['EAEU and EEU', ['EAEU=eaeu', 'EEU=eaeu']],
    ['OSCE', ['OSCE=osce']],
    ['ОДКБ', ['ОДКБ=csto']],
    ['одкб', []],
    ['Rice said', ['Rice=condoleezza-rice']],
    ['Rice’s memoir', ['Rice=condoleezza-rice']],
    ['rice prices', []],
    ['RICE', []],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('matches them in any case when the pack says caseSensitive: false', () => {
    const loose = new Matcher([
      { entityId: 'cis', text: 'CIS', caseSensitive: false },
      { entityId: 'nato', text: 'NATO', caseSensitive: false },
    ]);
    expect(marks('Nato and the cis', loose)).toEqual(['Nato=nato', 'cis=cis']);
    expect(marks('cisgender', loose)).toEqual([]);
  });

  it('keeps the root of an inflected name to its case when the pack says caseSensitive: true', () => {
    const strict = new Matcher([{ entityId: 'soucek', text: 'Souček', caseSensitive: true }]);
    expect(marks('Součka', strict)).toEqual(['Součka=soucek']);
    expect(marks('součka', strict)).toEqual([]);
  });
});

describe('Matcher finds whole words only, in every script', () => {
  it.each([
    ['Sudanese officials', []],
    ['Sudan-based', ['Sudan=sudan']],
    ['Putinism', []],
    ['anti-Putin protests', ['Putin=putin']],
    ['Putin2024', []],
    ['Путинизм', []],
    ['普京说', ['普京=putin']],
    ['俄罗斯总统普京今天', ['普京=putin']],
    ['プーチン大統領', ['プーチン=putin']],
    ['Mugabeism', []],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('Matcher joins the words of a name across spaces and hyphens only', () => {
  it.each([
    ['Kassym-Jomart Tokayev', ['Kassym-Jomart Tokayev=tokayev']],
    ['Kassym Jomart Tokayev', ['Kassym Jomart Tokayev=tokayev']],
    ['Kassym-Jomart\nTokayev', ['Kassym-Jomart\nTokayev=tokayev']],
    ['Kassym\u2011Jomart  Tokayev', ['Kassym\u2011Jomart  Tokayev=tokayev']],
    ['Kassym\u2013Jomart\u00A0Tokayev', ['Kassym\u2013Jomart\u00A0Tokayev=tokayev']],
    ['Kassym, Jomart Tokayev', ['Tokayev=tokayev']],
    ['Kassym-Jomart. Tokayev', ['Tokayev=tokayev']],
    ['Kassym/Jomart Tokayev', ['Tokayev=tokayev']],
    ['Kassym—Jomart Tokayev', ['Tokayev=tokayev']],
    ['South. Sudan', ['Sudan=sudan']],
    ['O’Brien', ['O’Brien=obrien']],
    ["O'Brien", ["O'Brien=obrien"]],
    ['Oʼbrien', ['Oʼbrien=obrien']],
    ['O Brien', []],
    ['O.Brien', []],
  ])('%j', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('Matcher takes the longest match, leftmost first, without overlaps', () => {
  it.each([
    ['Kassym-Jomart Tokayev spoke', ['Kassym-Jomart Tokayev=tokayev']],
    ['South Sudan and Sudan', ['South Sudan=south-sudan', 'Sudan=sudan']],
    ['Grace Mugabe and Robert Mugabe', ['Grace Mugabe=grace-mugabe', 'Mugabe=robert-mugabe']],
    ['Alexander Lukashenko', ['Alexander Lukashenko=lukashenka']],
    ['Alexander, Lukashenko', ['Lukashenko=lukashenka']],
    ['South South Sudan', ['South Sudan=south-sudan']],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('prefers a name as written to the same text read as an inflected form', () => {
    const both = new Matcher([
      { entityId: 'ivanov', text: 'Иванов', lang: 'ru' },
      { entityId: 'ivanova', text: 'Иванова', lang: 'ru' },
    ]);
    expect(marks('Иванова', both)).toEqual(['Иванова=ivanova']);
    expect(marks('Иванову', both)).toEqual(['Иванову=ivanov+ivanova']);
  });
});

describe('Matcher reports every entity an alias names in one match', () => {
  it('orders them by weight, then by id', () => {
    expect(matcher.findAll('Georgia on my mind')).toEqual([
      { start: 0, end: 7, entityIds: ['georgia', 'georgia-us'], alias: 'Georgia' },
    ]);
    const unweighted = new Matcher([
      { entityId: 'z-state', text: 'Georgia' },
      { entityId: 'a-country', text: 'Georgia' },
      { entityId: 'm-other', text: 'GEORGIA', weight: -1 },
    ]);
    expect(unweighted.findAll('Georgia')).toEqual([
      { start: 0, end: 7, entityIds: ['a-country', 'z-state', 'm-other'], alias: 'Georgia' },
    ]);
  });

  it('names the alias text of the likeliest entity', () => {
    const spellings = new Matcher([
      { entityId: 'b', text: 'Tokayev' },
      { entityId: 'a', text: 'TOKAYEV', weight: 1 },
    ]);
    expect(spellings.findAll('tokayev')).toEqual([{ start: 0, end: 7, entityIds: ['a', 'b'], alias: 'TOKAYEV' }]);
  });
});

describe('Matcher gives offsets into the original string', () => {
  it.each<[string, string, number, number]>([
    ['after astral characters', '😀😀 Putin', 5, 10],
    ['around a soft hyphen', 'x Pu\u00ADtin y', 2, 8],
    ['before a trailing soft hyphen', 'Putin\u00AD y', 0, 5],
    ['of a decomposed accent', 'Souc\u030Cka', 0, 7],
    ['of a possessive', 'the Obamas’ house', 4, 9],
  ])('%s', (_, text, start, end) => {
    const [match] = matcher.findAll(text);
    expect(match).toMatchObject({ start, end });
  });
});

describe('Matcher copes with nothing to find', () => {
  it('returns nothing for empty text', () => {
    expect(matcher.findAll('')).toEqual([]);
  });

  it('ignores aliases that fold to nothing', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'a', text: '' },
      { entityId: 'b', text: '   ' },
      { entityId: 'c', text: '—' },
      { entityId: 'd', text: '\u0301\u00AD' },
    ];
    const empty = new Matcher(aliases);
    expect(empty.findAll('anything — at all')).toEqual([]);
    expect(new Matcher([]).findAll('Putin')).toEqual([]);
  });
});
