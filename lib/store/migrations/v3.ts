import { forEachToken } from '../../text/tokenize';
import type { SchemaVersion } from './version';

// Frozen as of schema version 3: the key an alias is filed under (then lib/text indexKey), the id of
// the reader's row of keys and how a row lists its keys (then alias-keys.ts). Never change them here;
// a new way of filing is a new version with its own upgrade. The folding of words is the text core's
// and is not copied: a change to it changes every key, and comes with a version that files them anew.
const READER_KEYS = '#reader';

/** The alias's last word, folded ('' for an alias with no word in it). */
function indexKey(alias: { text: string }): string {
  let key = '';
  forEachToken(alias.text ?? '', (folded) => {
    key = folded;
  });
  return key;
}

function joinKeys(keys: Iterable<string>): string {
  return [...new Set(keys)].filter(Boolean).join('\n');
}

/** An alias row as version 2 left it, as far as this upgrade reads and writes it. */
interface AliasV2 {
  text: string;
  key: string;
}

/**
 * Aliases are filed under their last word instead of their first (see lib/text indexKey): a large
 * knowledge base shares given names far more than surnames. Only the keys change. The list of every
 * key (aliasKeys, see alias-keys.ts) lets the background skip the words of a page that name nothing
 * before it asks the index.
 */
export const v3: SchemaVersion = {
  version: 3,
  stores: { aliasKeys: 'id' },
  upgrade: async (tx) => {
    const keys = new Set<string>();
    await tx
      .table('aliases')
      .toCollection()
      .modify((alias: AliasV2) => {
        alias.key = indexKey(alias);
        keys.add(alias.key);
      });
    await tx.table('aliasKeys').put({ id: READER_KEYS, keys: joinKeys(keys) });
  },
};
