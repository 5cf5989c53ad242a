import { it } from 'vitest';
import { Matcher, indexKey, lookupKeys, mayOccurIn } from '../../../lib/text';
it('probe', () => {
  const aliases = [
    { entityId: 'usa', text: 'U.S.' },
    { entityId: 'uk', text: 'U.K.' },
    { entityId: 'un', text: 'U.N.' },
    { entityId: 'ussr', text: 'U.S.S.R.' },
    { entityId: 'spb', text: 'St. Petersburg' },
    { entityId: 'luk', text: 'Lukashenka' },
    { entityId: 'dc', text: 'Washington, D.C.' },
    { entityId: 'ee', text: 'EE. UU.' },
    { entityId: 'lc', text: 'u.s.', caseSensitive: false },
  ];
  const m = new Matcher(aliases);
  const texts = [
    'left the U.S.', 'left the U.S.\u00a0', 'the U.S.', '“the U.S.”', '(U.S.)', 'U.S.A.', 'U.S.A', 'the U.S.S.R.', 'U. S. troops', 'U.S troops', 'U.S.-led',
    'U.S.1', 'U.S..', 'U.S.…', 'U.S．', 'U.S.\u200b', 'US', 'us', 'u.s.', 'u.S.', 'met Lukashenka.', 'Lukashenka.Then', 'in Washington, D.C.', 'in Washington, D.C., said',
    'St Petersburg', 'St.Petersburg', 'st. petersburg', 'St. Petersburg’s', 'EE.UU.', 'EE. UU. y', 'U.S.’s', 'non-U.S. firms', 'U.S./U.K.', 'U.S.U.K.',
    'the U.\u00adS.', 'the U.S.\u00ad', 'A.U.S.', 'X.U.S.', 'U.S.s',
  ];
  for (const t of texts) {
    const keys = new Set(lookupKeys([t]));
    const cand = aliases.filter((a) => keys.has(indexKey(a)) && mayOccurIn(a, keys));
    console.log(JSON.stringify(t), m.findAll(t).map((x) => `${t.slice(x.start, x.end)}=${x.entityIds}`).join(' | '), new Matcher(cand).findAll(t).length);
  }
});
