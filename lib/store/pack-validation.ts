import { validate as validateSchema, type SchemaError } from './generated/validate-pack.js';
import type { BackstoryKnowledgePack } from './generated/pack';

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
      return { path, message: `must match ${String(error.params.pattern)}` };
    case 'oneOf':
      return { path, message: 'must be a non-empty string, or an object with a "text" field' };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

/**
 * Checks a parsed pack against the schema, then what a schema cannot say: ids are unique and every
 * relation, statement and country points at an entity of the pack or of `knownIds`.
 */
export function checkPack(data: unknown, knownIds: ReadonlySet<string> = new Set()): PackCheck {
  if (!validateSchema(data)) {
    const errors = validateSchema.errors ?? [];
    return { ok: false, problems: errors.map(describeSchemaError) };
  }
  const pack = data as Pack;
  const problems: PackProblem[] = [];
  const ids = new Set<string>();
  pack.entities.forEach((entity, i) => {
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

/** Parses and checks a pack file's text; a file that is not JSON is a problem at `$`. */
export function parsePack(text: string, knownIds?: ReadonlySet<string>): PackCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `is not JSON: ${(error as Error).message}` }] };
  }
  return checkPack(data, knownIds);
}
