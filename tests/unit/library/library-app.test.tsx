import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryApp } from '../../../components/extension/LibraryApp';
import { deleteAnnotation, saveAnnotation, updateAnnotation } from '../../../lib/store/annotations';
import type { AnnotationRow } from '../../../lib/messages';
import { BackstoryDatabase } from '../../../lib/store/db';
import { importPack } from '../../../lib/store/packs';
import { checkDraft, loadDraft, saveEntity } from '../../../lib/store/editor';
import { changedKeys, LibraryIndexer } from '../../../lib/store/library-sync';
import { smallPack } from '../store/fixture-pack';

// More passages than one batch of the library's reads, so that it reads and indexes in several.
const COUNT = 1_000;
const START = Date.UTC(2025, 0, 1);
const WORDS = 'treaty border pipeline summit grain tariff corridor council'.split(' ');

/** Passage i: saved i minutes after START (so the last is the newest), two words, a tag and a site. */
function passage(i: number): AnnotationRow {
  const quote = `Passage ${i} on the ${WORDS[i % WORDS.length]} and the ${WORDS[(i * 3 + 1) % WORDS.length]}`;
  return {
    id: `p-${String(i).padStart(5, '0')}`,
    url: `https://news.example/${i}`,
    title: `Report ${i}`,
    site: i % 2 ? 'Odd Times' : 'Even Post',
    quote,
    selectors: [{ type: 'TextQuoteSelector', exact: quote }],
    entityId: i % 10 === 0 ? 'lukashenka' : undefined,
    tags: i % 7 === 0 ? ['weekly'] : [],
    createdAt: START + i * 60_000,
    updatedAt: START + i * 60_000,
  };
}

let db: BackstoryDatabase;
let counter = 0;
let container: HTMLElement;

beforeEach(async () => {
  db = new BackstoryDatabase(`library-app-${++counter}`);
  await importPack(db, smallPack());
  await db.annotations.bulkAdd(Array.from({ length: COUNT }, (_, i) => passage(i)));
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  db.close();
});

const quotes = () => [...container.querySelectorAll('.passage blockquote')].map((q) => q.textContent);
const countLine = () => container.querySelector('.count')?.textContent ?? '';
const searchBox = () => container.querySelector<HTMLInputElement>('input.search')!;
const indexed = () => expect.poll(() => !!container.querySelector('.passage') && !container.querySelector('.indexing'), { timeout: 20_000 }).toBe(true);

function type(text: string) {
  searchBox().value = text;
  searchBox().dispatchEvent(new Event('input', { bubbles: true }));
}

function mount() {
  render(<LibraryApp db={db} wide={false} openPassage={() => undefined} onChanged={() => undefined} />, container);
}

