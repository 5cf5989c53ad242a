import type { BackstoryDatabase } from './db';

/**
 * Every key an alias is filed under, kept beside the aliases (in AliasKeysRow rows) so that the
 * background can tell at once which of a page's thousands of words name anything at all, and ask the
 * aliases index for those few. (Asking the index for every word of a page walks it with one IndexedDB
 * request per word: seconds for a large knowledge base.) Rows hold a pack's keys, or the reader's
 * (READER_KEYS); a key stays listed after its alias is gone, which costs one wasted lookup and never a
 * missed name.
 */

/** The row of keys filed by the reader's own saves and undos (and by the upgrade to schema version 3, see migrations/v3.ts). */
export const READER_KEYS = '#reader';
const REVISION = 'alias-keys-revision';

export function joinKeys(keys: Iterable<string>): string {
  return [...new Set(keys)].filter(Boolean).join('\n');
}

/**
 * Marks the knowledge base as changed for the readers that keep what they read (AliasKeySet, the
 * service worker's CandidateCache). Call inside the transaction of the write.
 */
export async function bumpRevision(db: BackstoryDatabase): Promise<void> {
  const current = (await db.settings.get(REVISION))?.value;
  await db.settings.put({ key: REVISION, value: (typeof current === 'number' ? current : 0) + 1 });
}

/**
 * Lists `keys` under `id`: in place of what was there (a pack imported anew) or added to it (the
 * reader's row). Call inside a transaction over aliasKeys and settings, with the aliases' own writes.
 */
export async function fileKeys(db: BackstoryDatabase, id: string, keys: Iterable<string>, { replace }: { replace: boolean }): Promise<void> {
  const previous = replace ? '' : ((await db.aliasKeys.get(id))?.keys ?? '');
  await db.aliasKeys.put({ id, keys: joinKeys([...(previous ? previous.split('\n') : []), ...keys]) });
  await bumpRevision(db);
}

/** Drops the keys of a pack that was removed. */
export async function forgetKeys(db: BackstoryDatabase, id: string): Promise<void> {
  await db.aliasKeys.delete(id);
  await bumpRevision(db);
}

/**
 * The set of every listed key, read once and kept until a write changes it: each use costs one small
 * read (the revision), and a re-read only after an import, a removal or an edit.
 */
export class AliasKeySet {
  #revision: unknown;
  #keys: Set<string> | null = null;

  /** The revision the set was last read at. */
  get revision(): unknown {
    return this.#revision;
  }

  async current(db: BackstoryDatabase): Promise<Set<string>> {
    const revision = (await db.settings.get(REVISION))?.value ?? 0;
    if (this.#keys && revision === this.#revision) return this.#keys;
    const keys = new Set<string>();
    for (const row of await db.aliasKeys.toArray()) for (const key of row.keys.split('\n')) if (key) keys.add(key);
    this.#keys = keys;
    this.#revision = revision;
    return keys;
  }
}
