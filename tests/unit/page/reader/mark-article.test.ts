import { describe, expect, it } from 'vitest';
import type { Candidates } from '../../../../lib/messages';
import { markArticle } from '../../../../lib/page/reader/mark-article';

const KNOWN: Candidates = {
  aliases: [
    { entityId: 'lukashenka', text: 'Alexander Lukashenka' },
    { entityId: 'lukashenka', text: 'Lukashenka' },
    { entityId: 'csto', text: 'CSTO', caseSensitive: true },
    { entityId: 'armenia', text: 'Armenia' },
    { entityId: 'minsk', text: 'Minsk' },
  ],
  entities: {
    lukashenka: { kind: 'person', name: 'Alexander Lukashenka' },
    csto: { kind: 'organization', name: 'Collective Security Treaty Organization' },
    armenia: { kind: 'country', name: 'Armenia' },
    minsk: { kind: 'place', name: 'Minsk' },
  },
};

async function marked(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  const result = await markArticle(root, async () => KNOWN);
  return { root, result };
}

const buttons = (root: Element) => [...root.querySelectorAll('button.bs-mark')].map((b) => [b.textContent, (b as HTMLElement).dataset.entity]);

describe('markArticle', () => {
  it('wraps every name of a paragraph in a button, in reading order, and leaves the text as it was', async () => {
    const text = 'Armenia froze its CSTO role; Lukashenka, in Minsk, scolded Armenia.';
    const { root, result } = await marked(`<p>${text}</p>`);
    expect(buttons(root)).toEqual([
      ['Armenia', 'armenia'], ['CSTO', 'csto'], ['Lukashenka', 'lukashenka'], ['Minsk', 'minsk'], ['Armenia', 'armenia'],
    ]);
    expect(root.textContent).toBe(text);
    expect(result.mentions.map((m) => m.button.dataset.mark)).toEqual(['0', '1', '2', '3', '4']);
    expect(result.mentions.map((m) => m.text)).toEqual(['Armenia', 'CSTO', 'Lukashenka', 'Minsk', 'Armenia']);
  });

  it('marks names that start or end a text node, and names side by side', async () => {
    const { root } = await marked('<p>Minsk</p><p><i>Lead:</i>Armenia Minsk<i>.</i></p>');
    expect(buttons(root)).toEqual([['Minsk', 'minsk'], ['Armenia', 'armenia'], ['Minsk', 'minsk']]);
    expect(root.innerHTML).toContain('<i>Lead:</i><button');
    expect(root.innerHTML).toContain('Minsk</button><i>.</i>');
    expect(root.querySelectorAll('p')[1]!.textContent).toBe('Lead:Armenia Minsk.');
  });

  it('wraps a name that runs across elements whole, keeping its markup inside', async () => {
    const { root } = await marked('<p>President <b>Alexander</b> Lukashenka spoke.</p>');
    const [button] = root.querySelectorAll('button.bs-mark');
    expect(button!.textContent).toBe('Alexander Lukashenka');
    expect(button!.querySelector('b')?.textContent).toBe('Alexander');
    expect(root.textContent).toBe('President Alexander Lukashenka spoke.');
  });

  it('says who each name is and of what kind, and how it was written', async () => {
    const { root } = await marked('<p>Lukashenka met Armenia’s envoy.</p>');
    const labels = [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual(['Lukashenka: Alexander Lukashenka, person', 'Armenia, country']);
    expect([...root.querySelectorAll('button')].every((b) => b.type === 'button' && b.getAttribute('aria-haspopup') === 'dialog')).toBe(true);
  });

  it('takes a name out of its link, and keeps the address in a small link after it', async () => {
    const { root } = await marked('<p>See <a href="https://example.org/a" target="_blank" rel="noopener noreferrer">Armenia today</a>.</p>');
    expect(root.querySelector('a button')).toBeNull();
    const out = root.querySelector('a.bs-link-out')!;
    expect(out.getAttribute('href')).toBe('https://example.org/a');
    expect(out.getAttribute('aria-label')).toBe('Link: Armenia today');
    expect(out.hasAttribute('data-backstory-ui')).toBe(true);
    expect(buttons(root)).toEqual([['Armenia', 'armenia']]);
  });

  it('leaves no empty link behind when a name begins before its link', async () => {
    const { root } = await marked('<p>Alexander <a href="https://example.org/l">Lukashenka</a> spoke.</p>');
    expect(buttons(root)).toEqual([['Alexander Lukashenka', 'lukashenka']]);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('aria-label'), a.getAttribute('href')])).toEqual([['↗', 'Link: Alexander Lukashenka', 'https://example.org/l']]);
    expect(root.textContent).toBe('Alexander Lukashenka↗ spoke.');
  });

  it('wraps thousands of names, each once', async () => {
    const paragraph = '<p>In Minsk, Lukashenka spoke of the CSTO and of Armenia; Minsk listened.</p>';
    const { root, result } = await marked(paragraph.repeat(800));
    expect(result.mentions).toHaveLength(4000);
    expect(root.querySelectorAll('button.bs-mark')).toHaveLength(4000);
    expect(root.querySelectorAll('button button')).toHaveLength(0);
    expect(root.querySelectorAll('p')[799]!.textContent).toBe('In Minsk, Lukashenka spoke of the CSTO and of Armenia; Minsk listened.');
  });
});
