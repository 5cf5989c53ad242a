import { render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AllianceGraph } from '../../../components/reader/AllianceGraph';
import { AllianceTable } from '../../../components/reader/AllianceTable';
import { StudySheet } from '../../../components/reader/StudySheet';
import { Timeline } from '../../../components/reader/Timeline';
import type { ArticleEntity } from '../../../lib/study/article';
import { SEED_ARTICLE, seedEntities } from './seed-story';

let entities: ArticleEntity[];
let container: HTMLElement;

beforeAll(async () => {
  entities = await seedEntities();
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('AllianceTable', () => {
  it('is a table with a caption, a column header per structure and a row header per country or person', () => {
    render(<AllianceTable entities={entities} />, container);
    const table = container.querySelector('table')!;
    expect(text(table.querySelector('caption'))).toBe('Alliances of the countries and people in this article');
    const columns = [...table.querySelectorAll('th[scope="col"]')].map(text);
    expect(columns.slice(0, 3)).toEqual(['CSTO', 'EAEU', 'Union State of Russia and Belarus']);
    const titles = [...table.querySelectorAll('th[scope="col"] abbr')].map((abbr) => abbr.getAttribute('title'));
    expect(titles.slice(0, 2)).toEqual(['Collective Security Treaty Organization', 'Eurasian Economic Union']);
    const rows = [...table.querySelectorAll('th[scope="row"]')].map(text);
    expect(rows).toEqual([
      'Armenia (country)', 'Kazakhstan (country)', 'Russia (country)', 'Belarus (country)',
      'Alexander Lukashenka (via Belarus)', 'Nikol Pashinyan (via Armenia)', 'Kassym-Jomart Tokayev (via Kazakhstan)',
    ]);
  });

  it('shows a suspended membership by a symbol and a word, not by colour alone', () => {
    render(<AllianceTable entities={entities} />, container);
    const armenia = [...container.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('th'))?.startsWith('Armenia'))!;
    const csto = armenia.querySelectorAll('td')[0]!;
    expect(text(csto)).toBe('⚠ suspended since Feb 2024');
    expect(csto.querySelector('strong')?.textContent).toBe('suspended since Feb 2024');
    expect(csto.querySelector('[aria-hidden="true"]')?.textContent?.trim()).toBe('⚠');
    expect(text(armenia.querySelectorAll('td')[1])).toBe('member since 2 Jan 2015');
    const belarus = [...container.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('th'))?.startsWith('Belarus'))!;
    expect(text(belarus.querySelectorAll('td')[2])).toBe('member since Jan 2000');
  });

  it('sits in a scrolling region the keyboard can reach, and says so when nothing is allied', () => {
    render(<AllianceTable entities={entities} />, container);
    expect(container.querySelector('[role="region"]')?.getAttribute('tabindex')).toBe('0');
    render(<AllianceTable entities={[]} />, container);
    expect(container.querySelector('table')).toBeNull();
    expect(text(container)).toContain('None of the names in this article belongs to an alliance');
  });
});

