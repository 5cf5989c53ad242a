import { beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { AnnotationInput } from '../../../lib/messages';
import { deleteAnnotation, importAnnotations, isoDay, restoreAnnotation, saveAnnotation, updateAnnotation } from '../../../lib/store/annotations';
import { importPack } from '../../../lib/store/packs';
import { statementsCsv } from '../../../lib/store/export';
import { loadDossier } from '../../../lib/store/queries';
import { smallPack } from '../store/fixture-pack';

let db: BackstoryDatabase;
let counter = 0;

const input = (overrides: Partial<AnnotationInput> = {}): AnnotationInput => ({
  url: 'https://news.example/story',
  title: 'Minsk rebukes its allies',
  site: 'News Example',
  published: '2024-08-21T09:00:00Z',
  quote: 'Who needs Armenians besides us?',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Who needs Armenians besides us?', prefix: 'He said: ', suffix: ' The remark' },
    { type: 'TextPositionSelector', start: 120, end: 151 },
  ],
  entityId: 'lukashenka',
  tags: ['armenia'],
  ...overrides,
});

beforeEach(async () => {
  db = new BackstoryDatabase(`annotations-${++counter}`);
  await importPack(db, smallPack());
});

describe('saving a passage', () => {
  it('stores it and makes it a dated, sourced quote among the person’s past statements', async () => {
    const saved = await saveAnnotation(db, input(), 1000, 'a1');
    expect(saved).toMatchObject({ id: 'a1', createdAt: 1000, updatedAt: 1000 });
    const dossier = (await loadDossier(db, 'lukashenka'))!;
    expect(dossier.statements.find((s) => s.annotationId === 'a1')).toMatchObject({
      text: 'Who needs Armenians besides us?',
      kind: 'quote',
      date: '2024-08-21',
      source: { title: 'Minsk rebukes its allies', url: 'https://news.example/story', publisher: 'News Example' },
      origin: 'user',
      annotationId: 'a1',
    });
  });

  it('keeps a note (no entity) out of every dossier', async () => {
    await saveAnnotation(db, input({ entityId: undefined }), 1000, 'n1');
    expect(await db.statements.where('annotationId').equals('n1').count()).toBe(0);
    expect(await db.annotations.count()).toBe(1);
  });

  it('refuses an entity the knowledge base does not hold, and writes nothing', async () => {
    await expect(saveAnnotation(db, input({ entityId: 'nobody' }))).rejects.toThrow(/no longer in your knowledge base/);
    expect(await db.annotations.count()).toBe(0);
  });

  const days: [string | undefined, string | undefined][] = [
    ['2024-08-21', '2024-08-21'],
    ['2024-08-21T23:30:00+03:00', '2024-08-21'],
    ['August 21, 2024', '2024-08-21'],
    ['yesterday', undefined],
    [undefined, undefined],
  ];
  it.each(days)('dates the statement %s as %s', (published, day) => {
    expect(isoDay(published)).toBe(day);
  });
});

describe('editing and deleting', () => {
  it('moves the statement when the passage is attributed to someone else, and drops it for a note', async () => {
    await saveAnnotation(db, input(), 1000, 'a1');
    await db.entities.add({ id: 'pashinyan', kind: 'person', name: 'Nikol Pashinyan', aliases: [], origin: 'user', terms: [] });
    await updateAnnotation(db, 'a1', { entityId: 'pashinyan', tags: ['armenia', 'csto'], comment: 'Reply?' }, 2000);
    expect((await db.statements.where('annotationId').equals('a1').toArray()).map((s) => s.entity)).toEqual(['pashinyan']);
    expect(await db.annotations.get('a1')).toMatchObject({ entityId: 'pashinyan', tags: ['armenia', 'csto'], comment: 'Reply?', updatedAt: 2000 });
    await updateAnnotation(db, 'a1', { entityId: null });
    expect(await db.statements.where('annotationId').equals('a1').count()).toBe(0);
  });

  it('deletes a passage with its statement, and undo puts both back', async () => {
    await saveAnnotation(db, input(), 1000, 'a1');
    const removed = (await deleteAnnotation(db, 'a1'))!;
    expect(await db.annotations.count()).toBe(0);
    expect(await db.statements.where('annotationId').equals('a1').count()).toBe(0);
    await restoreAnnotation(db, removed);
    expect(await db.annotations.get('a1')).toEqual(removed.annotation);
    expect(await db.statements.where('annotationId').equals('a1').count()).toBe(1);
  });
});

describe('importing passages', () => {
  it('adds new ones without duplicating what is there, and keeps unknown attributions as notes', async () => {
    await saveAnnotation(db, input(), 1000, 'a1');
    const row = { ...input(), id: 'other-id', createdAt: 5, updatedAt: 5 };
    const fresh = { ...input({ quote: 'Another line.', selectors: [{ type: 'TextQuoteSelector' as const, exact: 'Another line.' }], entityId: 'ghost' }), id: 'b2', createdAt: 6, updatedAt: 6 };
    expect(await importAnnotations(db, [row, fresh])).toEqual({ added: 1, duplicates: 1, unattributed: 1, refused: [] });
    expect((await db.annotations.get('b2'))?.entityId).toBeUndefined();
    expect(await db.annotations.count()).toBe(2);
  });
});

describe('a saved quote in the statements CSV', () => {
  it('goes out as text, not as a live spreadsheet formula', async () => {
    const quote = '=HYPERLINK("http://evil.example","click")';
    await saveAnnotation(db, input({ quote, selectors: [{ type: 'TextQuoteSelector', exact: quote }] }), 1000, 'a1');
    const csv = await statementsCsv(db, 'user');
    // The apostrophe makes spreadsheets read the cell as text; without it the cell is a formula.
    expect(csv).toContain(
      `lukashenka,Alexander Lukashenka,quote,"'=HYPERLINK(""http://evil.example"",""click"")",2024-08-21,Minsk rebukes its allies,https://news.example/story,News Example,user\r\n`,
    );
  });
});
