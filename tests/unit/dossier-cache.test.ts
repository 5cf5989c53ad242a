import { describe, expect, it, vi } from 'vitest';
import { DossierCache } from '../../lib/dossier-cache';
import type { Dossier } from '../../lib/messages';

const dossierOf = (id: string) => ({ entity: { id, kind: 'person', name: id, aliases: [] }, alliances: [], members: [], statements: [] }) as unknown as Dossier;

describe('DossierCache', () => {
  it('asks the background once per entity', async () => {
    const fetch = vi.fn(async (id: string) => dossierOf(id));
    const cache = new DossierCache(fetch);
    await Promise.all([cache.get('a'), cache.get('a'), cache.get('b')]);
    await cache.get('a');
    expect(fetch.mock.calls.map(([id]) => id)).toEqual(['a', 'b']);
  });

  it('asks again after a failure, or once told to forget', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error('worker gone')).mockImplementation(async (id: string) => dossierOf(id));
    const cache = new DossierCache(fetch);
    await expect(cache.get('a')).rejects.toThrow('worker gone');
    expect((await cache.get('a'))?.entity.id).toBe('a');
    cache.forget('a');
    await cache.get('a');
    cache.clear();
    await cache.get('a');
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});
