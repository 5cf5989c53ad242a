import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backstoryUiHtml, launch, pointOfMark, serve, settledMarks, tabIdOf, textOf, type Server, type Session } from './harness';

// A browser whose language is Russian (LANGUAGE=ru, --lang=ru): Backstory speaks Russian in every
// surface, with Russian plural forms, and the reader can switch it in the options page.

/** The Russian form for `n` of упоминание, by the grammar's rule (independent of Intl). */
function mentionsRu(n: number): string {
  const [ten, hundred] = [n % 10, n % 100];
  const word = ten === 1 && hundred !== 11 ? 'упоминание' : ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? 'упоминания' : 'упоминаний';
  return `${n} ${word}`;
}

let server: Server;
let session: Session;

beforeAll(async () => {
  server = await serve();
  session = await launch({ lang: 'ru' });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function demoAndPopup(): Promise<{ page: Page; popup: Page }> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/demo/`);
  await settledMarks(page, { min: 20 });
  const tabId = await tabIdOf(session.context, page.url());
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await expect.poll(() => popup.locator('.entity').count(), { timeout: 10_000 }).toBeGreaterThan(10);
  return { page, popup };
}

describe('Backstory in a Russian browser', () => {
  it('the popup speaks Russian, with the right plural form on every mention count', async () => {
    const { page, popup } = await demoAndPopup();
    await expect(popup.getByRole('button', { name: 'Читать в Backstory' }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('switch', { name: 'На этом сайте' }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('switch', { name: 'Везде' }).isVisible()).resolves.toBe(true);
    // What a screen reader says of each count: the words beside the number (no aria-label on a plain span).
    const counts = await popup.locator('.entity .count').evaluateAll((spans) => spans.map((s) => [Number(s.textContent), s.nextElementSibling?.textContent ?? null] as const));
    for (const [n, label] of counts) expect(label).toBe(mentionsRu(n));
    // The page names some once and some five times or more: both forms are seen, not one alone.
    expect(new Set(counts.map(([, label]) => label!.split(' ')[1])).size).toBeGreaterThan(1);
    const heading = (await popup.locator('section h2').first().textContent())!;
    const total = counts.reduce((sum, [n]) => sum + n, 0);
    expect(heading).toContain(`на этой странице · ${mentionsRu(total)}`);
    expect(heading).toMatch(/^\d+ (имя|имени|имён) на этой странице/);
    expect(await popup.title()).toBe('Backstory');
    await expect(popup.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await popup.close();
    await page.close();
  });

  it('the popover over a page speaks Russian, and the knowledge stays in its language', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await settledMarks(page, { min: 20 });
    const { x, y } = await pointOfMark(page, 'Lukashenka');
    await page.mouse.move(x, y);
    await expect.poll(() => backstoryUiHtml(page), { timeout: 5000 }).toContain('Прежние высказывания');
    const text = textOf((await backstoryUiHtml(page))!);
    expect(text).toMatch(/Справка .*По состоянию на/);
    expect(text).toContain('Союзные структуры');
    expect(text).toContain('Персона');
    expect(text).toContain('Backstory · из вашей локальной базы знаний');
    expect(text).toMatch(/President of Belarus/);
    expect(text).not.toContain('Past statements');
    await page.close();
  });

  it('the options page and the library speak Russian', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.getByRole('heading', { name: 'Пакеты знаний' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(options.getByRole('heading', { name: 'Записи' }).isVisible()).resolves.toBe(true);
    await expect(options.getByRole('heading', { name: 'Резервная копия' }).isVisible()).resolves.toBe(true);
    await expect(options.getByRole('button', { name: 'Добавить запись' }).isVisible()).resolves.toBe(true);
    await expect.poll(() => options.locator('table.entities .kind').first().textContent()).toMatch(/^(Персона|Организация|Страна|Место|Партия|Событие)$/);
    await expect(options.getByLabel('Язык').inputValue()).resolves.toBe('auto');
    expect(await options.title()).toBe('Backstory — база знаний');
    await options.close();

    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab`);
    await expect.poll(() => library.getByRole('heading', { name: 'Ваша библиотека' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(library.getByRole('searchbox', { name: 'Поиск по библиотеке' }).isVisible()).resolves.toBe(true);
    await expect(library.getByText('Пока ничего не сохранено.', { exact: false }).isVisible()).resolves.toBe(true);
    await expect(library.getByText('0 сохранённых отрывков').isVisible()).resolves.toBe(true);
    expect(await library.title()).toBe('Библиотека Backstory');
    await library.close();
  });

  it('switching the language in the options page changes the open popup and the next popover, without a reload', async () => {
    const { page, popup } = await demoAndPopup();
    await expect(popup.getByRole('button', { name: 'Читать в Backstory' }).isVisible()).resolves.toBe(true);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const picker = options.getByLabel('Язык');
    await expect.poll(() => picker.isEnabled(), { timeout: 10_000 }).toBe(true);
    await picker.selectOption('en');
    // The options page itself follows at once, and so does the popup open in another tab.
    await expect.poll(() => options.getByRole('heading', { name: 'Knowledge packs' }).isVisible()).toBe(true);
    await expect.poll(() => popup.getByRole('button', { name: 'Read with Backstory' }).isVisible(), { timeout: 5000 }).toBe(true);
    const label = await popup.locator('.entity .count').first().evaluate((s) => s.nextElementSibling?.textContent ?? null);
    expect(label).toMatch(/^\d+ mentions?$/);
    // The page's popover, opened after the change, is in English too (the page was not re-marked for it).
    await settledMarks(page, { min: 20 });
    const { x, y } = await pointOfMark(page, 'Lukashenka');
    await page.mouse.move(x, y);
    await expect.poll(() => backstoryUiHtml(page), { timeout: 5000 }).toContain('Past statements');

    // Back to the browser's language: Russian again.
    await options.getByLabel('Language').selectOption('auto');
    await expect.poll(() => popup.getByRole('button', { name: 'Читать в Backstory' }).isVisible(), { timeout: 5000 }).toBe(true);
    await options.close();
    await popup.close();
    await page.close();
  });
});
