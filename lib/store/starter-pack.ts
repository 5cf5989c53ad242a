import type { BackstoryDatabase } from './db';
import { checkPack } from './pack-validation';
import { importPack, removedPackKey } from './packs';

/**
 * Brings the bundled pack into the database when it is missing or older than the one shipped,
 * so an update of the extension updates the pack (rows the reader made or edited stay). A pack the
 * reader removed stays removed until they import it again.
 */
export async function ensureBundledPack(db: BackstoryDatabase, bundled: unknown): Promise<'imported' | 'current' | 'removed'> {
  const check = checkPack(bundled);
  if (!check.ok) throw new Error(`The bundled pack is invalid: ${check.problems[0].path} ${check.problems[0].message}`);
  if (await db.settings.get(removedPackKey(check.pack.id))) return 'removed';
  const stored = await db.packs.get(check.pack.id);
  if (stored && stored.version >= check.pack.version && stored.updated === check.pack.updated) return 'current';
  await importPack(db, check.pack);
  return 'imported';
}
