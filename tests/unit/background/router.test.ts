import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/background/router';
import { BackstoryDatabase } from '../../../lib/store/db';
import { importPack } from '../../../lib/store/packs';
import { smallPack } from '../store/fixture-pack';
import { pageWordsOf } from '../../../lib/text';
import { DEFAULT_PAGE_SETTINGS, type Candidates } from '../../../lib/messages';

const OWN_ID = 'backstory-id';
const BASE = 'chrome-extension://backstory-id/';
const fromTab = { id: OWN_ID, url: 'https://news.example/a', tab: { id: 7, url: 'https://news.example/a' } };
const fromPopup = { id: OWN_ID, url: `${BASE}popup.html` };

async function setup() {
  const db = new BackstoryDatabase(`router-${Math.random()}`);
  await importPack(db, smallPack());
  const setBadge = vi.fn(async () => undefined);
  const broadcast = vi.fn(async () => undefined);
  const snapshotOf = vi.fn(async (tabId: number) => ({ html: `<p>page of tab ${tabId}</p>`, url: 'https://news.example/a', title: 'A' }));
  const openAndReveal = vi.fn(async () => undefined);
  const sendToTab = vi.fn(async () => undefined);
  const route = createRouter({ db, ready: Promise.resolve(), ownId: OWN_ID, ownBaseUrl: BASE, setBadge, broadcast, openAndReveal, snapshotOf, sendToTab });
  return { route, db, setBadge, broadcast, snapshotOf, openAndReveal, sendToTab };
}

