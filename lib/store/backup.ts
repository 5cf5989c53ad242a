/**
 * A full backup of what the reader keeps in this browser, and its restore: their own entities and
 * their edits of pack entities (with private notes), aliases, relations and statements, every saved
 * passage with its selectors, the trash, and the settings — with the identity (id, title, version) of
 * each pack, whose rows are public files and are not copied. Restoring puts those tables back as they
 * were, in one transaction: a backup that does not check out changes nothing.
 */
import * as v from 'valibot';
import { overSizeLimit, parseJson } from '../formats/json-file';
import { AnnotationInput, type AnnotationRow } from '../messages';
import { fileKeys, READER_KEYS } from './alias-keys';
import type { BackstoryDatabase } from './db';
import { writeFailure } from './store-errors';
import { ENTITY_KINDS, RELATION_TYPES, type AliasRow, type EntityRow, type RelationRow, type SettingRow, type StatementRow, type TrashRow } from './rows';

export const BACKUP_FORMAT = 'backstory-backup';
export const BACKUP_VERSION = 1;
/** A backup file larger than this is refused before it is read. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** Settings that describe the database itself, not the reader's choices: never carried across. */
const INTERNAL_SETTINGS = new Set(['alias-keys-revision']);

export interface PackIdentity {
  id: string;
  title: string;
  version: number;
  updated?: string;
}

export interface BackupTables {
  entities: EntityRow[];
  aliases: AliasRow[];
  relations: RelationRow[];
  statements: StatementRow[];
  annotations: AnnotationRow[];
  trash: TrashRow[];
  settings: SettingRow[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The database's schema version when the backup was made. */
  schema: number;
  exportedAt: string;
  packs: PackIdentity[];
  tables: BackupTables;
}

/** Every table the backup holds, in the order they are written back. */
const TABLES = ['entities', 'aliases', 'relations', 'statements', 'annotations', 'trash', 'settings'] as const;

export async function exportBackup(db: BackstoryDatabase, now = new Date()): Promise<Backup> {
  return db.transaction('r', [db.packs, ...TABLES.map((name) => db[name])], async () => {
    const packs = (await db.packs.toArray()).map(({ id, title, version, updated }) => (updated ? { id, title, version, updated } : { id, title, version }));
    const [entities, aliases, relations, statements, annotations, trash, settings] = await Promise.all([
      db.entities.toArray(),
      db.aliases.toArray(),
      db.relations.toArray(),
      db.statements.toArray(),
      db.annotations.toArray(),
      db.trash.toArray(),
      db.settings.toArray(),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schema: db.verno,
      exportedAt: now.toISOString(),
      packs,
      tables: { entities, aliases, relations, statements, annotations, trash, settings: settings.filter((row) => !INTERNAL_SETTINGS.has(row.key)) },
    };
  });
}

/** The backup as a file: `backstory-backup-YYYY-MM-DD.json`. */
export function backupFile(backup: Backup): { blob: Blob; name: string } {
  return { blob: new Blob([JSON.stringify(backup)], { type: 'application/json' }), name: `backstory-backup-${backup.exportedAt.slice(0, 10)}.json` };
}

// The rows' shape, as far as the rest of Backstory relies on it; fields a row may carry besides are kept.
const str = v.string();
const key = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const rowId = v.pipe(v.number(), v.integer(), v.minValue(1));
const Alias = v.looseObject({ text: str });
const Entity = v.looseObject({ id: key, kind: v.picklist(ENTITY_KINDS), name: str, aliases: v.array(Alias), origin: key, terms: v.array(str) });
const AliasRowSchema = v.looseObject({ text: str, key: str, entityId: key });
const Relation = v.looseObject({ id: v.optional(rowId), from: key, to: key, type: v.picklist(RELATION_TYPES), origin: key });
const Statement = v.looseObject({ id: v.optional(rowId), entity: key, text: str, origin: key });
const Annotation = v.looseObject({ ...AnnotationInput.entries, id: key, createdAt: v.number(), updatedAt: v.number() });
const Trash = v.looseObject({ id: v.optional(rowId), deletedAt: v.number(), entity: Entity, aliases: v.array(AliasRowSchema), relations: v.array(Relation), statements: v.array(Statement) });
const Setting = v.object({ key: v.pipe(str, v.minLength(1)), value: v.unknown() });

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  schema: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: str,
  packs: v.array(v.object({ id: key, title: str, version: v.number(), updated: v.optional(str) })),
  tables: v.object({
    entities: v.array(Entity),
    aliases: v.array(AliasRowSchema),
    relations: v.array(Relation),
    statements: v.array(Statement),
    annotations: v.array(Annotation),
    trash: v.array(Trash),
    settings: v.array(Setting),
  }),
});

