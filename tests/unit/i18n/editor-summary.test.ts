import { afterEach, beforeEach, expect, it } from 'vitest';
import { setLanguage } from '../../../lib/i18n';
import { BackstoryDatabase } from '../../../lib/store/db';
import { checkDraft, loadDraft, saveEntity } from '../../../lib/store/editor';
import { importPack } from '../../../lib/store/packs';
import { smallPack } from '../store/fixture-pack';
import { kb } from '../store/kb-view';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`editor-summary-${++counter}`);
  await db.open();
  const pack = smallPack();
  const [first, ...rest] = pack.entities;
  await importPack(db, { ...pack, entities: [{ ...first!, summary: { en: 'President of Belarus.', ru: 'Президент Беларуси.' } }, ...rest] });
});

afterEach(() => setLanguage('en'));

it('the editor shows the summary in the reader’s language and saves it without losing the others', async () => {
  setLanguage('ru');
  const draft = (await loadDraft(db, 'lukashenka'))!;
  expect(draft.summary).toBe('Президент Беларуси.');
  const check = await checkDraft(db, { ...draft, summary: 'Президент Беларуси с 1994 года.' }, { isNew: false });
  expect(check.ok).toBe(true);
  if (!check.ok) return;
  await saveEntity(db, check.rows, { isNew: false, now: 9000 });
  expect((await kb(db).entity('lukashenka'))?.summary).toEqual({ en: 'President of Belarus.', ru: 'Президент Беларуси с 1994 года.' });
});
