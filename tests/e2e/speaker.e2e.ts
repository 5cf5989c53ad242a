import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickInUi, launch, saveFormFrame, selectText, serve, settledMarks, type Server, type Session } from './harness';

// Who the save form proposes as the speaker: only a person the passage names, or one its sentence says spoke.

let server: Server;
let session: Session;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Summit</title></head><body><main>
<p>Alexander Lukashenka arrived in Astana on Monday. Officials expect a deal before the end of the week.</p>
<p>“We will not give in to pressure from anyone,” Alexander Lukashenka said on Tuesday.</p>
<p>The Collective Security Treaty Organization said the exercise would go ahead as planned.</p>
</main></body></html>`;

beforeAll(async () => {
  server = await serve({ routes: { '/summit.html': () => ({ body: ARTICLE }) } });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

let opened = 0;

async function formFor(quote: string): Promise<{ page: Page; speaker: string; hint: string }> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/summit.html?tab=${++opened}`);
  await settledMarks(page, { min: 2 });
  await selectText(page, quote);
  await clickInUi(page, 'save-button');
  const form = await saveFormFrame(page);
  await form.locator('select:focus').waitFor({ timeout: 5000 });
  const speaker = await form.locator('select').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  const hint = (await form.locator('#speaker-hint').count()) ? ((await form.locator('#speaker-hint').textContent()) ?? '') : '';
  return { page, speaker, hint };
}

describe('the speaker the save form proposes', () => {
  it('is nobody (Note only) for a passage after a sentence that merely names a person', async () => {
    const { page, speaker, hint } = await formFor('Officials expect a deal before the end of the week');
    expect(speaker).toBe('Note only (nobody’s statement)');
    expect(hint).toBe('');
    await page.close();
  });

  it('is the person the sentence says spoke (“…,” Lukashenka said), labelled as a suggestion', async () => {
    const { page, speaker, hint } = await formFor('We will not give in to pressure from anyone');
    expect(speaker).toBe('Alexander Lukashenka');
    expect(hint).toContain('suggestion');
    await page.close();
  });

  it('is never an organisation, even one that said it', async () => {
    const { page, speaker } = await formFor('the exercise would go ahead as planned');
    expect(speaker).toBe('Note only (nobody’s statement)');
    await page.close();
  });
});
