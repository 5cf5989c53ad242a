import type { SchemaVersion } from './version';

/** The first release: the knowledge base, row by row, and the settings. */
export const v1: SchemaVersion = {
  version: 1,
  stores: {
    entities: 'id, kind, origin, name',
    aliases: '[entityId+text], key, entityId',
    relations: '++id, from, to, type, origin',
    statements: '++id, entity, origin, date',
    packs: 'id',
    settings: 'key',
  },
};
