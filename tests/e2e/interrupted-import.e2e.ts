import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openOptions, packFile, type Session } from './harness';
import { countStoredRows } from '../../scripts/lib/stored-rows.mjs';

let session: Session;

beforeAll(async () => {
  session = await launch();
});

afterAll(async () => {
  await session?.close();
});

const countRows = (page: Page): Promise<Record<string, number>> => page.evaluate(countStoredRows);

/** A pack large enough that its import takes a few seconds here: people with aliases, each in a relation. */
function largePack(entities: number) {
  return {
    format: 'backstory-pack',
    version: 1,
    id: 'large-pack',
    title: 'Large pack',
    entities: Array.from({ length: entities }, (_, i) => ({ id: `person-${i}`, kind: 'person', name: `Person Number${i}`, aliases: [`Number${i}`, `P. Number${i}`] })),
    relations: Array.from({ length: entities - 1 }, (_, i) => ({ from: `person-${i + 1}`, type: 'allied_with', to: `person-${i}` })),
  };
}

describe('an import cut short', () => {
  it('leaves the knowledge base as it was when the page importing it is closed half way', async () => {
    const options = await openOptions(session);
    const before = await countRows(options);
    await options.getByLabel('Import pack').setInputFiles(packFile('large.json', largePack(40_000)));
    // Half way through the writing, as its progress says, the tab (and its import worker) is closed.
    await options.waitForFunction(() => {
      const progress = document.querySelector<HTMLProgressElement>('progress.import-progress, .import-progress progress');
      return !!progress && progress.max > 1 && progress.value > 0 && progress.value < progress.max;
    }, null, { timeout: 60_000, polling: 20 });
    await options.close();

    const after = await openOptions(session);
    expect(await countRows(after)).toEqual(before);
    expect(await after.locator('table.packs').textContent()).not.toContain('Large pack');
    // And the same file imports whole afterwards.
    await after.getByLabel('Import pack').setInputFiles(packFile('large.json', largePack(40_000)));
    await expect.poll(() => after.locator('.import-status').textContent(), { timeout: 120_000 }).toMatch(/^Imported 40,?000 entities/);
    const whole = await countRows(after);
    expect(whole.entities - before.entities).toBe(40_000);
    expect(whole.packs).toBe(before.packs + 1);
  });
});
