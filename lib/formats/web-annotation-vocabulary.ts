/**
 * The W3C Web Annotation terms Backstory writes and reads back, in one place so that an export can
 * always be imported again.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Annotation ids are the stored UUIDs as URNs (RFC 4122): unique without a server to mint URLs. */
export const annotationUri = (id: string) => `urn:uuid:${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidFromAnnotationUri(uri: string): string | undefined {
  const uuid = uri.startsWith('urn:uuid:') ? uri.slice('urn:uuid:'.length) : undefined;
  return uuid !== undefined && UUID.test(uuid) ? uuid.toLowerCase() : undefined;
}

/**
 * Entities are named by a URN of Backstory's own (entity ids are slugs of a reader's knowledge base, with
 * no public address). The entity's public links, when known, go beside it as schema:sameAs.
 */
const ENTITY_URN_PREFIX = 'urn:x-backstory:entity:';

export const entityUri = (entityId: string) => `${ENTITY_URN_PREFIX}${encodeURIComponent(entityId)}`;

export function entityIdFromUri(uri: string): string | undefined {
  if (!uri.startsWith(ENTITY_URN_PREFIX)) return undefined;
  try {
    return decodeURIComponent(uri.slice(ENTITY_URN_PREFIX.length)) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's citation metadata on the target's source. Dublin Core, whose prefixes the annotation
 * context declares: dc:title, dc:creator and dc:publisher take plain text, dcterms:issued a date.
 */
export const SOURCE_TITLE = 'dc:title';
export const SOURCE_AUTHOR = 'dc:creator';
export const SOURCE_PUBLISHER = 'dc:publisher';
export const SOURCE_PUBLISHED = 'dcterms:issued';
export const SAME_AS = 'schema:sameAs';
