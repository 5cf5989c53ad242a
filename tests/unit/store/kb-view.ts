import type { BackstoryDatabase } from '../../../lib/store/db';
import type { AliasRow } from '../../../lib/store/rows';
import { entityCatalog, getEntity, packAliases, packRowsShown, relationsOf, statementsOf, storedPacks } from '../../../lib/store/knowledge';
import { readAll, type PackAlias } from '../../../lib/store/pack-parts';

/**
 * The knowledge base as the extension shows it — the packs' parts under the reader's own rows — for
 * tests that check what an import, an edit or a removal left. Reads go through the same functions the
 * popover, the editor and the exports use.
 */
export const kb = (db: BackstoryDatabase) => ({
  entity: (id: string) => getEntity(db, id),
  /** Every entity shown, by id. */
  ids: async () => (await entityCatalog(db)).map((e) => e.id).sort(),
  count: async () => (await entityCatalog(db)).length,
  /** The alias texts a page may be sent for the entity, sorted. */
  aliasesOf: async (id: string) => {
    const own = await db.aliases.where('entityId').equals(id).toArray();
    const filed: PackAlias[] = [];
    for (const pack of await storedPacks(db)) filed.push(...(await readAll(db.packParts, pack.id, 'a')).filter((a) => a.entityId === id));
    const shown = filed.length ? (await packAliases(db, [...new Set(filed.map((a) => a.key))])).filter((a) => a.entityId === id) : [];
    return [...new Set([...own, ...shown].map((a) => a.text))].sort();
  },
  relationsFrom: (id: string) => relationsOf(db, id, 'from'),
  relationsTo: (id: string) => relationsOf(db, id, 'to'),
  statementsOf: (id: string) => statementsOf(db, id),
  /** Every entity, alias, relation and statement shown: the packs' and the reader's. */
  all: async () => {
    const shown = await packRowsShown(db);
    const packEntities = new Set(shown.entities.map((e) => `${e.origin}\u0000${e.id}`));
    const aliases: AliasRow[] = await db.aliases.toArray();
    for (const pack of await storedPacks(db)) {
      for (const { kind: _k, name: _n, ...alias } of await readAll(db.packParts, pack.id, 'a')) {
        if (packEntities.has(`${pack.id}\u0000${alias.entityId}`)) aliases.push(alias);
      }
    }
    return {
      entities: [...shown.entities, ...(await db.entities.toArray())],
      aliases,
      relations: [...shown.relations, ...(await db.relations.toArray())],
      statements: [...shown.statements, ...(await db.statements.toArray())],
    };
  },
});
