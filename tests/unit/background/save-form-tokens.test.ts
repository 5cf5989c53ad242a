import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/background/router';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { SaveFormInput } from '../../../lib/messages';

const OWN_ID = 'backstory-id';
const BASE = 'chrome-extension://backstory-id/';
const tab = (id: number, url: string) => ({ id: OWN_ID, url, tab: { id, url } });
/** The content script of a page in tab 7, and of another site's page in tab 9. */
const page7 = tab(7, 'https://news.example/a');
const page9 = tab(9, 'https://evil.example/b');
/** Backstory's own save-form frame, inside tab 7 and inside tab 9. */
const frameIn = (id: number) => ({ id: OWN_ID, url: `${BASE}save-form.html#x`, tab: { id, url: 'https://news.example/a' } });

const input: SaveFormInput = {
  annotation: { url: 'https://news.example/a', title: 'A', quote: 'the alliance had failed Armenia', selectors: [{ type: 'TextQuoteSelector', exact: 'the alliance had failed Armenia' }] },
  choices: [{ id: 'nikol-pashinyan', name: 'Nikol Pashinyan', kind: 'person' }],
  proposed: ['nikol-pashinyan'],
};

function setup() {
  const db = new BackstoryDatabase(`tokens-${Math.random()}`);
  const sendToTab = vi.fn(async () => undefined);
  const route = createRouter({
    db, ready: Promise.resolve(), ownId: OWN_ID, ownBaseUrl: BASE,
    setBadge: vi.fn(), broadcast: vi.fn(async () => undefined), openAndReveal: vi.fn(), snapshotOf: vi.fn(), sendToTab,
  });
  return { route, sendToTab };
}

async function hold(route: ReturnType<typeof setup>['route'], sender = page7, held: SaveFormInput = input): Promise<string> {
  const reply = await route({ type: 'save-form-hold', input: held }, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as string;
}

describe('the save form’s one-time token', () => {
  it('gives the held input to Backstory’s frame in the same tab, once', async () => {
    const { route } = setup();
    const token = await hold(route);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(await hold(route)).not.toBe(token);
    expect(await route({ type: 'save-form-take', token }, frameIn(7))).toEqual({ ok: true, value: input });
    // Single use: the same frame (or a copy of its address) asking again gets nothing.
    expect(await route({ type: 'save-form-take', token }, frameIn(7))).toEqual({ ok: false, error: expect.stringMatching(/expired/) });
  });

  it('refuses a content script that asks for a token’s input, its own tab’s or another’s', async () => {
    const { route } = setup();
    const token = await hold(route);
    for (const sender of [page7, page9]) {
      expect(await route({ type: 'save-form-take', token }, sender)).toEqual({ ok: false, error: 'Only Backstory’s own pages may do this' });
    }
    // Nor did asking use it up.
    expect(await route({ type: 'save-form-take', token }, frameIn(7))).toMatchObject({ ok: true });
  });

  it('refuses an extension page in another tab, or in none', async () => {
    const { route } = setup();
    const token = await hold(route);
    expect(await route({ type: 'save-form-take', token }, frameIn(9))).toMatchObject({ ok: false });
    expect(await route({ type: 'save-form-take', token }, { id: OWN_ID, url: `${BASE}popup.html` })).toMatchObject({ ok: false });
  });

  it('refuses an unknown or malformed token', async () => {
    const { route } = setup();
    await hold(route);
    expect(await route({ type: 'save-form-take', token: 'f'.repeat(64) }, frameIn(7))).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
    expect(await route({ type: 'save-form-take', token: '../../x' }, frameIn(7))).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
  });

  it('expires a token not taken within a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { route } = setup();
      const token = await hold(route);
      vi.setSystemTime(Date.now() + 61_000);
      expect(await route({ type: 'save-form-take', token }, frameIn(7))).toMatchObject({ ok: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds a page’s input under an address of its own site only', async () => {
    const { route } = setup();
    const token = await hold(route, page9, input);
    const reply = await route({ type: 'save-form-take', token }, frameIn(9));
    expect(reply).toMatchObject({ ok: true, value: { annotation: { url: 'https://evil.example/b' } } });
  });

  it('relays the frame’s events to its own tab only, and takes none from a content script', async () => {
    const { route, sendToTab } = setup();
    const token = await hold(route);
    expect(await route({ type: 'save-form-event', token, event: { kind: 'closed' } }, page9)).toMatchObject({ ok: false });
    expect(sendToTab).not.toHaveBeenCalled();
    expect(await route({ type: 'save-form-event', token, event: { kind: 'size', height: 300 } }, frameIn(7))).toEqual({ ok: true, value: null });
    expect(sendToTab).toHaveBeenCalledWith(7, { type: 'save-form-event', token, event: { kind: 'size', height: 300 }, annotation: undefined });
  });
});
