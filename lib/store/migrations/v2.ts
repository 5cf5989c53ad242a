import { foldForSearch } from '../../text';
import type { SchemaVersion } from './version';

// Frozen as of schema version 2: the editor's search words as this version computed them (then
// search-terms.ts). Never change them here; a new rule for search words is a new version with its own
// upgrade. The folding of words is the text core's (lib/text) and is not copied: a change to it changes
// every stored word, and comes with a version that computes them all anew.
function foldedWords(text: string): string[] {
  const folded = foldForSearch(text);
  return folded ? [...new Set(folded.split(' '))] : [];
}

function searchTerms(entity: { name: string; aliases: readonly { text: string }[] }): string[] {
  return [...new Set([entity.name, ...entity.aliases.map((alias) => alias.text)].flatMap(foldedWords))];
}

/** An entity row as version 1 left it, as far as this upgrade reads and writes it. */
interface EntityV1 {
  name: string;
  aliases: { text: string }[];
  terms?: string[];
}

/**
 * The editor: search by any word of a name (terms), lists by kind or pack sorted by name (the
 * compound indexes, which also answer queries on kind or origin alone), the reader's edits
 * (editedAt), undo of deletes (trash); saved passages (annotations) and the statements made from
 * them (annotationId). Fewer index entries make imports faster: no query reads relations by type
 * or statements by date, and the aliases' primary key [entityId+text] answers queries by entityId.
 */
export const v2: SchemaVersion = {
  version: 2,
  stores: {
    entities: 'id, [kind+name], [origin+name], name, editedAt, *terms',
    aliases: '[entityId+text], key',
    relations: '++id, from, to, origin',
    statements: '++id, entity, origin, annotationId',
    annotations: 'id, url, entityId, createdAt, *tags, site',
    trash: '++id, deletedAt',
  },
  // Version 1 had no editor, so no entity was edited and nothing was deleted: only the search terms
  // must be computed.
  upgrade: (tx) =>
    tx
      .table('entities')
      .toCollection()
      .modify((entity: EntityV1) => {
        entity.terms = searchTerms(entity);
      }),
};
