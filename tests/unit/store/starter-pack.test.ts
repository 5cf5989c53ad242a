import { describe, expect, it } from 'vitest';
import starterPack from '../../../public/packs/post-soviet-politics.json';
import { validate } from '../../../lib/store/generated/validate-pack.js';
import { checkPack, type Pack } from '../../../lib/store/pack-validation';
import { aliasObject } from '../../../lib/store/rows';
import { foldForSearch } from '../../../lib/text';

const pack = starterPack as Pack;
const byId = new Map(pack.entities.map((e) => [e.id, e]));

describe('the starter pack, post-Soviet politics', () => {
  it('validates against the pack schema', () => {
    expect(validate(starterPack), JSON.stringify(validate.errors)).toBe(true);
  });

  it('passes every check an import makes, with no entity from elsewhere', () => {
    const check = checkPack(starterPack);
    expect(check.ok ? [] : check.problems).toEqual([]);
  });

  it('has relations whose both ends are entities of the pack', () => {
    const dangling = (pack.relations ?? []).filter((r) => !byId.has(r.from) || !byId.has(r.to));
    expect(dangling).toEqual([]);
  });

  it('has statements each made by an entity of the pack', () => {
    expect((pack.statements ?? []).filter((s) => !byId.has(s.entity))).toEqual([]);
  });

  it('names a country entity wherever it gives a country', () => {
    const wrong = pack.entities.filter((e) => e.country && byId.get(e.country)?.kind !== 'country').map((e) => `${e.id} → ${e.country}`);
    expect(wrong).toEqual([]);
  });

  it('gives no two entities the same alias, folded, unless both mark it as shared', () => {
    expect(aliasClashes(pack.entities)).toEqual([]);
  });
});

/** "ivanov: a, b (shared)" for every folded alias two entities carry without both marking it shared. */
function aliasClashes(entities: Pack['entities']): string[] {
  const holders = new Map<string, { id: string; shared: boolean }[]>();
  for (const entity of entities) {
    const seen = new Set<string>();
    for (const alias of entity.aliases.map(aliasObject)) {
      const key = foldForSearch(alias.text);
      if (seen.has(key)) continue;
      seen.add(key);
      holders.set(key, [...(holders.get(key) ?? []), { id: entity.id, shared: alias.shared === true }]);
    }
  }
  return [...holders]
    .filter(([, holding]) => holding.length > 1 && holding.some((e) => !e.shared))
    .map(([alias, holding]) => `${alias}: ${holding.map((e) => `${e.id}${e.shared ? ' (shared)' : ''}`).join(', ')}`);
}

describe('the shared-alias rule', () => {
  const person = (id: string, ...aliases: Pack['entities'][number]['aliases']) => ({ id, kind: 'person' as const, name: id, aliases });
  it.each([
    ['a clash', [person('a', 'Ivanov'), person('b', 'Ivanov')], ['ivanov: a, b']],
    ['a clash in another case and spelling of marks', [person('a', 'IVANOV'), person('b', 'Ivánov')], ['ivanov: a, b']],
    ['a clash marked shared on one side only', [person('a', 'Ivanov'), person('b', { text: 'Ivanov', shared: true })], ['ivanov: a, b (shared)']],
    ['an alias shared on both sides', [person('a', { text: 'Ivanov', shared: true }), person('b', { text: 'ivanov', shared: true })], []],
    ['one entity repeating its alias', [person('a', 'Ivanov', 'IVANOV')], []],
    ['different aliases', [person('a', 'Ivanov'), person('b', 'Ivanova')], []],
  ])('finds %s', (_label, entities, clashes) => {
    expect(aliasClashes(entities)).toEqual(clashes);
  });
});
