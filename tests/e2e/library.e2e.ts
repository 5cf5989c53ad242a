import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, savePassage, serve, settledMarks, type Server, type Session, drawnBoxes, drawnTexts } from './harness';

let server: Server;
let session: Session;
let library: Page;

const NURTLEU = 'to take an objective view of where Astana stands';
const BABAJANYAN = 'hurled eggs, potatoes and tomatoes';

beforeAll(async () => {
  server = await serve();
  session = await launch();
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/`);
  await settledMarks(page, { min: 20 });
  await savePassage(page, NURTLEU, { tags: 'kazakhstan', comment: 'The official answer' });
  await savePassage(page, BABAJANYAN, { tags: 'armenia, protest' });
  await page.close();
  library = await session.context.newPage();
  await library.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const quotes = () => library.locator('.passage blockquote').allTextContents();

describe('the library', () => {
  it('lists every saved passage with its person, tags, comment and source', async () => {
    await expect.poll(quotes).toEqual([BABAJANYAN, NURTLEU]);
    const nurtleu = library.locator('.passage', { hasText: NURTLEU });
    await expect.poll(() => nurtleu.locator('.attribution').textContent()).toContain('Murat Nurtleu');
    expect(await nurtleu.locator('.tag').allTextContents()).toEqual(['#kazakhstan']);
    expect(await nurtleu.locator('.comment').textContent()).toBe('The official answer');
    expect(await nurtleu.locator('.source').textContent()).toContain('The Eastern Ledger');
  });

  it('searches quotes, comments and tags, and filters by tag', async () => {
    await library.getByRole('searchbox', { name: 'Search your library' }).fill('official');
    await expect.poll(quotes).toEqual([NURTLEU]);
    await library.getByRole('searchbox', { name: 'Search your library' }).fill('tomato');
    await expect.poll(quotes).toEqual([BABAJANYAN]);
    await library.getByRole('searchbox', { name: 'Search your library' }).fill('');
    await library.getByRole('combobox', { name: 'Tag' }).selectOption('protest');
    await expect.poll(quotes).toEqual([BABAJANYAN]);
    await library.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await expect.poll(quotes).toHaveLength(2);
  });

  it('edits a passage’s tags and speaker, and deletes one with undo', async () => {
    const item = library.locator('.passage', { hasText: BABAJANYAN });
    await item.getByRole('button', { name: 'Edit' }).click();
    const editing = library.locator('.passage.editing');
    await editing.getByLabel('Tags').fill('armenia, embassy');
    // The speaker box suggests entities as one types, and names the one an id picks.
    await editing.getByLabel('Statement by').fill('alexander-lukashenka');
    await expect.poll(() => editing.locator('.picked').textContent()).toBe('Alexander Lukashenka · Person');
    await editing.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => library.locator('.passage', { hasText: BABAJANYAN }).locator('.tag').allTextContents()).toEqual(['#armenia', '#embassy']);
    await expect.poll(() => library.locator('.passage', { hasText: BABAJANYAN }).locator('.attribution').textContent()).toContain('Alexander Lukashenka');

    await library.locator('.passage', { hasText: BABAJANYAN }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(quotes).toEqual([NURTLEU]);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(quotes).toEqual([BABAJANYAN, NURTLEU]);
  });

  it('exports a W3C Web Annotation collection with both selectors for each passage', async () => {
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export W3C JSON-LD' }).click()]);
    const file = join(tmpdir(), `backstory-export-${Date.now()}.jsonld`);
    await download.saveAs(file);
    const collection = JSON.parse(readFileSync(file, 'utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items as { target: { selector: { type: string }[] } }[];
    expect(items).toHaveLength(2);
    for (const item of items) expect(item.target.selector.map((s) => s.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
  });

  it('imports annotations exported from Hypothesis, without duplicating, and refuses a broken file', async () => {
    const hypothesis = {
      total: 1,
      rows: [
        {
          id: 'hyp-1',
          created: '2024-08-22T10:00:00.000Z',
          updated: '2024-08-22T10:00:00.000Z',
          uri: `${server.origin}/demo/`,
          text: 'Worth following up',
          tags: ['csto'],
          document: { title: ['Minsk rebukes its allies'] },
          target: [
            {
              source: `${server.origin}/demo/`,
              selector: [{ type: 'TextQuoteSelector', exact: 'Five Armenian parties', prefix: '', suffix: ' then went further' }],
            },
          ],
        },
      ],
    };
    const file = join(tmpdir(), `hypothesis-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(hypothesis));
    await library.getByLabel('Import annotations').setInputFiles(file);
    await expect.poll(() => library.getByRole('status').first().textContent()).toMatch(/Imported 1 passage/);
    await expect.poll(quotes).toContain('Five Armenian parties');
    await library.getByLabel('Import annotations').setInputFiles(file);
    await expect.poll(() => library.getByRole('status').first().textContent()).toMatch(/Imported 0 passages; 1 already in your library/);

    const broken = join(tmpdir(), `broken-${Date.now()}.json`);
    writeFileSync(broken, JSON.stringify({ type: 'Annotation', body: 'no target' }));
    await library.getByLabel('Import annotations').setInputFiles(broken);
    await expect.poll(() => library.locator('.error').textContent()).toMatch(/was not imported — nothing was written/);
    await expect.poll(quotes).toHaveLength(3);
  });

  it('opens a passage’s page and scrolls to it', async () => {
    const [page] = await Promise.all([
      session.context.waitForEvent('page'),
      library.locator('.passage', { hasText: BABAJANYAN }).getByRole('button', { name: 'Open' }).click(),
    ]);
    await expect.poll(() => drawnTexts(page, 'backstory-saved'), { timeout: 15_000 }).toContain(BABAJANYAN);
    // The passage's drawn box lies wholly on screen.
    const height = page.viewportSize()!.height;
    await expect
      .poll(async () => (await drawnBoxes(page, 'backstory-saved')).some((box) => box.y >= 0 && box.y + box.height <= height), { timeout: 10_000 })
      .toBe(true);
  });

  it('shows a passage saved on a page while it is open, without being reloaded, and finds it', async () => {
    const quote = 'urged the Armenian Foreign Ministry to break off relations with Belarus';
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    await savePassage(page, quote, { tags: 'csto' });
    await page.close();
    await expect.poll(quotes, { timeout: 10_000 }).toContain(quote);
    await library.getByRole('searchbox', { name: 'Search your library' }).fill('Foreign Ministry');
    await expect.poll(quotes).toEqual([quote]);
    expect(await library.locator('.passage .tag').allTextContents()).toEqual(['#csto']);
  });
});
