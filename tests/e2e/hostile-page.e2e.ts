import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, launch, savePassage, serve, settledMarks, type Server, type Session } from './harness';

let server: Server;
let session: Session;

beforeAll(async () => {
  server = await serve();
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('a page that takes Backstory’s marks out of the highlight registry', () => {
  it('gets them back within a second, whether it clears the registry, replaces a name or empties a highlight', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    await savePassage(page, 'to take an objective view of where Astana stands');
    await expect.poll(() => highlightTexts(page, 'backstory-saved')).toHaveLength(1);
    // What is painted now (saving scrolled the passage into view, which painted what lies near it).
    const marks = await settledMarks(page, { min: 20 });
    const people = marks['backstory-person'] ?? [];
    expect(people.length).toBeGreaterThan(3);

    // Everything at once, as a hostile script may.
    await page.evaluate(() => CSS.highlights.clear());
    expect(await highlightTexts(page, 'backstory-person')).toEqual([]);
    await expect.poll(() => highlightTexts(page, 'backstory-person'), { timeout: 1000, interval: 100 }).toEqual(people);
    await expect.poll(() => highlightTexts(page, 'backstory-saved'), { timeout: 1000, interval: 100 }).toHaveLength(1);

    // A name given to the page's own, empty highlight; one of Backstory's emptied.
    await page.evaluate(() => {
      CSS.highlights.set('backstory-person', new Highlight());
      CSS.highlights.get('backstory-country')?.clear();
    });
    const countries = marks['backstory-country'] ?? [];
    expect(countries.length).toBeGreaterThan(0);
    await expect.poll(() => highlightTexts(page, 'backstory-person'), { timeout: 1000, interval: 100 }).toEqual(people);
    await expect.poll(() => highlightTexts(page, 'backstory-country'), { timeout: 1000, interval: 100 }).toEqual(countries);
    // Nothing of Backstory's was thrown into the page's console.
    expect(errors).toEqual([]);
    await page.close();
  });
});
