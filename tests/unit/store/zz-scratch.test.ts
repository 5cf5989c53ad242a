import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BackstoryDatabase } from '../../../lib/store/db';
import { AliasKeySet } from '../../../lib/store/alias-keys';
import { importPack } from '../../../lib/store/packs';
import { findCandidates } from '../../../lib/store/queries';
import { Matcher, lookupKeysOf, pageWordsOf } from '../../../lib/text';

it('scratch', async () => {
  const db = new BackstoryDatabase('scratch');
  await db.open();
  for (const f of ['assets/packs/post-soviet-politics.json', 'tests/corpus/packs/corpus-news.json'])
    console.log(await importPack(db, JSON.parse(readFileSync(f, 'utf8'))));
  const texts = ['Troops left the U.S. on Monday.', 'They left the U.S.', 'The U.N. and the U.S.S.R. met in St. Petersburg.', 'In EE.UU. y EE. UU. hoy.', 'US troops and the U.K.'];
  const keys = lookupKeysOf(pageWordsOf(texts));
  const c = await findCandidates(db, keys, new AliasKeySet());
  console.log(keys, c.aliases.map((a) => a.text));
  const m = new Matcher(c.aliases);
  for (const t of texts) console.log(t, JSON.stringify(m.findAll(t)));
});
