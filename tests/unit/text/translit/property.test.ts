// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The word list (an-array-of-english-words, MIT licence): some 275,000 English words in lower case.
import englishWords from 'an-array-of-english-words';
import starterPack from '../../../../public/packs/post-soviet-politics.json';
import { generatedAliases, matchKey, romanisationsOf, type EntityAliases } from '../../../../lib/text/translit/generate';

const ENGLISH = new Set(englishWords as string[]);

function entitiesOf(pack: { entities: { id: string; kind: string; name: string; country?: string; aliases: (string | { text: string; shared?: boolean })[] }[] }): EntityAliases[] {
  return pack.entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    country: e.country,
    names: [...e.aliases.map((a) => (typeof a === 'string' ? { text: a } : a)), { text: e.name }],
  }));
}

/** Where a generated alias could match for another entity (or, with `english`, is an English word). */
function collisions(entities: EntityAliases[], { english }: { english: boolean }): string[] {
  const givenBy = new Map<string, Set<string>>();
  for (const e of entities) for (const n of e.names) givenBy.set(matchKey(n.text), (givenBy.get(matchKey(n.text)) ?? new Set()).add(e.id));
  const generated = generatedAliases(entities);
  const generatedBy = new Map<string, string[]>();
  for (const [id, list] of generated) for (const a of list) generatedBy.set(matchKey(a.text), [...(generatedBy.get(matchKey(a.text)) ?? []), id]);
  const found: string[] = [];
  for (const [id, list] of generated) {
    for (const alias of list) {
      const key = matchKey(alias.text);
      const others = [...(givenBy.get(key) ?? [])].filter((other) => other !== id);
      if (others.length) found.push(`${alias.text} (${id}) is an alias of ${others.join(', ')}`);
      if (generatedBy.get(key)!.length > 1) found.push(`${alias.text} generated for ${generatedBy.get(key)!.join(', ')}`);
      if (english && !key.includes(' ') && (ENGLISH.has(key) || ENGLISH.has(alias.text.toLowerCase()))) found.push(`${alias.text} (${id}) is an English word`);
    }
  }
  return found;
}

describe('generated spellings never make a match across entities', () => {
  const starter = entitiesOf(starterPack);

  it('in the starter pack: no generated alias is another entity’s alias, generated for two, or an English word', () => {
    const generated = generatedAliases(starter);
    expect([...generated.values()].flat().length).toBeGreaterThan(500);
    expect(collisions(starter, { english: true })).toEqual([]);
  });

  it('leaves out a spelling that is an English word (Путин in the French press, "poutine")', () => {
    expect(romanisationsOf({ text: 'Путин' }).map((r) => r.text)).toContain('Poutine');
    const putin = generatedAliases(starter).get('vladimir-putin')!.map((a) => a.text);
    expect(putin).toContain('Putyn');
    expect(putin).not.toContain('Poutine');
  });

  it('leaves out a spelling two entities would share', () => {
    // Belarusian Бабарыка and Russian Бабарико: the Ukrainian reading of the second is Babaryko, which
    // a made-up Бабарыко would also give.
    const generated = generatedAliases([
      { id: 'a', names: [{ text: 'Бабарико' }] },
      { id: 'b', names: [{ text: 'Бабарыко' }] },
    ]);
    // uk-2010 reads и as y (Babaryko for a), every table reads ы as y (Babaryko for b): neither gets it.
    expect(generated.get('a')!.map((g) => g.text)).toEqual(['Babariko']);
    expect(generated.get('b')).toBeUndefined();
  });

  it('for any entities with Cyrillic names, they never share a spelling (property)', () => {
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўїєґқғңөұүә';
    const word = fc.array(fc.constantFrom(...letters), { minLength: 3, maxLength: 9 }).map((l) => l.join(''));
    const name = fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join(' '));
    const entity = fc.record({ names: fc.array(name, { minLength: 1, maxLength: 3 }), country: fc.constantFrom(undefined, 'kazakhstan', 'belarus') });
    fc.assert(
      fc.property(fc.array(entity, { minLength: 2, maxLength: 6 }), (drafts) => {
        const entities = drafts.map((d, i) => ({ id: `e${i}`, country: d.country, names: d.names.map((text) => ({ text })) }));
        expect(collisions(entities, { english: false })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
