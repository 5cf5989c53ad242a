import { validate as validateSchema, type SchemaError } from './generated/validate-pack.js';
import type { BackstoryKnowledgePack } from './generated/pack';
import { MEGABYTE, overSizeLimit, parseJson } from '../formats/json-file';
import { USER_ORIGIN } from './rows';

export type Pack = BackstoryKnowledgePack;

export interface PackProblem {
  /** Where in the file, as a JSON path: $.entities[3].kind */
  path: string;
  message: string;
}

export type PackCheck = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
      .join('')
  );
}

const SUMMARY_FORMS =
  'must be a text of at most 2,000 characters, or texts by language such as {"en": "…", "ru": "…"} (language codes as keys, each text non-empty)';

function describeSchemaError(error: SchemaError): PackProblem {
  const path = jsonPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return { path, message: `is missing the required field "${String(error.params.missingProperty)}"` };
    case 'additionalProperties':
      return { path, message: `has an unknown field "${String(error.params.additionalProperty)}"` };
    case 'enum':
      return { path, message: `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `must be "${String(error.params.allowedValue)}"` };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'maxLength':
      return { path, message: `is longer than its limit of ${String(error.params.limit)} characters` };
    case 'maxItems':
      return { path, message: `has more than its limit of ${String(error.params.limit)} items` };
    case 'pattern':
      if (path.endsWith('url') || /\.links\[\d+\]$/.test(path) || path.endsWith('.url'))
        return { path, message: 'must be a link starting with http:// or https://' };
      if (/(since|until|date|updated|asOf)$/.test(path)) return { path, message: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' };
      if (/\.sameAs\[\d+\]$/.test(path)) return { path, message: 'must be a Wikidata QID such as Q9322, or another pack\'s entity as packId:id' };
      return { path, message: `must match ${String(error.params.pattern)}` };
    case 'oneOf':
      return { path, message: 'must be a non-empty string, or an object with a "text" field' };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

/**
 * The largest pack file read: a pack of 100,000 entities with three aliases, two relations and a
 * statement each is some 57 MB. A larger file is refused before it is read, let alone parsed.
 */
export const PACK_FILE_LIMIT = 80 * MEGABYTE;

/**
 * Pack ids Backstory gives a meaning of its own, which no pack may take. A row's origin is the id of
 * the pack that brought it, and `user` is the reader's own rows' origin: a pack called `user` would
 * claim them, and removing it would delete every entity, relation and statement the reader made.
 * (The bundled pack's id is not reserved: a newer version of it may be imported.)
 */
export const RESERVED_PACK_IDS: ReadonlyMap<string, string> = new Map([[USER_ORIGIN, 'the origin of your own entries']]);

/** Why a pack file of `size` bytes is not read, when it is over PACK_FILE_LIMIT. */
export function packFileTooLarge(size: number): PackProblem | undefined {
  const message = overSizeLimit(size, PACK_FILE_LIMIT, 'a pack file');
  return message ? { path: '$', message } : undefined;
}

/**
 * Checks a parsed pack against the schema, then what a schema cannot say: ids are unique and every
 * relation, statement and country points at an entity of the pack or of `knownIds`.
 */
export function checkPack(data: unknown, knownIds: ReadonlySet<string> = new Set()): PackCheck {
  if (!validateSchema(data)) {
    const errors = validateSchema.errors ?? [];
    // A summary that is neither a text nor texts by language: one problem that says what it may be,
    // rather than one for each form it failed to be.
    const summaries = new Set(errors.filter((e) => e.keyword === 'anyOf' && /\/summary$/.test(e.instancePath)).map((e) => e.instancePath));
    const summaryProblems = [...summaries].map((pointer) => ({ path: jsonPath(pointer), message: SUMMARY_FORMS }));
    const rest = errors.filter((e) => ![...summaries].some((pointer) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`)));
    return { ok: false, problems: [...summaryProblems, ...rest.map(describeSchemaError)] };
  }
  const pack = data as Pack;
  const reserved = RESERVED_PACK_IDS.get(pack.id);
  if (reserved !== undefined) {
    return { ok: false, problems: [{ path: '$.id', message: `is "${pack.id}", which Backstory keeps for ${reserved}: give the pack another id` }] };
  }
  const problems: PackProblem[] = [];
  const ids = new Set<string>();
  pack.entities.forEach((entity, i) => {
    if (entity.sameAs?.length && pack.formatVersion !== 2)
      problems.push({ path: `$.entities[${i}].sameAs`, message: 'is a field of pack format version 2: add "formatVersion": 2 to the pack' });
    if (ids.has(entity.id)) problems.push({ path: `$.entities[${i}].id`, message: `repeats the id "${entity.id}"` });
    ids.add(entity.id);
  });
  const exists = (id: string) => ids.has(id) || knownIds.has(id);
  pack.entities.forEach((entity, i) => {
    if (entity.country && !exists(entity.country))
      problems.push({ path: `$.entities[${i}].country`, message: `names an unknown entity "${entity.country}"` });
  });
  (pack.relations ?? []).forEach((relation, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!exists(relation[end]))
        problems.push({ path: `$.relations[${i}].${end}`, message: `names an unknown entity "${relation[end]}"` });
    }
  });
  (pack.statements ?? []).forEach((statement, i) => {
    if (!exists(statement.entity))
      problems.push({ path: `$.statements[${i}].entity`, message: `names an unknown entity "${statement.entity}"` });
  });
  return problems.length ? { ok: false, problems } : { ok: true, pack };
}

/**
 * Parses and checks a pack file's text. A text over PACK_FILE_LIMIT, nested too deeply or not JSON at
 * all is a problem at `$`, found before anything is parsed or built.
 */
export function parsePack(text: string, knownIds?: ReadonlySet<string>): PackCheck {
  const tooLarge = packFileTooLarge(text.length);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const read = parseJson(text);
  if (!read.ok) return { ok: false, problems: [{ path: '$', message: read.message }] };
  try {
    return checkPack(read.value, knownIds);
  } catch (error) {
    // The validator walks only as deep as the schema, so this is not expected; a file is refused, never thrown.
    return { ok: false, problems: [{ path: '$', message: `could not be checked: ${(error as Error).message}` }] };
  }
}
