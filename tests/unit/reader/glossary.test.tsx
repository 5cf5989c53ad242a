import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Glossary, roleLine } from '../../../components/reader/Glossary';
import type { ArticleEntity } from '../../../lib/study/article';
import { entity } from './fixtures';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

// Deliberately out of kind order and of reading order: the glossary must sort both.
const ARTICLE: ArticleEntity[] = [
  entity('eu', 'organization', [3, 9], { summary: 'A union of European states.' }),
  entity('minsk', 'place', [12], { country: 'Belarus' }),
  entity('anna-example', 'person', [5, 6, 7, 20], { role: 'Foreign minister' }),
  entity('lukashenka', 'person', [0, 30], { role: 'President of Belarus' }),
  entity('belarus', 'country', [1, 2, 4, 8, 10], { summary: 'A country in Eastern Europe.' }),
  entity('nato', 'organization', [11], null),
  entity('summit-2024', 'event', [15], {}),
  entity('green-party', 'party', [14, 16], {}),
];

function mount(entities: ArticleEntity[], props: { onJump?: (i: number) => void; onOpen?: (id: string) => void } = {}) {
  const onJump = props.onJump ?? vi.fn();
  act(() => render(<Glossary entities={entities} onJump={onJump} onOpen={props.onOpen} />, container));
}

const headings = () => [...container.querySelectorAll('h2')].map((h) => h.textContent);
const names = (group?: string) =>
  [...container.querySelectorAll(`${group ? `.glossary-group[data-kind="${group}"] ` : ''}.glossary-name`)].map((n) => n.textContent);
const entry = (name: string) => [...container.querySelectorAll('.glossary-entry')].find((li) => li.querySelector('.glossary-name')?.textContent === name)!;
const marks = (name: string) => [...entry(name).querySelectorAll<HTMLButtonElement>('.glossary-mark')];

