/**
 * Asks the browser to keep the extension's database under storage pressure. Without it, IndexedDB is
 * "best-effort" storage, which a browser short of disk space may evict, saved passages and all.
 * The manifest also requests `unlimitedStorage` (no quota, and in both browsers storage an extension
 * with it keeps is not evicted); persist() is asked as well, as the web platform's own promise.
 *
 * `navigator.storage.persist()` exists in documents only: Firefox's background page has it, Chrome's
 * service worker does not (there, the options page and the other extension pages ask). Asking again
 * once granted is harmless: the browser answers from the permission it keeps.
 */
export type DurableStorage = 'persisted' | 'refused' | 'unavailable';

/** The slice of `navigator.storage` used here, so that tests can stand in for it. */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export async function requestDurableStorage(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<DurableStorage> {
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    // A browser may refuse to answer (a private window, a policy): the database works as before.
    return 'unavailable';
  }
}
