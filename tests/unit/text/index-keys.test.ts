// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Matcher, indexKey, lookupKeys, mayOccurIn } from '../../../lib/text';
import { SAMPLE_ALIASES } from './sample-aliases';

/** Sentences in the languages and spellings the text core is meant for. */
const PAGES = [
  'President Kassym-Jomart Tokayev’s visit to Minsk, where Lukashenka met him, was cut short.',
  'Президент Касым-Жомарт Токаев встретился с Лукашенко; Токаеву и Путину вручили награды.',
  'Встреча Касым-Жомарта Токаева с Путиным прошла в рамках саммита ОДКБ.',
  'Лукашэнка сустрэўся з Тоқаевтың; Лукашэнкам быў задаволены.',
  'Předseda Souček poděkoval Součkovi; s Novákem a Tokajevovi.',
  'Wałęsa spotkał się z Łukaszenką; o Łukaszence i Wałęsie.',
  'South Sudan and Sudan; Grace Mugabe, Robert Mugabe; Georgia.',
  'The CSTO, the CIS, the EAEU and the U.S. — but not us, nor cisgender people.',
  'Lukashenk\u0430 and Лукашенк\u006f and Luka\u00ADshenka, and the Obamas’ house.',
  '俄罗斯总统普京今天会见了托卡耶夫。プーチン大統領。',
  'Rice said rice prices rose. O’Brien and Vučićem met Зеленського.',
];

describe('indexKey', () => {
  it.each([
    ['Kassym-Jomart Tokayev', 'tokayev'],
    ['Alexander Lukashenka', 'lukashenka'],
    ['South Sudan', 'sudan'],
    ['Tokayev', 'tokayev'],
    ['ЛУКАШЕНКО', 'лукашенко'],
    ['Łukašenka', 'lukasenka'],
    ['Lukashenk\u0430', 'lukashenka'],
    ['O’Brien', 'brien'],
    ['U.S.', 's'],
    ['U.S.S.R.', 'r'],
    ['EE. UU.', 'uu'],
    ['St. Petersburg', 'petersburg'],
    ['CSTO', 'csto'],
    ['普京', '京'],
    ['  “Putin”', 'putin'],
    ['', ''],
    ['—', ''],
  ])('files %j under %j', (text, key) => {
    expect(indexKey({ text })).toBe(key);
  });
});

describe('lookupKeys', () => {
  it('asks for every distinct folded token, once', () => {
    const keys = lookupKeys(['Putin met PUTIN.', 'putin, again']);
    expect(keys.filter((k) => k === 'putin')).toHaveLength(1);
    expect(keys).toEqual(expect.arrayContaining(['putin', 'met', 'again']));
  });

  it.each([
    ['Токаева', 'токаев'],
    ['Součka', 'soucek'],
    ['Łukaszence', 'lukaszenka'],
    ['Тоқаевтың', 'токаев'],
    ['the Obamas’ house', 'obama'],
  ])('asks for the base forms the inflection table allows: %s → %s', (text, base) => {
    expect(lookupKeys([text])).toContain(base);
  });

  it('does not ask for a possessive base without the apostrophe', () => {
    expect(lookupKeys(['the Obamas arrived'])).not.toContain('obama');
  });

  it('asks for nothing when there is no text', () => {
    expect(lookupKeys([])).toEqual([]);
    expect(lookupKeys(['', ' — '])).toEqual([]);
  });

  it.each([
    ['troops left the U.S.', 'U.S.'],
    ['U.S. troops left', 'U.S.'],
    ['the U.S.’s allies', 'U.S.'],
    ['the U.S.S.R. fell.', 'U.S.S.R.'],
    ['a U.N.-brokered truce', 'U.N.'],
    ['en EE.UU.', 'EE. UU.'],
    ['in St. Petersburg.', 'St. Petersburg'],
    ['in St Petersburg', 'St. Petersburg'],
  ])('asks, for %j, for the key %j is filed under and for its every word', (page, alias) => {
    const keys = new Set(lookupKeys([page]));
    expect(keys).toContain(indexKey({ text: alias }));
    expect(mayOccurIn({ text: alias }, keys)).toBe(true);
    expect(new Matcher([{ entityId: 'x', text: alias }]).findAll(page)).toHaveLength(1);
  });

  it.each(PAGES)('asks for the index key of every alias the matcher finds in %j', (page) => {
    const keys = new Set(lookupKeys([page]));
    const aliasesFound = new Matcher(SAMPLE_ALIASES).findAll(page).map((m) => m.alias);
    expect(aliasesFound.length).toBeGreaterThan(0);
    for (const alias of aliasesFound) expect(keys).toContain(indexKey({ text: alias }));
  });

  it.each(PAGES)('lets the background hand over only the aliases filed under those keys: %j', (page) => {
    const keys = new Set(lookupKeys([page]));
    const candidates = SAMPLE_ALIASES.filter((alias) => keys.has(indexKey(alias)) && mayOccurIn(alias, keys));
    expect(candidates.length).toBeLessThan(SAMPLE_ALIASES.length);
    expect(new Matcher(candidates).findAll(page)).toEqual(new Matcher(SAMPLE_ALIASES).findAll(page));
  });
});
