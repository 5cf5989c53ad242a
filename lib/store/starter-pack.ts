import type { BackstoryDatabase } from './db';
import { checkPack } from './pack-validation';
import { importPack, removedPackKey } from './packs';

/** What the service worker did with the bundled pack on start. */
export type BundledPackOutcome = 'imported' | 'current' | 'newer-stored' | 'unknown-stored' | 'removed';

/**
 * Brings the bundled pack into the database when it is missing or older than the one shipped,
 * so an update of the extension updates the pack (rows the reader made or edited stay). A pack the
 * reader removed stays removed until they import it again.
 *
 * A stored pack is never replaced by an older one: when the reader imported a newer version of the
 * starter pack, every later start of the service worker (frequent in MV3) leaves it alone.
 * - stored version lower than the bundled one: the bundled pack is imported;
 * - stored version higher: kept ('newer-stored');
 * - equal versions: the bundled pack is imported only when its `updated` date is strictly later than
 *   the stored one's (a same-version refresh); with either date missing or unreadable, kept ('current');
 * - a stored version that cannot be read (a damaged or foreign row): kept ('unknown-stored'), since we
 *   cannot tell it is older, and replacing a newer pack would lose it; the reader can import again.
 */
export async function ensureBundledPack(db: BackstoryDatabase, bundled: unknown): Promise<BundledPackOutcome> {
  const check = checkPack(bundled);
  if (!check.ok) throw new Error(`The bundled pack is invalid: ${check.problems[0].path} ${check.problems[0].message}`);
  const outcome = await storedAgainst(db, check.pack);
  if (outcome !== 'import') return outcome;
  await importPack(db, check.pack);
  return 'imported';
}

/** What is compared before a pack is read: its id, version and date (the pack file's own fields). */
export interface PackStamp {
  id: string;
  version?: unknown;
  updated?: string;
}

/**
 * ensureBundledPack for a pack known by its stamp until it must be read: on most starts of the service
 * worker (MV3 starts it again after each idle half-minute, and a page's first marks wait for it) the
 * database already holds this version, and only two rows are read, not the whole pack.
 */
export async function ensureBundledPackFile(db: BackstoryDatabase, stamp: PackStamp, load: () => Promise<unknown>): Promise<BundledPackOutcome> {
  const outcome = await storedAgainst(db, stamp);
  return outcome === 'import' ? ensureBundledPack(db, await load()) : outcome;
}

/** What the stored pack says of the bundled one with this stamp: keep what is stored, or 'import'. */
async function storedAgainst(db: BackstoryDatabase, bundled: PackStamp): Promise<Exclude<BundledPackOutcome, 'imported'> | 'import'> {
  if (await db.settings.get(removedPackKey(bundled.id))) return 'removed';
  const stored = await db.packs.get(bundled.id);
  if (stored) {
    const order = compareVersions(stored.version, bundled.version);
    if (order === null) return 'unknown-stored';
    if (order > 0) return 'newer-stored';
    if (order === 0 && !isLaterDate(bundled.updated, stored.updated)) return 'current';
  }
  return 'import';
}

/**
 * Orders two pack versions: negative when `a` is older, positive when newer, 0 when equal, null when
 * either cannot be read. Versions are whole numbers in the pack format; dotted ones ("1.10.2") are
 * read too, compared part by part as numbers (so 1.10 is newer than 1.9) with missing parts as 0.
 */
export function compareVersions(a: unknown, b: unknown): number | null {
  const left = versionParts(a);
  const right = versionParts(b);
  if (!left || !right) return null;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function versionParts(version: unknown): number[] | null {
  if (typeof version === 'number') return Number.isFinite(version) && version >= 0 ? [version] : null;
  if (typeof version !== 'string' || !/^\d{1,9}(\.\d{1,9}){0,3}$/.test(version.trim())) return null;
  return version.trim().split('.').map(Number);
}

/** Whether ISO date `a` (YYYY, YYYY-MM or YYYY-MM-DD) is strictly later than `b`; false when either is missing or malformed. */
function isLaterDate(a: string | undefined, b: string | undefined): boolean {
  const iso = /^\d{4}(-\d{2}){0,2}$/;
  if (!a || !b || !iso.test(a) || !iso.test(b)) return false;
  // Same-shaped ISO dates order as strings; a shorter one ("2026-12") counts as the start of its period.
  return a.padEnd(10, '-00') > b.padEnd(10, '-00');
}

