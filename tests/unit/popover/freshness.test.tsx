import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../../components/page/EntityCard';
import { freshnessOf, monthsSince } from '../../../lib/freshness';
import { setLanguage } from '../../../lib/i18n';
import type { Dossier } from '../../../lib/messages';

const TODAY = new Date('2026-12-06T12:00:00Z');
let container: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  setLanguage('en');
  vi.useRealTimers();
});

const card = (asOf: string): Dossier =>
  ({
    entity: { id: 'tokayev', kind: 'person', name: 'Kassym-Jomart Tokayev', aliases: [], summary: 'President of Kazakhstan.', asOf, origin: 'test' },
    currentRole: { title: 'President of Kazakhstan', since: '2019-03-20' },
    alliances: [],
    members: [],
    statements: [],
  }) as unknown as Dossier;

describe('how old a card’s facts are', () => {
  it('counts whole months from the as-of date, and calls more than twelve possibly outdated', () => {
    expect(monthsSince('2025-06', TODAY)).toBe(18);
    expect(monthsSince('2026-12-01', TODAY)).toBe(0);
    expect(freshnessOf('2026-10', TODAY, 'en')).toEqual({ age: '2 months ago', possiblyOutdated: false });
    expect(freshnessOf('2025-12', TODAY, 'en')).toEqual({ age: '12 months ago', possiblyOutdated: false });
    expect(freshnessOf('2025-06', TODAY, 'en')).toEqual({ age: '18 months ago', possiblyOutdated: true });
    expect(freshnessOf('2021', TODAY, 'en').age).toBe('5 years ago');
    expect(freshnessOf('2025-06', TODAY, 'ru').age).toBe('18 месяцев назад');
  });

  it('says on the card when its facts were checked, and shows an old role as of its date, never as current', () => {
    render(<EntityCard dossier={card('2026-10')} />, container);
    expect(container.textContent).toContain('checked 2 months ago');
    expect(container.textContent).not.toContain('possibly outdated');

    render(<EntityCard dossier={card('2025-06')} />, container);
    const text = container.textContent!;
    expect(text).toContain('⚠ possibly outdated: checked 18 months ago');
    expect(text).toMatch(/President of Kazakhstan \(since .*2019\) \(as of Jun 2025\)/);
  });
});
