import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAnnotation, saveAnnotation } from '../../../lib/store/annotations';
import { BackstoryDatabase } from '../../../lib/store/db';
import { checkDraft, loadDraft, saveEntity, type EntityDraft } from '../../../lib/store/editor';
import { importPack } from '../../../lib/store/packs';
import { smallPack } from './fixture-pack';
import { kb } from './kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`stale-editor-${++counter}`);
  await db.open();
  await importPack(db, smallPack());
});

/** An editor opened now on `id`: what it loaded, and its Save button with the reader's changes. */
async function openEditor(id: string) {
  const draft = (await loadDraft(db, id))!;
  return async (change: Partial<EntityDraft>) => {
    const check = await checkDraft(db, { ...draft, ...change }, { isNew: false });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return saveEntity(db, check.rows, { isNew: false, now: 9000 });
  };
}

/** Saves a passage from a page as Lukashenka's quote, as the save form does. */
const saveQuote = (quote: string) =>
  saveAnnotation(db, {
    url: 'https://news.example/a',
    title: 'Talks resume',
    quote,
    selectors: [{ type: 'TextQuoteSelector', exact: quote }],
    entityId: 'lukashenka',
    tags: [],
  });

const statementTexts = async () => (await kb(db).statementsOf('lukashenka')).map((s) => s.text).sort();

describe('saving from an editor opened before other changes', () => {
  it('keeps a quote saved as a statement while the editor was open', async () => {
    const save = await openEditor('lukashenka');
    await saveQuote('We will not give up an inch.');
    await save({ summary: 'President of Belarus.' });
    expect(await statementTexts()).toEqual(['Newer statement.', 'Older statement.', 'Undated statement.', 'We will not give up an inch.']);
    const quote = (await kb(db).statementsOf('lukashenka')).find((s) => s.text === 'We will not give up an inch.');
    expect(quote?.annotationId).toBeTruthy();
    expect((await kb(db).entity('lukashenka'))?.summary).toBe('President of Belarus.');
  });

  it('keeps a passage deleted from the library while the editor was open deleted', async () => {
    const saved = await saveQuote('Passage deleted later.');
    const save = await openEditor('lukashenka');
    await deleteAnnotation(db, saved.id);
    await save({ summary: 'President of Belarus.' });
    expect(await statementTexts()).toEqual(['Newer statement.', 'Older statement.', 'Undated statement.']);
  });

  it('merges an edit of another field made in another window', async () => {
    const first = await openEditor('lukashenka');
    const second = await openEditor('lukashenka');
    await second({ summary: 'Changed in the other window.' });
    await first({ name: 'Aliaksandr Lukashenka' });
    const entity = await kb(db).entity('lukashenka');
    expect([entity?.name, entity?.summary]).toEqual(['Aliaksandr Lukashenka', 'Changed in the other window.']);
  });

  it('refuses an edit of a field changed meanwhile, with a clear message, and changes nothing', async () => {
    const first = await openEditor('lukashenka');
    const second = await openEditor('lukashenka');
    await second({ summary: 'Changed in the other window.' });
    await saveQuote('Saved meanwhile.');
    const before = await kb(db).all();
    await expect(first({ summary: 'Changed here.', name: 'Aliaksandr Lukashenka' })).rejects.toThrow(
      /^This entity changed since you opened it \(its summary changed elsewhere too\)\. Nothing was saved/,
    );
    expect(await kb(db).all()).toEqual(before);
    expect((await kb(db).entity('lukashenka'))?.summary).toBe('Changed in the other window.');
  });
});