function press(target: Element, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('the glossary', () => {
  it('groups the names by kind, people first, each heading counting its entries', () => {
    mount(ARTICLE);
    expect(headings()).toEqual(['People (2)', 'Organisations (2)', 'Countries (1)', 'Parties (1)', 'Places (1)', 'Events (1)']);
    for (const section of container.querySelectorAll('section.glossary-group')) {
      const heading = section.querySelector('h2')!;
      expect(section.getAttribute('aria-labelledby')).toBe(heading.id);
      expect(section.querySelectorAll('ul > li.glossary-entry')).toHaveLength(Number(/\((\d+)\)/.exec(heading.textContent!)![1]));
    }
  });

  it('counts each entry’s mentions and draws one mark per mention', () => {
    mount(ARTICLE);
    for (const { name, mentions } of ARTICLE) {
      expect(entry(name).querySelector('.glossary-count')!.textContent).toBe(`${mentions.length} mention${mentions.length === 1 ? '' : 's'}`);
      expect(marks(name)).toHaveLength(mentions.length);
    }
  });

  it('lists by first appearance by default, and by frequency on request', () => {
    mount(ARTICLE);
    const sort = container.querySelector('fieldset.glossary-sort')!;
    expect(sort.querySelector('legend')!.textContent).toBe('Sort names by');
    const [first, frequency] = sort.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(first.checked).toBe(true);
    expect(names('person')).toEqual(['Lukashenka', 'Anna Example']);
    expect(names('organization')).toEqual(['Eu', 'Nato']);

    act(() => frequency.click());
    expect(frequency.checked).toBe(true);
    expect(names('person')).toEqual(['Anna Example', 'Lukashenka']);
    expect(names('organization')).toEqual(['Eu', 'Nato']);
    expect(headings()[0]).toBe('People (2)');

    act(() => first.click());
    expect(names('person')).toEqual(['Lukashenka', 'Anna Example']);
  });

  it('breaks ties in frequency by first appearance', () => {
    mount([entity('late', 'person', [8, 9]), entity('early', 'person', [1, 20]), entity('once', 'person', [0])]);
    act(() => container.querySelectorAll<HTMLInputElement>('.glossary-sort input')[1].click());
    expect(names()).toEqual(['Early', 'Late', 'Once']);
  });

  it('opens an entity’s card from its name', () => {
    const onOpen = vi.fn();
    mount(ARTICLE, { onOpen });
    const name = entry('Belarus').querySelector<HTMLButtonElement>('button.glossary-name')!;
    act(() => name.click());
    expect(onOpen).toHaveBeenCalledWith('belarus');
  });

  it('shows names as text when there is no card to open', () => {
    mount(ARTICLE);
    expect(container.querySelector('button.glossary-name')).toBeNull();
    expect(names()).toHaveLength(ARTICLE.length);
  });

  it('says so when the article names no one it knows', () => {
    mount([]);
    expect(container.textContent).toBe('No known names in this article.');
  });
});

describe('the position bar', () => {
  it('labels each mark with its place among the mentions and in the article', () => {
    mount(ARTICLE);
    const bar = entry('Anna Example').querySelector('.glossary-bar')!;
    expect(bar.getAttribute('role')).toBe('toolbar');
    expect(bar.getAttribute('aria-label')).toBe('Where the article mentions Anna Example');
    expect(marks('Anna Example').map((mark) => mark.getAttribute('aria-label'))).toEqual([
      'Mention 1 of 4: 5% through the article',
      'Mention 2 of 4: 6% through the article',
      'Mention 3 of 4: 7% through the article',
      'Mention 4 of 4: 20% through the article',
    ]);
    expect(marks('Anna Example').map((mark) => mark.style.getPropertyValue('--at'))).toEqual(['0.05', '0.06', '0.07', '0.2']);
  });

  it('jumps to the mention clicked', () => {
    const onJump = vi.fn();
    mount(ARTICLE, { onJump });
    act(() => marks('Belarus')[3].click());
    expect(onJump).toHaveBeenCalledExactlyOnceWith(8);
  });

  it('is one tab stop, with the arrow keys, Home and End moving between its marks', () => {
    const onJump = vi.fn();
    mount(ARTICLE, { onJump });
    const tabStops = () => marks('Belarus').map((mark) => mark.tabIndex);
    expect(tabStops()).toEqual([0, -1, -1, -1, -1]);

    marks('Belarus')[0].focus();
    press(document.activeElement!, 'ArrowRight');
    expect(document.activeElement).toBe(marks('Belarus')[1]);
    expect(tabStops()).toEqual([-1, 0, -1, -1, -1]);

    press(document.activeElement!, 'End');
    expect(document.activeElement).toBe(marks('Belarus')[4]);
    press(document.activeElement!, 'ArrowRight');
    expect(document.activeElement).toBe(marks('Belarus')[4]);
    press(document.activeElement!, 'ArrowLeft');
    press(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(marks('Belarus')[2]);
    expect(tabStops()).toEqual([-1, -1, 0, -1, -1]);
    expect(onJump).not.toHaveBeenCalled();

    // Enter and Space on a focused <button> are its click.
    act(() => (document.activeElement as HTMLButtonElement).click());
    expect(onJump).toHaveBeenCalledExactlyOnceWith(4);

    press(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(marks('Belarus')[0]);
    // The other entries' bars keep their own tab stop.
    expect(marks('Lukashenka').map((mark) => mark.tabIndex)).toEqual([0, -1]);
  });

  it('leaves other keys to the page', () => {
    mount(ARTICLE);
    const mark = marks('Belarus')[0];
    mark.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    act(() => {
      mark.dispatchEvent(tab);
    });
    expect(tab.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(mark);
  });
});

describe('the role line', () => {
  const role = (facts: Parameters<typeof entity>[3]) => roleLine(entity('someone', 'person', [0], facts));

  it('is the current role, else the country, else the summary’s first sentence', () => {
    expect(role({ role: 'Prime minister', country: 'Poland', summary: 'A politician.' })).toBe('Prime minister');
    expect(role({ country: 'Poland', summary: 'A politician.' })).toBe('Poland');
    expect(role({ summary: 'A politician. Born in 1970.' })).toBe('A politician.');
    expect(role({})).toBe('');
    expect(role(null)).toBe('');
  });

  it('does not end the sentence at an initial or an abbreviation', () => {
    expect(role({ summary: 'A U.S. senator since 2012. Born in Ohio.' })).toBe('A U.S. senator since 2012.');
    expect(role({ summary: 'Деятель, соратник В. Путина. Родился в 1952 году.' })).toBe('Деятель, соратник В. Путина.');
  });

  it('is trimmed to about ninety characters, at a word', () => {
    const line = role({ summary: `${'An intergovernmental military alliance of thirty-two member states '.repeat(3)}founded in 1949.` });
    expect(line.length).toBeLessThanOrEqual(90);
    expect(line).toMatch(/^An intergovernmental military alliance of thirty-two member states An intergovernmental\S*…$/);
    expect(line.endsWith(' …')).toBe(false);
  });

  it('shows under the name, and not at all when there is nothing to say', () => {
    mount(ARTICLE);
    expect(entry('Lukashenka').querySelector('.glossary-role')!.textContent).toBe('President of Belarus');
    expect(entry('Minsk').querySelector('.glossary-role')!.textContent).toBe('Belarus');
    expect(entry('Eu').querySelector('.glossary-role')!.textContent).toBe('A union of European states.');
    expect(entry('Nato').querySelector('.glossary-role')).toBeNull();
    expect(entry('Summit 2024').querySelector('.glossary-role')).toBeNull();
  });
});
