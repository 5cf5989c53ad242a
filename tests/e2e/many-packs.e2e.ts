import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backstoryUiHtml, launch, openOptions, packFile, pointOfMark, serve, settledMarks, textOf, type Server, type Session } from './harness';

let server: Server;
let session: Session;
let options: Page;

beforeAll(async () => {
  server = await serve();
  session = await launch();
  options = await openOptions(session);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A second author's pack that holds Kazakhstan too, as the starter pack does. */
const overlapping = {
  format: 'backstory-pack',
  formatVersion: 2,
  version: 1,
  id: 'central-asia',
  title: 'Central Asia watch',
  entities: [
    { id: 'kazakhstan', kind: 'country', name: 'Kazakhstan', aliases: ['Kazakhstan'], asOf: '2026-11', sources: [{ title: 'Central Asia yearbook 2026' }] },
    { id: 'steppe-institute', kind: 'organization', name: 'Steppe Institute', aliases: ['Steppe Institute'], country: 'kazakhstan' },
  ],
  statements: [
    { entity: 'kazakhstan', text: 'Kazakhstan holds its first Kurultai election.', kind: 'paraphrase', date: '2026-10', source: { title: 'Central Asia yearbook 2026' } },
  ],
};

describe('a second pack that overlaps the starter pack', () => {
  it('imports every entity, says what merged, and the popover shows both packs’ facts', async () => {
    await options.getByLabel('Import pack').setInputFiles(packFile('central-asia.json', overlapping));
    await expect
      .poll(() => options.locator('.import-status').textContent(), { timeout: 15_000 })
      .toBe('Imported 2 entities, 0 relations, 1 statement. 1 merged with Kazakhstan from Post-Soviet politics.');

    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    const { x, y } = await pointOfMark(page, 'Kazakhstan');
    await page.mouse.move(x, y);
    await expect.poll(() => backstoryUiHtml(page), { timeout: 5000 }).toContain('Past statements');
    const text = textOf((await backstoryUiHtml(page))!);
    expect(text).toContain('From Central Asia watch, Post-Soviet politics');
    expect(text).toContain('Central Asia yearbook 2026');
    expect(text).toContain('Kazakhstan holds its first Kurultai election.');
    // The starter pack's facts are still there: its memberships.
    expect(text).toMatch(/Allied structures .*Collective Security Treaty Organization/);
    await page.close();
  });
});
