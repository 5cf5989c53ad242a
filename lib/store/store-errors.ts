/**
 * What to tell the reader when a write fails. A full disk (or a browser that caps the extension's
 * storage) raises a QuotaExceededError, which Dexie may wrap; the reader is told in plain words, and
 * since every write is one transaction, that nothing was written.
 */
export const NO_ROOM = 'the browser has no room left for Backstory’s data (free some disk space, then try again)';

export function isQuotaError(error: unknown): boolean {
  for (let at = error as { name?: string; inner?: unknown } | undefined, depth = 0; at && depth < 4; at = at.inner as typeof at, depth++) {
    if (at.name === 'QuotaExceededError') return true;
  }
  return /quota/i.test(String(error));
}

/** The error to show for a failed write: `Nothing was imported: the browser has no room left…`. Other errors pass unchanged. */
export function writeFailure(error: unknown, nothingDone: string): unknown {
  return isQuotaError(error) ? new Error(`${nothingDone}: ${NO_ROOM}.`) : error;
}
