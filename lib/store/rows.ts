import { indexKey } from '../text';
import type { AliasObject, AliasRow, EntityRow, Origin } from './db';
import type { Alias, Entity } from './generated/pack';
import { searchTerms } from './search-terms';

export function aliasObject(alias: Alias): AliasObject {
  return typeof alias === 'string' ? { text: alias } : alias;
}

export function aliasRows(entity: Pick<EntityRow, 'id' | 'aliases' | 'name'>): AliasRow[] {
  const rows = new Map<string, AliasRow>();
  // The display name is always an alias, so an entity never goes unmatched for want of one; it comes
  // last so that the pack's own alias of the same text keeps its flags (caseSensitive, shared).
  for (const alias of [...entity.aliases, { text: entity.name }]) {
    const text = alias.text.trim();
    if (!text || rows.has(text)) continue;
    rows.set(text, { ...alias, text, key: indexKey({ text, lang: alias.lang }), entityId: entity.id });
  }
  return [...rows.values()].filter((row) => row.key !== '');
}

/** The row of an entity as the database keeps it. */
export function entityRow(entity: Entity, origin: Origin, extra: Pick<EntityRow, 'editedAt' | 'note'> = {}): EntityRow {
  const aliases = entity.aliases.map(aliasObject);
  const row: EntityRow = { ...entity, aliases, origin, terms: searchTerms({ name: entity.name, aliases }) };
  if (extra.editedAt !== undefined) row.editedAt = extra.editedAt;
  if (extra.note) row.note = extra.note;
  return row;
}