describe('AllianceGraph', () => {
  it('draws one focusable node per entity of the article in the graph, each described', () => {
    render(<AllianceGraph entities={entities} onSelect={() => {}} />, container);
    const focusable = [...container.querySelectorAll('svg g[tabindex="0"]')];
    const expected = ['armenia', 'kazakhstan', 'russia', 'belarus', 'alexander-lukashenka', 'nikol-pashinyan', 'kassym-jomart-tokayev', 'csto', 'eaeu', 'union-state'];
    expect(focusable).toHaveLength(expected.length);
    expect(focusable.every((g) => g.getAttribute('role') === 'button')).toBe(true);
    const armenia = focusable.find((g) => g.getAttribute('aria-label')?.startsWith('Armenia:'));
    expect(armenia?.getAttribute('aria-label')).toContain('participation in the Collective Security Treaty Organization suspended since Feb 2024');
    // Structures the article does not name stay in the table, out of the drawing.
    expect(container.querySelectorAll('svg g[aria-label]')).toHaveLength(expected.length);
    expect(container.querySelector('g[aria-label^="Shanghai Cooperation Organisation:"]')).toBeNull();
  });

  it('draws a person’s country that the article does not name, described but no stop for the keyboard', () => {
    render(<AllianceGraph entities={entities.filter((e) => ['alexander-lukashenka', 'csto'].includes(e.id))} onSelect={() => {}} />, container);
    const belarus = container.querySelector('g[aria-label^="Belarus:"]');
    expect(belarus?.getAttribute('role')).toBe('img');
    expect(belarus?.hasAttribute('tabindex')).toBe(false);
  });

  it('calls onSelect with the entity when a node is activated by Enter, Space or a click', () => {
    const onSelect = vi.fn();
    render(<AllianceGraph entities={entities} onSelect={onSelect} />, container);
    const node = (label: string) => container.querySelector(`g[aria-label^="${label}:"]`)!;
    node('Armenia').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    node('Collective Security Treaty Organization').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    node('Alexander Lukashenka').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    node('Kazakhstan').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(onSelect.mock.calls).toEqual([['armenia'], ['csto'], ['alexander-lukashenka']]);
  });

  it('lays out the same way every time, dashing the suspended link and labelling it', () => {
    render(<AllianceGraph entities={entities} onSelect={() => {}} />, container);
    const first = container.innerHTML;
    render(null, container);
    render(<AllianceGraph entities={entities} onSelect={() => {}} />, container);
    expect(container.innerHTML).toBe(first);
    const suspended = container.querySelectorAll('.bs-link.status-suspended');
    expect(suspended).toHaveLength(1);
    expect(text(suspended[0])).toBe('suspended');
    expect(container.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
  });
});

describe('Timeline', () => {
  it('lists the events in order with machine-readable dates, names and sources', () => {
    render(<Timeline entities={entities} />, container);
    const items = [...container.querySelectorAll('ol.bs-timeline > li')];
    expect(items.length).toBeGreaterThan(20);
    const times = items.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect(times).toEqual([...times].sort());
    const suspended = items.find((li) => text(li)?.includes('suspends its participation'))!;
    expect(text(suspended.querySelector('time'))).toBe('Feb 2024');
    expect(text(suspended.querySelector('.bs-event-names'))).toBe('Armenia, Nikol Pashinyan');
    expect(suspended.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\/asbarez\.com\//);
  });
});

describe('StudySheet', () => {
  const notes = [{ id: 'n1', quote: 'Who needs Armenians besides us?', speaker: 'Alexander Lukashenka', comment: 'Compare.', tags: ['csto'], createdAt: 1 }];

  it('has the header, the glossary, the table, the passages, numbered questions and the answers apart', () => {
    render(<StudySheet article={SEED_ARTICLE} entities={entities} notes={notes} onClose={() => {}} />, container);
    const sheet = container.querySelector('.bs-study-sheet')!;
    expect(text(sheet.querySelector('h1'))).toBe(SEED_ARTICLE.title);
    expect(sheet.querySelector('.bs-sheet-source a')?.getAttribute('href')).toBe(SEED_ARTICLE.url);
    expect(text(sheet.querySelector('.bs-sheet-source'))).toContain('published 27 Aug 2024');
    expect([...sheet.querySelectorAll('h2')].map(text)).toEqual(['Glossary', 'Alliances', 'Your saved passages', 'Study questions', 'Answers']);
    expect(sheet.querySelectorAll('.bs-sheet-glossary dt')).toHaveLength(entities.length);
    expect(sheet.querySelector('table caption')).not.toBeNull();
    const passage = sheet.querySelector('.bs-sheet-passage')!;
    expect([...passage.children].map(text)).toEqual(['Who needs Armenians besides us?', '— Alexander Lukashenka', 'Compare.', 'Tags: csto']);
    const questions = sheet.querySelectorAll('.bs-sheet-questions > li');
    expect(sheet.querySelectorAll('.bs-sheet-answers li')).toHaveLength(questions.length);
    expect(text(sheet.querySelector('.bs-sheet-answers li'))).toMatch(/^Armenia \(since Feb 2024\)/);
    expect(container.querySelector('.bs-study-actions')?.closest('.bs-study-sheet')).toBeNull();
  });

  it('prints, goes back, and downloads the Markdown and the flashcards as files', () => {
    const onClose = vi.fn();
    // happy-dom has no window.print.
    const print = vi.fn();
    const ownPrint = window.print;
    window.print = print;
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), `blob:${created.length}`));
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    try {
      render(<StudySheet article={SEED_ARTICLE} entities={entities} notes={notes} onClose={onClose} />, container);
      const button = (label: string) => [...container.querySelectorAll('button')].find((b) => text(b) === label)!;
      button('Print').click();
      button('Export as Markdown').click();
      button('Export flashcards').click();
      button('← Back to the article').click();
      expect(print).toHaveBeenCalledTimes(1);
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(downloads).toEqual([
        'backstory-the-kremlin-through-lukashenka-urges-armenia-and-kazakhstan.md blob:1',
        'backstory-the-kremlin-through-lukashenka-urges-armenia-and-kazakhstan-flashcards.csv blob:2',
      ]);
      expect(created.map((b) => b.type)).toEqual(['text/markdown;charset=utf-8', 'text/csv;charset=utf-8']);
    } finally {
      window.print = ownPrint;
      for (const spy of [createObjectURL, revokeObjectURL, click]) spy.mockRestore();
    }
  });
});
