import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, settledMarks, type Server, type Session } from './harness';

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

describe('names in spellings the starter pack does not list', () => {
  it('marks them as the people they name, and leaves an English word that one spelling makes alone', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pages/transliterations.html`);
    const marks = await settledMarks(page, { min: 6 });
    expect(marks['backstory-person']).toEqual([
      'Wolodymyr Selenskyj',
      'Loukachenko',
      'Cichanouskaja',
      'Tsikhanouskaya',
      'Toqaev',
      'Babaryko',
    ]);
    expect(Object.values(marks).flat()).not.toContain('poutine');
    await page.close();
  });
});
