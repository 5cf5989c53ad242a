import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openOptions, packFile, savePassage, serve, settledMarks, type Server, type Session, drawnTexts } from './harness';

let server: Server;
let session: Session;

const QUOTE = 'to take an objective view of where Astana stands';

beforeAll(async () => {
  server = await serve();
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('back up and restore on the options page', () => {
  it('brings a new browser profile back to the saved passages, notes and settings of the old one', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    await savePassage(page, QUOTE, { tags: 'kazakhstan', comment: 'Private: ask the desk' });
    await page.close();

    const options = await openOptions(session);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export everything' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => options.locator('#backup-heading ~ [role="status"]').textContent()).toContain('1 saved passage');
    const file = readFileSync((await download.path())!);

    const fresh = await launch();
    try {
      const restoring = await openOptions(fresh);
      await restoring.getByLabel('Restore from backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file });
      const question = restoring.locator('#restore-question');
      await expect.poll(() => question.textContent()).toContain('1 saved passage');
      // The question has focus, so a keyboard user meets it before the buttons.
      expect(await question.evaluate((element) => element === document.activeElement)).toBe(true);
      await restoring.getByRole('button', { name: 'Replace with the backup' }).click();
      await expect.poll(() => restoring.locator('#backup-heading ~ [role="status"]').textContent()).toContain('Restored');

      // The passage is in the library, with its tag and private comment, and highlighted on its page again.
      const library = await fresh.context.newPage();
      await library.goto(`chrome-extension://${fresh.extensionId}/sidepanel.html?tab`);
      const passage = library.locator('.passage', { hasText: QUOTE });
      await passage.waitFor();
      expect(await passage.textContent()).toContain('Private: ask the desk');
      expect(await passage.locator('.tag').allTextContents()).toEqual(['#kazakhstan']);
      const again = await fresh.context.newPage();
      await again.goto(`${server.origin}/demo/`);
      await settledMarks(again, { min: 20 });
      await expect.poll(() => drawnTexts(again, 'backstory-saved')).toEqual([QUOTE]);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const options = await openOptions(session);
    await options.getByLabel('Restore from backup').setInputFiles(packFile('pack.json', { format: 'backstory-pack', version: 1, id: 'x', entities: [] }));
    await expect.poll(() => options.locator('#backup-heading ~ [role="status"]').textContent()).toContain('This file is not a Backstory backup');
    expect(await options.locator('#backup-heading ~ [role="status"]').textContent()).toContain('Nothing was changed');
    expect(await options.locator('#restore-question').count()).toBe(0);
  });
});
