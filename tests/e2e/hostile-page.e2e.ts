import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, launch, savePassage, serve, settledMarks, type Server, type Session, drawnTexts } from './harness';

let server: Server;
let session: Session;

/**
 * A page hostile to scripts it does not own: it breaks the built-ins a content script might use, records
 * every key, and rewrites its article in a loop.
 */
const HOSTILE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<script>
  Array.prototype.map = function () { throw new Error('page broke Array.prototype.map'); };
  Array.prototype.forEach = function () { throw new Error('page broke forEach'); };
  Node.prototype.appendChild = function () { throw new Error('page broke appendChild'); };
  Element.prototype.getBoundingClientRect = function () { return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 }; };
  window.keys = [];
  for (const type of ['keydown', 'keyup', 'keypress']) window.addEventListener(type, (e) => window.keys.push(e.key), true);
  let round = 0;
  setInterval(() => {
    round++;
    document.body.innerHTML = '<article><p>Round ' + round + ': Alexander Lukashenka met Kassym-Jomart Tokayev in Minsk, and Armenia stayed away from the CSTO summit.</p></article>';
  }, 300);
</script></head><body><article><p>Round 0: Alexander Lukashenka met Kassym-Jomart Tokayev in Minsk.</p></article></body></html>`;

beforeAll(async () => {
  server = await serve({ routes: { '/hostile.html': () => ({ body: HOSTILE }) } });
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
    await expect.poll(() => drawnTexts(page, 'backstory-saved')).toHaveLength(1);
    // What is painted now (saving scrolled the passage into view, which painted what lies near it).
    const marks = await settledMarks(page, { min: 20 });
    const people = marks['backstory-person'] ?? [];
    expect(people.length).toBeGreaterThan(3);

    // Everything at once, as a hostile script may.
    // (The registry is read empty in the same task as the clear: Backstory may put its marks back
    // before a second evaluation gets to run.)
    expect(await page.evaluate(() => (CSS.highlights.clear(), CSS.highlights.size))).toBe(0);
    await expect.poll(() => highlightTexts(page, 'backstory-person'), { timeout: 1000, interval: 100 }).toEqual(people);
    await expect.poll(() => drawnTexts(page, 'backstory-saved'), { timeout: 1000, interval: 100 }).toHaveLength(1);

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

  it('marks a page that breaks built-ins and rewrites its body in a loop, and throws nothing into its console', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/hostile.html`);
    // After several rewrites, the names of the body as it stands are marked, and no mark is left on text that went away.
    await page.waitForTimeout(1500);
    await expect
      .poll(async () => {
        // Read with plain loops: this page broke Array.prototype.map and forEach in its own world.
        const { people, connected } = await page.evaluate(() => {
          const texts: string[] = [];
          let allConnected = true;
          for (const range of CSS.highlights.get('backstory-person') ?? []) {
            texts.push((range as Range).toString());
            if (!(range as Range).startContainer.isConnected) allConnected = false;
          }
          return { people: texts, connected: allConnected };
        });
        return connected && people.includes('Alexander Lukashenka') && people.includes('Kassym-Jomart Tokayev');
      }, { timeout: 5000, interval: 100 })
      .toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
