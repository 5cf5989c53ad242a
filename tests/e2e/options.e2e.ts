import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMarked, drawnTexts, launch, markedTexts, openOptions, packFile, serve, settledMarks, type Server, type Session } from './harness';
import { countStoredRows } from '../../scripts/lib/stored-rows.mjs';

let server: Server;
let session: Session;
let options: Page;

/** Row counts of the extension's knowledge base, read with plain IndexedDB from an extension page. */
function countRows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(countStoredRows);
}

const importStatus = (page: Page) => page.locator('.import-status');

beforeAll(async () => {
  server = await serve();
  session = await launch();
  options = await openOptions(session);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('importing a pack on the options page', () => {
  it.each([
    ['a file that is not JSON', '{ "format": "backstory-pack", ', '$', 'is not JSON'],
    [
      'a statement naming an unknown entity',
      {
        format: 'backstory-pack',
        version: 1,
        id: 'bad-pack',
        entities: [{ id: 'someone', kind: 'person', name: 'Some One', aliases: [] }],
        statements: [{ entity: 'nobody', text: 'Hello.', kind: 'quote', source: { title: 'S' } }],
      },
      '$.statements[0].entity',
      'names an unknown entity "nobody"',
    ],
    [
      'a link that is not http(s)',
      { format: 'backstory-pack', version: 1, id: 'bad-link', entities: [{ id: 'x', kind: 'person', name: 'X', aliases: [], links: ['javascript:alert(1)'] }] },
      '$.entities[0].links[0]',
      'must be a link starting with http:// or https://',
    ],
  ])('refuses %s, showing where, and writes nothing', async (label, pack, path, message) => {
    const before = await countRows(options);
    const name = `${label.replace(/\W+/g, '-')}.json`;
    await options.getByLabel('Import pack').setInputFiles(packFile(name, pack));
    await expect.poll(() => importStatus(options).textContent()).toContain(`${name} was not imported`);
    const status = await importStatus(options).textContent();
    expect(status).toContain('nothing was written');
    expect(status).toContain(`${path} ${message}`);
    expect(await countRows(options)).toEqual(before);
  });

  it('imports a good pack, says how much it brought, and lists it', async () => {
    const before = await countRows(options);
    const pack = {
      format: 'backstory-pack',
      version: 1,
      id: 'e2e-pack',
      title: 'End-to-end pack',
      entities: [
        { id: 'e2e-person', kind: 'person', name: 'Ivo Testerov', aliases: ['Testerov'], country: 'belarus' },
        { id: 'e2e-party', kind: 'party', name: 'Party of Tests', aliases: [] },
      ],
      relations: [{ from: 'e2e-person', type: 'member_of', to: 'e2e-party', since: '2020' }],
      statements: [{ entity: 'e2e-person', text: 'Tests pass.', kind: 'quote', source: { title: 'Test Gazette' } }],
    };
    await options.getByLabel('Import pack').setInputFiles(packFile('good.json', pack));
    await expect.poll(() => importStatus(options).textContent()).toBe('Imported 2 entities, 1 relation, 1 statement.');
    await options.locator('table.packs tr', { hasText: 'End-to-end pack' }).waitFor();
    const after = await countRows(options);
    expect(after.entities - before.entities).toBe(2);
    expect(after.relations - before.relations).toBe(1);
    expect(after.statements - before.statements).toBe(1);
  });
});

describe('the editor', () => {
  it('adds an entity that an open page marks at once, without a reload, and deletes it with undo', async () => {
    const article = await session.context.newPage();
    await article.goto(`${server.origin}/demo/`);
    expect(allMarked(await settledMarks(article, { min: 20 }))).not.toContain('Eastern Ledger');

    await options.bringToFront();
    await options.getByRole('button', { name: 'Add entity' }).click();
    const dialog = options.getByRole('dialog', { name: 'Add entity' });
    await dialog.getByLabel('Name', { exact: true }).fill('Eastern Ledger');
    await dialog.getByLabel('Kind').selectOption('organization');
    await dialog.getByLabel('Aliases').fill('The Eastern Ledger');
    await dialog.getByLabel('Summary').fill('A fictional publication.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Added “Eastern Ledger”.' }).count()).toBe(1);

    // The reader's own entity is marked where the page's scripts cannot read it: drawn by Backstory, never in CSS.highlights.
    const marked = async () => (await drawnTexts(article, 'backstory-organization')).filter((t) => t.includes('Eastern Ledger')).length;
    await expect.poll(marked, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(allMarked(await markedTexts(article)).filter((t) => t.includes('Eastern Ledger'))).toEqual([]);

    await options.getByLabel('Search entities').fill('eastern led');
    await options.getByRole('button', { name: 'Edit Eastern Ledger' }).click();
    await options.getByRole('dialog', { name: 'Edit Eastern Ledger' }).getByRole('button', { name: 'Delete' }).click();
    const undo = options.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await expect.poll(marked, { timeout: 15_000 }).toBe(0);

    await undo.press('Enter');
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Restored “Eastern Ledger”.' }).count()).toBe(1);
    await expect.poll(marked, { timeout: 15_000 }).toBeGreaterThan(0);
    await article.close();
  });

  it('refuses a statement without a source title, saying so beside the field', async () => {
    await options.getByRole('button', { name: 'Add entity' }).click();
    const dialog = options.getByRole('dialog', { name: 'Add entity' });
    await dialog.getByLabel('Name', { exact: true }).fill('Nobody Sourceless');
    await dialog.getByRole('button', { name: 'Add statement' }).click();
    await dialog.getByLabel('What was said').fill('Something unsourced.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const sourceTitle = dialog.getByLabel('Source title');
    await expect.poll(() => sourceTitle.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => sourceTitle.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await dialog.textContent()).toContain('A statement needs its source');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => options.getByRole('dialog').count()).toBe(0);
    await options.getByLabel('Search entities').fill('sourceless');
    await expect.poll(() => options.locator('table.entities').count()).toBe(0);
  });
});

describe('export', () => {
  it('exports all entities as a pack that imports into an empty knowledge base to the same rows', async () => {
    const expected = await countRows(options);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'All entities as a pack' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^my-backstory-everything-\d{4}-\d{2}-\d{2}\.json$/);
    const file = readFileSync((await download.path())!);

    const other = await launch();
    try {
      const page = await openOptions(other);
      await page.getByRole('button', { name: 'Remove Post-Soviet politics' }).click();
      await expect.poll(() => importStatus(page).textContent(), { timeout: 30_000 }).toBe('Removed Post-Soviet politics.');
      expect((await countRows(page)).entities).toBe(0);
      await page.getByLabel('Import pack').setInputFiles({ name: 'everything.json', mimeType: 'application/json', buffer: file });
      await expect.poll(() => importStatus(page).textContent(), { timeout: 30_000 }).toMatch(/^Imported \d+ entities/);
      expect(await importStatus(page).textContent()).toBe(
        `Imported ${expected.entities} entities, ${expected.relations} relations, ${expected.statements} statements.`,
      );
      expect(await countRows(page)).toEqual({ ...expected, packs: 1 });
    } finally {
      await other.close();
    }
  });

  it('offers the statements as CSV', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Statements as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFentity_id,entity_name,kind,text,date,source_title,source_url,source_publisher,origin\r\n')).toBe(true);
    expect(csv).toContain('e2e-person,Ivo Testerov,quote,Tests pass.,,Test Gazette,,,e2e-pack\r\n');
  });
});