export class BackupError extends Error {}

/** Where in the file a problem is, as `$.tables.entities[3].kind`. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return `$${(issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('')}`;
}

/** The backup in `text`, checked; throws BackupError with the first problem and where it is. */
export function parseBackup(text: string, currentSchema: number): Backup {
  const read = parseJson(text);
  if (!read.ok) throw new BackupError(`This file is not a Backstory backup: it ${read.message}.`);
  const data = read.value;
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Backstory backup (its "format" is not "backstory-backup"). To add a pack, use Import pack.');
  }
  const result = v.safeParse(BackupSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    throw new BackupError(`This backup cannot be restored: ${pathOf(issue)}: ${issue.message}.`);
  }
  const backup = result.output as unknown as Backup;
  if (backup.schema > currentSchema) {
    throw new BackupError(`This backup was made by a newer Backstory (database version ${backup.schema}; this one has ${currentSchema}). Update Backstory, then restore it.`);
  }
  return backup;
}

/** Reads a chosen file: refused before reading when it is too large. */
export async function readBackupFile(file: Blob, currentSchema: number): Promise<Backup> {
  const tooLarge = overSizeLimit(file.size, MAX_BACKUP_BYTES, 'a backup');
  if (tooLarge) throw new BackupError(`This file ${tooLarge}.`);
  return parseBackup(await file.text(), currentSchema);
}

export interface RestoreReport {
  counts: Record<(typeof TABLES)[number], number>;
  /** Packs the backup knew that this browser does not have, or has in another version: import them again. */
  missingPacks: PackIdentity[];
  otherVersions: { pack: PackIdentity; installed: number }[];
}

/**
 * Puts the backup's tables in place of this browser's, in one transaction: the reader's entities,
 * notes, statements, saved passages, trash and settings become the backup's. Packs stay as they are;
 * the report lists those the backup knew that are missing here.
 */
export async function restoreBackup(db: BackstoryDatabase, backup: Backup): Promise<RestoreReport> {
  const { tables } = backup;
  const settings = tables.settings.filter((row) => !INTERNAL_SETTINGS.has(row.key));
  await db.transaction('rw', [...TABLES.map((name) => db[name]), db.aliasKeys], async () => {
    for (const name of TABLES) await db[name].clear();
    await db.entities.bulkAdd(tables.entities);
    await db.aliases.bulkAdd(tables.aliases);
    await db.relations.bulkAdd(tables.relations);
    await db.statements.bulkAdd(tables.statements);
    await db.annotations.bulkAdd(tables.annotations);
    await db.trash.bulkAdd(tables.trash);
    await db.settings.bulkAdd(settings);
    // The reader's aliases are looked up through the keys they are filed under.
    await fileKeys(db, READER_KEYS, tables.aliases.map((alias) => alias.key), { replace: true });
  }).catch((error: unknown) => {
    throw writeFailure(error, 'Nothing was restored');
  });
  const installed = new Map((await db.packs.toArray()).map((pack) => [pack.id, pack.version]));
  return {
    counts: { ...Object.fromEntries(TABLES.map((name) => [name, tables[name].length])), settings: settings.length } as RestoreReport['counts'],
    missingPacks: backup.packs.filter((pack) => !installed.has(pack.id)),
    otherVersions: backup.packs.flatMap((pack) => {
      const version = installed.get(pack.id);
      return version !== undefined && version !== pack.version ? [{ pack, installed: version }] : [];
    }),
  };
}
