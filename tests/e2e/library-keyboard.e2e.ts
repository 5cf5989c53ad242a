import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, savePassage, serve, settledMarks, type Server, type Session } from './harness';

// Deleting from the library with the keyboard: focus goes to Undo, each deletion can be undone, and
// a second Enter never deletes another passage.

let server: Server;
let session: Session;
let library: Page;

const QUOTES = ['to take an objective view of where Astana stands', 'hurled eggs, potatoes and tomatoes', 'Five Armenian parties'];

beforeAll(async () => {
  server = await serve();
  session = await launch();
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/`);
  await settledMarks(page, { min: 20 });
  for (const quote of QUOTES) await savePassage(page, quote);
  await page.close();
  library = await session.context.newPage();
  await library.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab`);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const quotes = () => library.locator('.passage blockquote').allTextContents();
const focused = () => library.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('deleting from the library with the keyboard', () => {
  it('moves focus to Undo, and a second Enter deletes no other passage', async () => {
    await expect.poll(quotes).toHaveLength(3);
    const [first, second, third] = await quotes();
    await library.locator('.passage', { hasText: first! }).getByRole('button', { name: 'Delete' }).focus();
    await library.keyboard.press('Enter');
    await expect.poll(quotes).toEqual([second, third]);
    await expect.poll(focused).toBe('Undo');
    await library.keyboard.press('Enter');
    // The second Enter pressed Undo: the passage is back, and no other was deleted.
    await expect.poll(quotes).toEqual([first, second, third]);
  });

  it('lets each of several deletions be undone on its own', async () => {
    const [first, second, third] = await quotes();
    await library.locator('.passage', { hasText: first! }).getByRole('button', { name: 'Delete' }).click();
    await library.locator('.passage', { hasText: third! }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(quotes).toEqual([second]);
    const undos = library.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undos.count()).toBe(2);
    // The older deletion, undone first.
    await library.getByRole('listitem').filter({ hasText: `Deleted “${first}` }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(quotes).toEqual([first, second]);
    await library.getByRole('listitem').filter({ hasText: `Deleted “${third}` }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(quotes).toEqual([first, second, third]);
  });
});
