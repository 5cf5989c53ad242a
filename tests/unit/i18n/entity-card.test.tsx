import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../../components/page/EntityCard';
import { Popover } from '../../../components/page/Popover';
import { setLanguage } from '../../../lib/i18n';
import { withSummaryText } from '../../../lib/i18n/summary';
import type { Dossier } from '../../../lib/messages';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  setLanguage('en');
});

const dossier = (summary: Dossier['entity']['summary']): Dossier =>
  ({
    entity: { id: 'lukashenka', kind: 'person', name: 'Alexander Lukashenka', aliases: [], summary, asOf: '2025-12', origin: 'test' },
    currentRole: { title: 'President of Belarus', since: '1994-07-20' },
    alliances: [{ structure: { id: 'csto', name: 'CSTO' }, status: 'suspended', since: '2024' }],
    members: [],
    statements: [],
  }) as unknown as Dossier;

describe('the entity card in the reader’s language', () => {
  it('in Russian: headings, kind, status and dates in Russian; the summary in Russian when the pack has it', () => {
    setLanguage('ru');
    render(<EntityCard dossier={dossier({ en: 'President of Belarus since 1994.', ru: 'Президент Беларуси с 1994 года.' })} />, container);
    const text = container.textContent!;
    expect(text).toContain('Персона');
    expect(text).toContain('(с 20 июл. 1994 г.)');
    expect(text).toContain('Справка');
    expect(text).toContain('Президент Беларуси с 1994 года.');
    expect(text).not.toContain('President of Belarus since 1994.');
    expect(text).toContain('По состоянию на дек. 2025 г.');
    expect(text).toContain('Союзные структуры');
    expect(text).toContain('членство приостановлено');
    expect(text).toContain('Прежние высказывания');
    expect(text).toContain('Высказываний пока нет.');
  });

  it('in English: the English summary; a summary only in another language is shown rather than none', () => {
    render(<EntityCard dossier={dossier({ en: 'President of Belarus since 1994.', ru: 'Президент Беларуси с 1994 года.' })} />, container);
    expect(container.textContent).toContain('President of Belarus since 1994.');
    expect(container.textContent).toContain('(since 20 Jul 1994)');
    render(<EntityCard dossier={dossier({ ru: 'Президент Беларуси с 1994 года.' })} />, container);
    expect(container.textContent).toContain('Президент Беларуси с 1994 года.');
  });

  it('an open popover re-renders when the language changes', async () => {
    render(<Popover choices={[{ id: 'lukashenka', name: 'Alexander Lukashenka', kind: 'person' }]} getDossier={() => new Promise(() => undefined)} onClose={() => undefined} />, container);
    expect(container.textContent).toContain('Loading…');
    setLanguage('ru');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toContain('Загрузка…');
    expect(container.querySelector('.close')!.getAttribute('aria-label')).toBe('Закрыть');
  });
});

describe('editing one language of a summary', () => {
  it('changes that language and keeps the others; an emptied one is removed', () => {
    const summary = { en: 'President.', ru: 'Президент.' };
    expect(withSummaryText(summary, 'ru', 'Президент Беларуси.')).toEqual({ en: 'President.', ru: 'Президент Беларуси.' });
    expect(withSummaryText(summary, 'ru', '')).toEqual({ en: 'President.' });
    expect(withSummaryText({ ru: 'Президент.' }, 'ru', '')).toBeUndefined();
    expect(withSummaryText(undefined, undefined, 'New.')).toBe('New.');
    expect(withSummaryText('Old.', undefined, '')).toBeUndefined();
  });
});
