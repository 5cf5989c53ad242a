import { afterEach, describe, expect, it } from 'vitest';
import { formatList, formatPartialDate, getLanguage, matchLanguage, onLanguageChange, resolveLanguage, setLanguage, t } from '../../../lib/i18n';
import { summaryIn } from '../../../lib/i18n/summary';
import { formatSpan, kindLabel, statusLabel } from '../../../lib/format';

afterEach(() => setLanguage('en'));

describe('t() in Russian', () => {
  it.each([
    [1, '1 упоминание'],
    [2, '2 упоминания'],
    [4, '4 упоминания'],
    [5, '5 упоминаний'],
    [11, '11 упоминаний'],
    [12, '12 упоминаний'],
    [21, '21 упоминание'],
    [22, '22 упоминания'],
    [25, '25 упоминаний'],
    [101, '101 упоминание'],
    [111, '111 упоминаний'],
  ])('%i → %s', (count, text) => {
    setLanguage('ru');
    expect(t('count.mentions', { count })).toBe(text);
  });

  it('groups thousands as Russian does', () => {
    setLanguage('ru');
    expect(t('count.mentions', { count: 1021 })).toBe('1\u00a0021 упоминание');
  });

  it('fills placeholders and leaves the names of knowledge as they are', () => {
    setLanguage('ru');
    expect(t('popover.label', { name: 'Alyaksandr Lukashenka' })).toBe('Backstory: Alyaksandr Lukashenka');
    expect(t('card.background')).toBe('Справка');
  });
});

describe('t() in English', () => {
  it.each([
    [0, '0 mentions'],
    [1, '1 mention'],
    [2, '2 mentions'],
    [21, '21 mentions'],
    [1000, '1,000 mentions'],
  ])('%i → %s', (count, text) => {
    expect(t('count.mentions', { count })).toBe(text);
  });
});

describe('kinds, statuses and dates', () => {
  it('in English', () => {
    expect([kindLabel('organization'), statusLabel('suspended'), statusLabel('left')]).toEqual(['Organisation', 'suspended', 'left']);
    expect(formatPartialDate('2024-04-16')).toBe('16 Apr 2024');
    expect(formatSpan('1994-07-20')).toBe('since 20 Jul 1994');
    expect(formatList(['EU', 'NATO', 'CSTO'])).toBe('EU, NATO, and CSTO');
  });

  it('in Russian, through Intl (no hand-written month names)', () => {
    setLanguage('ru');
    expect([kindLabel('person'), statusLabel('member_of'), statusLabel('left')]).toEqual(['Персона', 'член', 'вышел']);
    expect(formatPartialDate('2024-04-16')).toBe('16 апр. 2024 г.');
    expect(formatPartialDate('2024-04')).toBe('апр. 2024 г.');
    expect(formatSpan('1991-12')).toBe('с дек. 1991 г.');
    expect(formatSpan('1993', '2009')).toBe('1993–2009');
    expect(formatSpan('1994')).toBe('с 1994');
    expect(formatList(['ЕС', 'НАТО', 'ОДКБ'])).toBe('ЕС, НАТО и ОДКБ');
  });

  it('an unknown kind or status is shown as it is', () => {
    expect(kindLabel('spaceship')).toBe('spaceship');
    expect(statusLabel('friend_of')).toBe('friend_of');
  });
});

describe('choosing the language', () => {
  it('the setting wins; else the browser language; else English', () => {
    expect(resolveLanguage('ru', 'en-US')).toBe('ru');
    expect(resolveLanguage('en', 'ru-RU')).toBe('en');
    expect(resolveLanguage('auto', 'ru-RU')).toBe('ru');
    expect(resolveLanguage(undefined, 'ru')).toBe('ru');
    expect(resolveLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveLanguage('klingon', undefined)).toBe('en');
    expect(matchLanguage('RU_ru')).toBe('ru');
  });

  it('tells the views that follow it, once per change', () => {
    const heard: string[] = [];
    const stop = onLanguageChange((language) => heard.push(language));
    setLanguage('ru');
    setLanguage('ru');
    setLanguage('en');
    stop();
    setLanguage('ru');
    expect(heard).toEqual(['ru', 'en']);
    expect(getLanguage()).toBe('ru');
  });
});

describe("a pack's summary in several languages", () => {
  it("shows the reader's language when the pack has it, else its first", () => {
    const summary = { en: 'President of Belarus since 1994.', ru: 'Президент Беларуси с 1994 года.' };
    expect(summaryIn(summary, 'ru')).toBe('Президент Беларуси с 1994 года.');
    expect(summaryIn(summary, 'en')).toBe('President of Belarus since 1994.');
    expect(summaryIn({ be: 'Прэзідэнт Беларусі.', en: 'President of Belarus.' }, 'ru')).toBe('Прэзідэнт Беларусі.');
    expect(summaryIn('One text for all.', 'ru')).toBe('One text for all.');
    expect(summaryIn(undefined, 'ru')).toBeUndefined();
    expect(summaryIn({}, 'ru')).toBeUndefined();
  });
});
