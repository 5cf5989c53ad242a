// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { requestDurableStorage } from '../../../lib/platform/durable-storage';
import config from '../../../wxt.config';

const ROOT = join(__dirname, '../../..');

/** The permissions the manifest asks for when built for `browser`. */
function permissionsFor(browser: 'chrome' | 'firefox'): string[] {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => { permissions?: string[] };
  return [...(manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' }).permissions ?? [])].sort();
}

/** Every hand-written source file the extension is built from. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|cjs)$/.test(name) ? [readFileSync(join(ROOT, path), 'utf8')] : [];
  });
}

/** The paths of the files under `dir`, from the repository's root. */
function paths(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(ROOT, path)).isDirectory() ? paths(path) : [path];
  });
}

describe('the permissions the extension asks for', () => {
  it('asks for unlimited storage and drops the unused storage permission, in both browsers', () => {
    expect(permissionsFor('chrome')).toEqual(['contextMenus', 'sidePanel', 'tabs', 'unlimitedStorage']);
    expect(permissionsFor('firefox')).toEqual(['contextMenus', 'tabs', 'unlimitedStorage']);
  });

  it('asks for none the code does not use', () => {
    const code = ['lib', 'components', 'entrypoints'].flatMap(sources).join('\n');
    const files = ['entrypoints'].flatMap(paths).join('\n');
    const uses: Record<string, RegExp> = {
      contextMenus: /\bbrowser\.contextMenus\./,
      // WXT writes the side_panel key (which needs the permission in Chrome) for this entrypoint.
      sidePanel: /^entrypoints\/sidepanel\/main\.tsx$/m,
      tabs: /\bbrowser\.tabs\.get\(/,
      // IndexedDB needs no permission; this one lifts its quota and keeps it from eviction.
      unlimitedStorage: /\bnew Dexie\b|\bextends Dexie\b/,
      // chrome.storage, directly or through WXT's storage helpers.
      storage: /\b(?:browser|chrome)\.storage\b|wxt\/storage|@wxt-dev\/storage/,
    };
    for (const permission of permissionsFor('chrome')) expect(uses[permission]?.test(`${files}\n${code}`), permission).toBe(true);
    expect(uses.storage.test(code), 'chrome.storage is used: ask for `storage`').toBe(false);
  });
});

describe('asking the browser to keep the database', () => {
  it('asks persist() once when not yet persisted, and reports the answer', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestDurableStorage({ persisted: async () => false, persist })).toBe('persisted');
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await requestDurableStorage({ persisted: async () => false, persist: async () => false })).toBe('refused');
  });

  it('does not ask again once persisted, and copes where persist() does not exist (Chrome’s service worker)', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestDurableStorage({ persisted: async () => true, persist })).toBe('persisted');
    expect(persist).not.toHaveBeenCalled();
    expect(await requestDurableStorage({ persisted: async () => false })).toBe('unavailable');
    expect(await requestDurableStorage(undefined)).toBe('unavailable');
    expect(await requestDurableStorage({ persist: async () => Promise.reject(new Error('denied')) })).toBe('unavailable');
  });
});
