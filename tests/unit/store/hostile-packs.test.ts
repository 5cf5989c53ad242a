/**
 * Issue 13, "Every hostile input refused, with a reason, and nothing changed": pack files. Each case
 * imports the file as the options page does (the worker's job, or importPackText) into a database that
 * already holds a pack and the reader's own entity, and checks the reason shown and that every table
 * is as it was.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { runJob, type JobEvent } from '../../../lib/store/jobs';
import { parsePack } from '../../../lib/store/pack-validation';
import { importPack, importPackText, removePack, type PackImportOutcome } from '../../../lib/store/packs';
import { ensureBundledPack } from '../../../lib/store/starter-pack';
import { entityRow, USER_ORIGIN } from '../../../lib/store/rows';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`hostile-packs-${++counter}`);
  await importPack(db, smallPack(), { now: 1000 });
  // The reader's own entity and statement, as the editor and the save form write them.
  await db.entities.put(entityRow({ id: 'my-own', kind: 'person', name: 'My Own Person', aliases: ['Own'] }, USER_ORIGIN, { editedAt: 2000 }));
  await db.statements.add({ entity: 'my-own', text: 'Mine.', kind: 'quote', source: { title: 'Me' }, origin: USER_ORIGIN });
});

/** Every row of every table, to compare before and after. */
async function everything() {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/** Imports the text; expects a refusal and an unchanged database; returns the first problem. */
async function refused(text: string) {
  const before = await everything();
  const outcome = await importPackText(db, text);
  expect(outcome.ok).toBe(false);
  expect(await everything()).toEqual(before);
  return (outcome as Extract<PackImportOutcome, { ok: false }>).problems[0]!;
}

const json = (value: unknown) => JSON.stringify(value);
const entity = (overrides: Record<string, unknown>) => ({ id: 'x', kind: 'person', name: 'X', aliases: [], ...overrides });

describe('hostile pack files: refused with a reason, nothing changed', () => {
  it('not JSON: refused at $ as not JSON', async () => {
    expect(await refused('{"format": "backstory-pack", "id": ')).toMatchObject({ path: '$', message: expect.stringMatching(/^is not JSON/) });
  });

  it('100 MB: refused before the file is read, naming the limit', async () => {
    const text = vi.fn(() => Promise.reject(new Error('read a 100 MB file')));
    const file = { size: 100 * 1024 * 1024, type: 'application/json', text } as unknown as Blob;
    const before = await everything();
    const events: JobEvent[] = [];
    await runJob(db, { type: 'import', file }, (event) => events.push(event));
    expect(text).not.toHaveBeenCalled();
    expect(events).toEqual([
      { type: 'imported', outcome: { ok: false, problems: [{ path: '$', message: 'is 100 MB, over the limit of 80 MB for a pack file; it was not read' }] } },
    ]);
    expect(await everything()).toEqual(before);
  });

  it('200,000 levels of nesting: refused at $ before parsing, no stack overflow', async () => {
    const depth = 200_000;
    const deep = json(smallPack()).replace('"entities":', `"description":${'['.repeat(depth)}${']'.repeat(depth)},"entities":`);
    expect(await refused(deep)).toEqual({ path: '$', message: expect.stringMatching(/^nests objects or lists more than 64 levels deep/) });
    const deepObjects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(await refused(deepObjects)).toMatchObject({ path: '$', message: expect.stringMatching(/more than 64 levels deep/) });
  });

  it('a 5-million-character name: refused by its length limit at its JSON path', async () => {
    const pack = smallPack({ entities: [...smallPack().entities, entity({ name: 'N'.repeat(5_000_000) }) as never] });
    expect(await refused(json(pack))).toEqual({ path: '$.entities[5].name', message: 'is longer than its limit of 200 characters' });
  });

  it('__proto__ keys: refused as unknown fields, and no object gains properties', async () => {
    const top = json(smallPack()).replace('{', '{"__proto__":{"polluted":true,"version":999},');
    expect(await refused(top)).toEqual({ path: '$', message: 'has an unknown field "__proto__"' });
    const nested = json(smallPack()).replace('"entities":[{', '"entities":[{"__proto__":{"polluted":true},');
    expect(await refused(nested)).toEqual({ path: '$.entities[0]', message: 'has an unknown field "__proto__"' });
    const alias = json(smallPack()).replace('{"text":"Лукашенко"', '{"__proto__":{"shared":true},"text":"Лукашенко"');
    expect(await refused(alias)).toMatchObject({ path: '$.entities[0].aliases[2]' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('duplicate ids: refused at the second, naming the id', async () => {
    const pack = smallPack({ id: 'other-pack', entities: [...smallPack().entities, entity({ id: 'belarus' }) as never] });
    expect(await refused(json(pack))).toEqual({ path: '$.entities[5].id', message: 'repeats the id "belarus"' });
  });

  it('dangling relations: refused at the end that names no entity', async () => {
    const pack = smallPack({ id: 'other-pack', relations: [{ from: 'belarus', type: 'member_of', to: 'atlantis' }] });
    expect(await refused(json(pack))).toEqual({ path: '$.relations[0].to', message: 'names an unknown entity "atlantis"' });
  });

  it('the reserved id "user": refused at $.id, and the reader’s own entries stay', async () => {
    const pack = smallPack({ id: 'user', entities: [entity({ id: 'stranger' }) as never], relations: [], statements: [] });
    expect(await refused(json(pack))).toEqual({
      path: '$.id',
      message: 'is "user", which Backstory keeps for the origin of your own entries: give the pack another id',
    });
    expect(parsePack(json(pack)).ok).toBe(false);
    // Removing a pack "user" would take the reader's statements with it: there is none to remove.
    await expect(removePack(db, 'user')).rejects.toThrow('There is no pack "user" to remove');
    expect(await kb(db).entity('my-own')).toMatchObject({ name: 'My Own Person' });
    expect(await kb(db).statementsOf('my-own')).toMatchObject([{ text: 'Mine.' }]);
  });

  it('the bundled pack’s id is not reserved: a newer version of it imports', async () => {
    await ensureBundledPack(db, { ...smallPack({ id: 'post-soviet-politics', relations: [], statements: [] }) });
    const outcome = await importPackText(db, json(smallPack({ id: 'post-soviet-politics', version: 2, relations: [], statements: [] })));
    expect(outcome).toMatchObject({ ok: true, packId: 'post-soviet-politics' });
  });

  it('a javascript: source: refused at the source’s url', async () => {
    const source = { title: 'Click me', url: 'javascript:alert(document.domain)' };
    const inEntity = smallPack({ id: 'other-pack', entities: [entity({ sources: [source] }) as never], relations: [], statements: [] });
    expect(await refused(json(inEntity))).toEqual({ path: '$.entities[0].sources[0].url', message: 'must be a link starting with http:// or https://' });
    const inStatement = smallPack({ statements: [{ entity: 'belarus', text: 'Hi', kind: 'quote', source }] });
    expect(await refused(json(inStatement))).toEqual({ path: '$.statements[0].source.url', message: 'must be a link starting with http:// or https://' });
  });
});