describe('the background’s message protocol', () => {
  const refused: [string, unknown, object, RegExp][] = [
    ['another extension', { type: 'dossier', id: 'csto' }, { id: 'someone-else', tab: { id: 1 } }, /outside Backstory/],
    ['a web page posing as an extension page', { type: 'dossier', id: 'csto' }, { id: OWN_ID, url: 'https://evil.example/' }, /outside Backstory/],
    ['an unknown type', { type: 'drop-database' }, fromTab, /malformed/],
    ['a wrong field', { type: 'dossier', id: 42 }, fromTab, /malformed message \(id/],
    ['not an object', 'lookup', fromTab, /malformed/],
    ['words that are not strings', { type: 'lookup', words: [1], beforeApostrophe: [] }, fromTab, /malformed/],
    ['a negative count', { type: 'found', entities: -1 }, fromTab, /malformed/],
  ];

  it.each(refused)('refuses %s without acting on it', async (_label, message, sender, error) => {
    const { route, setBadge, broadcast } = await setup();
    const reply = await route(message, sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(setBadge).not.toHaveBeenCalled();
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('answers a dossier request from a content script', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'dossier', id: 'csto' }, fromTab);
    expect(reply).toMatchObject({ ok: true, value: { entity: { name: 'Collective Security Treaty Organization' } } });
  });

  it('answers a page’s words with the aliases they may be', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'lookup', ...pageWordsOf(['Визит Лукашенко в ОДКБ; Lukashenka’s speech to the CSTO.']) }, fromTab);
    expect(reply.ok).toBe(true);
    const texts = reply.ok ? (reply.value as Candidates).aliases.map((alias) => alias.text).sort() : [];
    // "Lukashenko" comes too: the inflection table allows it as a base form of "Lukashenka".
    expect(texts).toEqual(['CSTO', 'Lukashenka', 'Lukashenko', 'Лукашенко', 'ОДКБ']);
    expect(await route({ type: 'lookup', ...pageWordsOf(['Nothing known here.']) }, fromTab)).toEqual({ ok: true, value: { aliases: [], entities: {} } });
  });

  it('sets the badge of the tab that reports what it found', async () => {
    const { route, setBadge } = await setup();
    expect(await route({ type: 'found', entities: 12 }, fromTab)).toEqual({ ok: true, value: null });
    expect(setBadge).toHaveBeenCalledWith(7, 12);
  });

  it('stores a switch from the popup and tells the open pages', async () => {
    const { route, broadcast } = await setup();
    const reply = await route({ type: 'set-switch', scope: 'site', host: 'news.example', on: false }, fromPopup);
    expect(reply).toEqual({ ok: true, value: { host: 'news.example', site: false, everywhere: true, enabled: false, settings: DEFAULT_PAGE_SETTINGS } });
    expect(broadcast).toHaveBeenCalledExactlyOnceWith({ type: 'refresh' });
    expect(await route({ type: 'site-status', host: 'news.example' }, fromTab)).toMatchObject({ value: { enabled: false } });
  });

  it('hands a tab’s page to the reading mode, and to nobody else', async () => {
    const { route, snapshotOf } = await setup();
    const fromReader = { id: OWN_ID, url: `${BASE}reader.html?tab=3`, tab: { id: 9, url: `${BASE}reader.html?tab=3` } };
    expect(await route({ type: 'reader-snapshot', tabId: 3 }, fromReader)).toMatchObject({ ok: true, value: { html: '<p>page of tab 3</p>' } });
    // A content script runs in a web page: it must not read another tab's page.
    const reply = await route({ type: 'reader-snapshot', tabId: 3 }, fromTab);
    expect(reply).toEqual({ ok: false, error: 'Only the reading mode may read a page' });
    expect(snapshotOf).toHaveBeenCalledTimes(1);
  });

  describe('a content script is answered about its own page only', () => {
    /** The content script of a page at `url`, in tab 7. */
    const page = (url: string) => ({ id: OWN_ID, url, tab: { id: 7, url } });
    const passage = (url: string, quote = 'the alliance had failed Armenia') => ({
      url,
      quote,
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
      tags: ['private'],
      comment: 'my own note',
    });
    const savedFrom = async (route: Awaited<ReturnType<typeof setup>>['route'], url: string) => {
      const reply = await route({ type: 'save-annotation', annotation: passage(url) }, fromPopup);
      expect(reply.ok).toBe(true);
    };

    it('does not hand one site’s saved passages to a page on another site: it is answered about itself', async () => {
      const { route } = await setup();
      await savedFrom(route, 'https://bank.example/statement');
      const reply = await route({ type: 'page-annotations', url: 'https://bank.example/statement' }, page('https://evil.example/'));
      expect(reply).toEqual({ ok: true, value: [] });
      // Nor to a neighbour under a public suffix.
      await savedFrom(route, 'https://alice.github.io/diary');
      expect(await route({ type: 'page-annotations', url: 'https://alice.github.io/diary' }, page('https://mallory.github.io/'))).toEqual({ ok: true, value: [] });
    });

    it('hands a page its own saved passages, under its canonical address on the same site', async () => {
      const { route } = await setup();
      await savedFrom(route, 'https://www.news.example/story/1');
      // The mobile edition reads what was saved under the canonical (desktop) address it names.
      const reply = await route({ type: 'page-annotations', url: 'https://www.news.example/story/1' }, page('https://m.news.example/story/1'));
      expect(reply).toMatchObject({ ok: true, value: [{ url: 'https://www.news.example/story/1', quote: 'the alliance had failed Armenia' }] });
    });

    it('files a passage a page says belongs to another site under the page’s own address', async () => {
      const { route, broadcast } = await setup();
      const reply = await route({ type: 'save-annotation', annotation: passage('https://news.example/story/1', 'planted words') }, page('https://evil.example/a?utm_source=x'));
      expect(reply).toMatchObject({ ok: true, value: { url: 'https://evil.example/a', quote: 'planted words' } });
      // Pages are told to forget their dossiers, as after any save; no page is told anything else.
      expect(broadcast.mock.calls).toEqual([[{ type: 'forget-dossiers' }]]);
      expect(await route({ type: 'page-annotations', url: 'https://news.example/story/1' }, page('https://news.example/story/1'))).toEqual({ ok: true, value: [] });
      // Its own passage it saves.
      expect(await route({ type: 'save-annotation', annotation: passage('https://news.example/story/1') }, page('https://news.example/story/1'))).toMatchObject({ ok: true });
    });

    it('tells a page its own switch only', async () => {
      const { route } = await setup();
      await route({ type: 'set-switch', scope: 'site', host: 'bank.example', on: false }, fromPopup);
      expect(await route({ type: 'site-status', host: 'bank.example' }, page('https://evil.example/'))).toEqual({ ok: false, error: 'A page may ask only about itself' });
      expect(await route({ type: 'site-status', host: 'bank.example' }, page('https://bank.example/login'))).toMatchObject({ ok: true, value: { enabled: false } });
    });

    it('does not let a page switch marking off, here or anywhere, nor refresh every tab or open a passage', async () => {
      const { route, broadcast, openAndReveal } = await setup();
      const own = page('https://news.example/a');
      const refused = [
        { type: 'set-switch', scope: 'everywhere', host: 'news.example', on: false },
        { type: 'set-switch', scope: 'site', host: 'other.example', on: false },
        { type: 'set-switch', scope: 'site', host: 'news.example', on: false },
        { type: 'knowledge-changed' },
        { type: 'open-annotation', id: 'some-passage' },
      ];
      for (const message of refused) expect(await route(message, own)).toEqual({ ok: false, error: 'Only Backstory’s own pages may do this' });
      expect(broadcast).not.toHaveBeenCalled();
      expect(openAndReveal).not.toHaveBeenCalled();
      // Marking is still on, everywhere and on both sites.
      for (const host of ['news.example', 'other.example']) {
        expect(await route({ type: 'site-status', host }, fromPopup)).toMatchObject({ value: { enabled: true, everywhere: true } });
      }
    });

    it('refuses a page whose address it cannot tell', async () => {
      const { route } = await setup();
      const noUrl = { id: OWN_ID, tab: { id: 7, url: 'https://news.example/a' } };
      expect(await route({ type: 'page-annotations', url: 'https://news.example/a' }, noUrl)).toMatchObject({ ok: false });
      expect(await route({ type: 'site-status', host: 'news.example' }, page('about:blank'))).toMatchObject({ ok: false });
    });

    it('keeps every power for Backstory’s own pages', async () => {
      const { route, broadcast } = await setup();
      await savedFrom(route, 'https://bank.example/statement');
      const fromReader = { id: OWN_ID, url: `${BASE}reader.html?tab=3`, tab: { id: 9, url: `${BASE}reader.html?tab=3` } };
      expect(await route({ type: 'page-annotations', url: 'https://bank.example/statement' }, fromReader)).toMatchObject({ ok: true, value: [{ quote: 'the alliance had failed Armenia' }] });
      expect(await route({ type: 'site-status', host: 'bank.example' }, fromPopup)).toMatchObject({ ok: true });
      expect(await route({ type: 'set-switch', scope: 'everywhere', host: 'bank.example', on: false }, fromPopup)).toMatchObject({ ok: true, value: { everywhere: false } });
      expect(await route({ type: 'knowledge-changed' }, { id: OWN_ID, url: `${BASE}options.html` })).toEqual({ ok: true, value: null });
      expect(broadcast).toHaveBeenCalled();
    });
  });

  it('turns a failure inside a handler into an error reply', async () => {
    const db = new BackstoryDatabase(`router-closed-${Math.random()}`);
    db.close();
    const route = createRouter({ db, ready: Promise.resolve(), ownId: OWN_ID, ownBaseUrl: BASE, setBadge: vi.fn(), broadcast: vi.fn(), openAndReveal: vi.fn(), snapshotOf: vi.fn(), sendToTab: vi.fn() });
    const reply = await route({ type: 'dossier', id: 'csto' }, fromTab);
    expect(reply.ok).toBe(false);
  });
});
