/**
 * Modules the content script imports later than its first task (entrypoints/page-marker.ts, then
 * entrypoints/page-ui.ts and entrypoints/page-saved.ts on first use). Each leaves one value under its key in the content script's
 * isolated world (a page's scripts have another global), where the importer picks it up. The keys
 * live here so that neither side imports the other: importing the module itself would bundle what it
 * exists to keep out of the content script.
 */
export const MARKER_KEY = Symbol.for('backstory.page-marker');
export const PAGE_UI_KEY = Symbol.for('backstory.page-ui');
export const PAGE_SAVED_KEY = Symbol.for('backstory.page-saved');

/** Leaves `value` under `key`, for the importer. */
export function provide<T>(key: symbol, value: T): void {
  Object.defineProperty(globalThis, key, { value, configurable: true });
}

/**
 * Imports the extension file at `url` (`import()` from a content script runs it in the content
 * script's own world; the file must be web-accessible for that reason only) and returns what it left
 * under `key`.
 */
export async function importProvided<T>(url: string, key: symbol): Promise<T> {
  await import(/* @vite-ignore */ url);
  const value = (globalThis as Record<symbol, T | undefined>)[key];
  if (value === undefined) throw new Error(`Backstory: ${url} did not load`);
  return value;
}
