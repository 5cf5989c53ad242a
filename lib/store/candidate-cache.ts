import type { Candidates } from '../messages';
import { AliasKeySet } from './alias-keys';
import type { BackstoryDatabase } from './db';
import { candidateRows, candidatesOf, type CandidateRow } from './queries';

/** Beyond this many keys the kept rows are dropped and gathered again (a few MB at most). */
const MAX_KEPT_KEYS = 50_000;

/**
 * findCandidates for the service worker, which answers page after page: the rows found under each
 * lookup key are kept while the knowledge base stays as it is — until the alias keys' revision moves,
 * as every write of entities and aliases moves it (alias-keys.ts) — so a page whose names were looked
 * up before is answered from memory rather than by reading IndexedDB (13 ms for the demo article's
 * first screen here, the largest part of a warm worker's answer).
 */
export class CandidateCache {
  readonly #keys = new AliasKeySet();
  #revision: unknown;
  readonly #rows = new Map<string, CandidateRow[]>();

  /** Reads the list of filed words now, so that the first page's lookup does not wait for it. */
  async warm(db: BackstoryDatabase): Promise<void> {
    await this.#keys.current(db);
  }

  /** Drops what was kept (an extension page said the knowledge base changed). */
  forget(): void {
    this.#rows.clear();
  }

  async find(db: BackstoryDatabase, keys: string[]): Promise<Candidates> {
    const listed = await this.#keys.current(db);
    const revision = this.#keys.revision;
    if (revision !== this.#revision || this.#rows.size > MAX_KEPT_KEYS) {
      this.#rows.clear();
      this.#revision = revision;
    }
    const wanted = keys.filter((key) => listed.has(key));
    const missing = wanted.filter((key) => !this.#rows.has(key));
    const found = new Map<string, CandidateRow[]>(missing.map((key) => [key, []]));
    for (const row of await candidateRows(db, missing)) found.get(row.key)?.push(row);
    // Rows read while another request saw a newer revision may be out of date: they answer this
    // request only, and are not kept.
    if (this.#revision === revision) for (const [key, rows] of found) this.#rows.set(key, rows);
    return candidatesOf(
      wanted.flatMap((key) => found.get(key) ?? this.#rows.get(key) ?? []),
      new Set(keys),
    );
  }
}