describe('the library page with a thousand passages', () => {
  it('lists the newest first, a page at a time, and counts them all', async () => {
    mount();
    await indexed();
    expect(container.querySelector('.library-header')!.textContent).toContain('1,000 saved passages');
    expect(countLine()).toBe('All 1,000 passages');
    const shown = quotes();
    expect(shown.length).toBeLessThan(COUNT);
    expect(shown.slice(0, 3)).toEqual([passage(999).quote, passage(998).quote, passage(997).quote]);
    const more = [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show more'))!;
    expect(more.textContent).toBe(`Show more (${(COUNT - shown.length).toLocaleString('en')} left)`);
    more.click();
    await expect.poll(() => quotes().length).toBe(2 * shown.length);
    expect(quotes().slice(shown.length, shown.length + 1)).toEqual([passage(999 - shown.length).quote]);
  });

  it('searches every passage, forgiving a typo, and filters by a tag and a site the passages have', async () => {
    mount();
    await indexed();
    type('Passage 737');
    await expect.poll(countLine).toBe('1 of 1,000 passages matching “Passage 737”');
    expect(quotes()).toEqual([passage(737).quote]);

    type('pipelne');
    const withPipeline = Array.from({ length: COUNT }, (_, i) => passage(i)).filter((p) => p.quote.includes('pipeline')).length;
    await expect.poll(countLine).toBe(`${withPipeline.toLocaleString('en')} of 1,000 passages matching “pipelne”`);

    type('');
    const tag = container.querySelector<HTMLSelectElement>('select[aria-label="Tag"]')!;
    expect([...tag.options].map((o) => o.value)).toEqual(['', 'weekly']);
    tag.value = 'weekly';
    tag.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.poll(countLine).toBe('143 of 1,000 passages');
    const site = container.querySelector<HTMLSelectElement>('select[aria-label="Site"]')!;
    expect([...site.options].map((o) => o.value)).toEqual(['', 'Even Post', 'Odd Times']);
    site.value = 'Odd Times';
    site.dispatchEvent(new Event('change', { bubbles: true }));
    // Every 7th passage whose number is odd: 7, 21, 35, … up to 987.
    await expect.poll(countLine).toBe('71 of 1,000 passages');
    expect(quotes()[0]).toBe(passage(987).quote);
  });

  it('keeps up with passages saved, edited and deleted after it opened, and with a renamed speaker', async () => {
    mount();
    await indexed();
    await saveAnnotation(db, { ...passage(0), quote: 'A brand new quokka passage', url: 'https://news.example/new' }, START + 10 ** 9, 'fresh');
    await expect.poll(() => quotes()[0]).toBe('A brand new quokka passage');
    expect(container.querySelector('.library-header')!.textContent).toContain('1,001 saved passages');

    type('quokka');
    await expect.poll(countLine).toBe('1 of 1,001 passages matching “quokka”');
    await updateAnnotation(db, 'fresh', { tags: ['marsupials'], comment: 'Worth a follow-up' });
    await expect.poll(() => [...container.querySelectorAll('.passage .tag')].map((t) => t.textContent)).toEqual(['#marsupials']);
    expect(container.querySelector('.passage .comment')!.textContent).toBe('Worth a follow-up');

    // Renamed in the editor, as the reader would.
    const draft = (await loadDraft(db, 'lukashenka'))!;
    const check = await checkDraft(db, { ...draft, name: 'Aliaksandr Lukashenka' }, { isNew: false });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    await saveEntity(db, check.rows, { isNew: false });
    type('Passage 990');
    await expect.poll(() => container.querySelector('.passage .attribution strong')?.textContent).toBe('Aliaksandr Lukashenka');

    await deleteAnnotation(db, 'fresh');
    type('quokka');
    await expect.poll(() => container.querySelector('.empty')?.textContent).toBe('No saved passage matches.');
    expect(container.querySelector('.library-header')!.textContent).toContain('1,000 saved passages');
  });
});

describe('reading the library', () => {
  it('hands over the newest passages before any is indexed, then every passage', async () => {
    const seen: { ready: boolean; newest: string[] | undefined; total: number | undefined }[] = [];
    const indexer: LibraryIndexer = new LibraryIndexer(db, () =>
      seen.push({ ready: indexer.ready, newest: indexer.newest?.map((a) => a.id), total: indexer.total }),
    );
    indexer.start();
    await expect.poll(() => indexer.ready, { timeout: 20_000 }).toBe(true);
    indexer.stop();
    expect(seen[0]!.ready).toBe(false);
    expect(seen[0]!.total).toBe(COUNT);
    expect(seen[0]!.newest!.slice(0, 2)).toEqual([passage(999).id, passage(998).id]);
    expect(seen.at(-1)!.ready).toBe(true);
    expect(indexer.index.size).toBe(COUNT);
    expect(indexer.index.search({ text: 'Passage 5' }).total).toBe(1);
  });

  it('exports the passages a query matches whole, selectors and speaker included', async () => {
    const indexer = new LibraryIndexer(db, () => undefined);
    indexer.start();
    await expect.poll(() => indexer.ready, { timeout: 20_000 }).toBe(true);
    const exported = await indexer.export({ text: 'Passage 990' });
    indexer.stop();
    expect(exported).toEqual([{ ...passage(990), entityName: 'Alexander Lukashenka' }]);
  });

  it('exports the whole library before the index is built, and a search once it is', async () => {
    const indexer = new LibraryIndexer(db, () => undefined);
    indexer.start();
    // Asked at once, before a single passage is indexed.
    expect(indexer.ready).toBe(false);
    const [all, searched] = await Promise.all([indexer.export({}), indexer.export({ text: 'Passage 990' })]);
    expect(indexer.ready).toBe(true);
    indexer.stop();
    expect(all).toHaveLength(COUNT);
    expect(all[0]).toEqual({ ...passage(999), entityName: undefined });
    expect(all[9]).toEqual({ ...passage(990), entityName: 'Alexander Lukashenka' });
    expect(searched).toEqual([{ ...passage(990), entityName: 'Alexander Lukashenka' }]);
  });

  it('takes keys from a change that names them one by one, and not from one that names a range', () => {
    const keys = new Set<string>();
    expect(changedKeys({ from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null }, keys)).toBe(true);
    expect([...keys].sort()).toEqual(['a', 'b']);
    expect(changedKeys({ from: -Infinity, to: [[]], d: 1 } as never, new Set())).toBe(false);
    expect(changedKeys({ d: 0 }, new Set())).toBe(true);
  });
});
