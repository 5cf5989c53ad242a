import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HighlightPainter, type Mark } from '../../../lib/page/highlights';
import { passageFinder } from '../../../lib/page/find-passages';
import { SavedPassages, type SavedPassage } from '../../../lib/page/saved-passages';
import { select } from '../anchoring/dom';
import { random } from '../library/synthetic-library';
import { installHighlightRegistry } from './highlight-registry';

let registry: Map<string, Set<Range>>;
beforeAll(() => {
  registry = installHighlightRegistry();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const PASSAGES = 60;
const WORDS = 'council envoy minister garrison tariff corridor pipeline treaty summit harbour grain border ceasefire mandate accord'.split(' ');
/** Words drawn at random for one seed: no two passages, nor the sentences around them, look alike. */
const words = (seed: number, n: number) => {
  const next = random(seed);
  return Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
};
const quoteOf = (i: number) => `Passage ${i} says the ${words(i + 1, 7)}`;
const paragraph = (i: number) => `<p>${quoteOf(i)}, then ${words(1000 + i, 9)}.</p>`;
const article = (extra = '') => `<main>${extra}${Array.from({ length: PASSAGES }, (_, i) => paragraph(i)).join('')}</main>`;

/** The finder, as the content script would load it (entrypoints/page-saved.ts). */
const finder = async () => passageFinder;

/** The passages as a reader would have saved them from the page as it is now. */
async function savedFrom(html: string): Promise<SavedPassage[]> {
  document.body.innerHTML = html;
  const saver = new SavedPassages(document, new HighlightPainter(), { load: async () => [], finder });
  return Promise.all(Array.from({ length: PASSAGES }, async (_, i) => ({ id: `p${i}`, ...(await saver.describe(select(document.body, quoteOf(i)))) })));
}

const painted = () => [...(registry.get('backstory-saved') ?? [])].map((range) => range.toString());

describe('saved passages on a page', () => {
  it('loads the anchoring code only for a page that has saved passages, or for a save', async () => {
    document.body.innerHTML = article();
    const load = vi.fn(finder);
    const none = new SavedPassages(document, new HighlightPainter(), { load: async () => [], finder: load });
    await none.anchorAll('https://news.example/a');
    expect(load).not.toHaveBeenCalled();
    expect(none.status()).toEqual({ anchored: 0, orphaned: [] });

    const described = await none.describe(select(document.body, quoteOf(3)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(described.quote).toBe(quoteOf(3));

    const saved = [{ id: 'p3', ...described }];
    const some = new SavedPassages(document, new HighlightPainter(), { load: async () => saved, finder: load });
    await some.anchorAll('https://news.example/a');
    expect(load).toHaveBeenCalledTimes(2);
    expect(painted()).toEqual([quoteOf(3)]);
  });

  it('finds and paints every passage again on a changed page, and lists the one that is gone', async () => {
    const saved = await savedFrom(article());
    // A paragraph added at the top, one passage reworded by a word, one removed.
    document.body.innerHTML = article('<p>Editor’s note: this article was updated.</p>')
      .replace(quoteOf(10), quoteOf(10).replace(' says ', ' said '))
      .replace(paragraph(20), '');
    const passages = new SavedPassages(document, new HighlightPainter(), { load: async () => saved, finder });
    await passages.anchorAll('https://news.example/a');

    const expected = Array.from({ length: PASSAGES }, (_, i) => (i === 10 ? quoteOf(10).replace(' says ', ' said ') : quoteOf(i))).filter((_, i) => i !== 20);
    expect(painted().sort()).toEqual(expected.sort());
    const status = passages.status();
    expect(status.anchored).toBe(PASSAGES - 1);
    expect(status.orphaned).toEqual([{ id: 'p20', quote: quoteOf(20) }]);
    expect(status.pass!.finished).toBeGreaterThanOrEqual(status.pass!.started);
  });

  it('reads the page again when it changes while passages are being found, and paints them where they now are', async () => {
    const saved = await savedFrom(article());
    document.body.innerHTML = article();
    // Every passage uses up a slice, so the page gets a turn after each — and changes at the first.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    class ChangingPage extends HighlightPainter {
      private changed = false;
      override add(mark: Mark): void {
        super.add(mark);
        if (this.changed) return;
        this.changed = true;
        // Splits the text of every paragraph the pass has not reached, and adds one above them all.
        for (const p of [...document.querySelectorAll('p')].slice(1)) p.innerHTML = p.innerHTML.replace(' says ', ' <b>says</b> ');
        document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<p>Live: updated a minute ago.</p>');
      }
    }
    const passages = new SavedPassages(document, new ChangingPage(), { load: async () => saved, finder });
    await passages.anchorAll('https://news.example/a');
    expect(passages.status().orphaned).toEqual([]);
    expect(painted().sort()).toEqual(Array.from({ length: PASSAGES }, (_, i) => quoteOf(i)).sort());
    for (const range of registry.get('backstory-saved')!) expect(range.startContainer.isConnected).toBe(true);
  });
});
