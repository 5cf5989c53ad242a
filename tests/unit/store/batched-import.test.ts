import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { Pack } from '../../../lib/store/pack-validation';
import { importPack, importPackText } from '../../../lib/store/packs';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';
import { readAll } from '../../../lib/store/pack-parts';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`batched-${++counter}`);
  await db.open();
});

/** A pack of `n` people, each with 3 aliases, 2 relations and 1 statement, as the scale benchmark makes them. */
function generatedPack(n: number, version = 1): Pack {
  const ids = Array.from({ length: n }, (_, i) => `person-${i}`);
  return {
    format: 'backstory-pack',
    version,
    id: 'generated',
    entities: ids.map((id, i) => ({ id, kind: 'person', name: `Person ${i}`, aliases: [`P${i}`, `Persona ${i}`, `Персона ${i}`] })),
    relations: ids.flatMap((id, i) => [
      { from: id, type: 'member_of', to: ids[(i + 1) % n] },
      { from: id, type: 'allied_with', to: ids[(i + 2) % n] },
    ]),
    statements: ids.map((id, i) => ({ entity: id, text: `Statement ${i} (v${version}).`, kind: 'paraphrase', source: { title: `Source ${i}` } })),
  };
}

/** What the knowledge base shows: entities, the aliases filed for pages, relations and statements. */
const counts = async () => {
  const { relations, statements } = await kb(db).all();
  const filed = (await db.packs.toArray()).length ? await readAll(db.packParts, 'generated', 'a') : [];
  return { entities: await kb(db).count(), aliases: filed.length + (await db.aliases.count()), relations: relations.length, statements: statements.length };
};

describe('importing a large pack in batches', () => {
  it('writes every row, reporting progress in entities after each batch', async () => {
    const progress: [number, number][] = [];
    const result = await importPack(db, generatedPack(120), { batchSize: 50, onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toMatchObject({ entities: 120, relations: 240, statements: 120 });
    expect(progress).toEqual([
      [0, 120],
      [50, 120],
      [100, 120],
      [120, 120],
    ]);
    // Each person: the name and three aliases, and the one Latin spelling of Персона that no alias
    // gives already (Belarusian 2007 and Łacinka: Piersona).
    expect(await counts()).toEqual({ entities: 120, aliases: 600, relations: 240, statements: 120 });
  });

  it('writes nothing at all when a later batch fails, and keeps the earlier version whole', async () => {
    await importPack(db, generatedPack(120), { batchSize: 50 });
    const before = await counts();
    let calls = 0;
    const failing = importPack(db, generatedPack(120, 2), {
      batchSize: 50,
      onProgress: () => {
        if (++calls === 3) throw new Error('the tab was closed');
      },
    });
    await expect(failing).rejects.toThrow('the tab was closed');
    expect(await counts()).toEqual(before);
    expect((await kb(db).statementsOf('person-0')).map((s) => s.text)).toEqual(['Statement 0 (v1).']);
    expect((await db.packs.get('generated'))?.version).toBe(1);
  });

  it('checks the whole file before writing: a bad row near the end means nothing is written', async () => {
    const pack = generatedPack(120);
    pack.statements![119] = { ...pack.statements![119], source: { title: 'S', url: 'ftp://example.org' } };
    const outcome = await importPackText(db, JSON.stringify(pack));
    expect(outcome).toEqual({ ok: false, problems: [{ path: '$.statements[119].source.url', message: 'must be a link starting with http:// or https://' }] });
    expect(await counts()).toEqual({ entities: 0, aliases: 0, relations: 0, statements: 0 });
    expect(await db.packs.count()).toBe(0);
  });

  it('accepts a pack whose relations point at entities of the database', async () => {
    await importPack(db, smallPack());
    const outcome = await importPackText(
      db,
      JSON.stringify({ format: 'backstory-pack', version: 1, id: 'more', entities: [], relations: [{ from: 'armenia', type: 'left', to: 'csto', since: '2026' }] }),
    );
    expect(outcome).toMatchObject({ ok: true, packId: 'more', result: { entities: 0, relations: 1 } });
  });
});
