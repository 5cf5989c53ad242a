/**
 * Issue 13, "Every hostile input refused, with a reason, and nothing changed": annotation imports
 * (W3C Web Annotation and Hypothesis), run as the library's "Import annotations" runs them: the file
 * read (fromWebAnnotations), then the passages written (importAnnotations). A refused annotation is
 * named with its reason and the rest of the file is imported; a file that is entirely bad changes
 * nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toWebAnnotation } from '../../../lib/formats/web-annotation';
import { fromWebAnnotationFile, fromWebAnnotationText, fromWebAnnotations } from '../../../lib/formats/web-annotation-import';
import { importAnnotations } from '../../../lib/store/annotations';
import { BackstoryDatabase } from '../../../lib/store/db';
import { bareNote, statement } from '../formats/fixtures';

let db: BackstoryDatabase;
let counter = 0;

const ALREADY_SAVED = { ...bareNote, id: '11111111-2222-4333-8444-555555555555' };

beforeEach(async () => {
  db = new BackstoryDatabase(`hostile-annotations-${++counter}`);
  const { entityName: _n, ...row } = ALREADY_SAVED;
  await db.annotations.add(row);
});

async function everything() {
  return { annotations: await db.annotations.toArray(), statements: await db.statements.toArray() };
}

/** Imports the file's JSON as the library does; what it said, and what the library holds after. */
async function libraryImport(json: unknown) {
  const parsed = fromWebAnnotations(json, { now: 0, newId: () => crypto.randomUUID() });
  if ('error' in parsed) return { parsed };
  return { parsed, result: await importAnnotations(db, parsed.annotations) };
}

/** A W3C annotation of the good fixture, as another tool would give it: plain JSON. */
const good = () => JSON.parse(JSON.stringify(toWebAnnotation(statement))) as Record<string, any>;
const w3c = (overrides: Record<string, unknown>) => ({ ...good(), id: `urn:uuid:${crypto.randomUUID()}`, ...overrides });
const quoteTarget = (source: string, exact: string) => ({ source, selector: { type: 'TextQuoteSelector', exact } });
/** A Hypothesis annotation as its API and its client's export give it. */
const hypothesis = (overrides: Record<string, unknown>) => ({
  id: 'Kf3Xe2QzEe-abc123',
  created: '2024-06-01T10:00:00.000Z',
  uri: 'https://news.example/story',
  text: 'A comment',
  tags: ['one'],
  target: [{ source: 'https://news.example/story', selector: [{ type: 'TextQuoteSelector', exact: 'a quoted passage' }] }],
  document: { title: ['A story'] },
  ...overrides,
});

describe('hostile annotation files: refused with a reason, the rest imported, nothing half-written', () => {
  it('a 2-million-character quote: refused with its length and the limit', async () => {
    const huge = 'q'.repeat(2_000_000);
    const { parsed, result } = await libraryImport([w3c({ target: quoteTarget('https://news.example/a', huge) }), good()]);
    expect(parsed).toMatchObject({ refused: [{ index: 1, reason: 'its quote is 2,000,000 characters, over the limit of 20,000' }] });
    expect(result).toMatchObject({ added: 1 });
    expect((await db.annotations.toArray()).map((a) => a.quote.length)).toEqual(
      expect.arrayContaining([bareNote.quote.length, statement.quote.length]),
    );
    expect(await db.annotations.count()).toBe(2);
  });

  it('10,000 tags (Hypothesis): refused with the count and the limit', async () => {
    const tags = Array.from({ length: 10_000 }, (_, i) => `tag-${i}`);
    const before = await everything();
    const { parsed, result } = await libraryImport({ total: 1, rows: [hypothesis({ tags })] });
    expect(parsed).toMatchObject({ annotations: [], refused: [{ index: 1, reason: 'it has 10,000 tags, over the limit of 50' }] });
    expect(result).toMatchObject({ added: 0 });
    expect(await everything()).toEqual(before);
  });

  it('20,000 nested Choice bodies: refused with a reason, no RangeError', async () => {
    let body: unknown = { type: 'TextualBody', value: 'deep' };
    for (let i = 0; i < 20_000; i++) body = { type: 'Choice', items: [body] };
    const before = await everything();
    const { parsed } = await libraryImport([w3c({ body })]);
    expect(parsed).toMatchObject({ annotations: [], refused: [{ index: 1, reason: 'its body nests Choices more than 8 deep' }] });
    expect(await everything()).toEqual(before);
  });

  it('20,000 nested Choice bodies as a file: refused before it is parsed, naming the limit', () => {
    const text = `[{"type":"Annotation","target":"https://news.example/a","body":${'{"type":"Choice","items":['.repeat(20_000)}"x"${']}'.repeat(20_000)}}]`;
    expect(fromWebAnnotationText(text)).toEqual({ error: expect.stringMatching(/^The file nests objects or lists more than 64 levels deep/) });
  });

  it('an id already used under another URL: that passage refused with the reason, the saved one kept, the rest imported', async () => {
    const clash = w3c({ id: `urn:uuid:${ALREADY_SAVED.id}`, target: quoteTarget('https://elsewhere.example/other', 'Another passage') });
    const fresh = good();
    const { result } = await libraryImport([clash, fresh]);
    expect(result).toEqual({
      added: 1,
      duplicates: 0,
      unattributed: 1,
      refused: [
        {
          id: ALREADY_SAVED.id,
          url: 'https://elsewhere.example/other',
          reason: `its id ${ALREADY_SAVED.id} is already that of a passage saved on ${bareNote.url}`,
        },
      ],
    });
    expect(await db.annotations.get(ALREADY_SAVED.id)).toMatchObject({ url: bareNote.url, quote: bareNote.quote });
    expect(await db.annotations.get(statement.id)).toMatchObject({ quote: statement.quote });
  });

  it('a write that fails leaves nothing half-written, with a clear message', async () => {
    const before = await everything();
    const failing = vi.spyOn(db.statements, 'bulkAdd').mockRejectedValueOnce(Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' }));
    const parsed = fromWebAnnotations([good()]);
    if ('error' in parsed) throw new Error(parsed.error);
    await expect(importAnnotations(db, parsed.annotations)).rejects.toThrow('Nothing was imported: the browser has no room left for Backstory’s data');
    failing.mockRestore();
    expect(await everything()).toEqual(before);
  });

  it('javascript: targets (W3C and Hypothesis): left out with the reason, nothing stored', async () => {
    const before = await everything();
    const { parsed, result } = await libraryImport([
      w3c({ target: quoteTarget('javascript:alert(document.cookie)', 'Click me') }),
      hypothesis({ uri: 'javascript:alert(1)', target: [{ source: 'javascript:alert(1)', selector: [{ type: 'TextQuoteSelector', exact: 'Click' }] }] }),
    ]);
    expect(parsed).toMatchObject({
      annotations: [],
      skipped: [
        { index: 1, reason: 'it is not on a web page ("javascript:alert(document.cookie)")' },
        { index: 2, reason: 'it is not on a web page ("javascript:alert(1)")' },
      ],
    });
    expect(result).toMatchObject({ added: 0 });
    expect(await everything()).toEqual(before);
  });

  it('a file that is entirely bad changes nothing', async () => {
    const before = await everything();
    const { parsed, result } = await libraryImport([
      w3c({ target: quoteTarget('https://news.example/a', 'q'.repeat(20_001)) }),
      hypothesis({ text: 'c'.repeat(10_001) }),
      hypothesis({ tags: ['t'.repeat(101)] }),
    ]);
    expect(parsed).toMatchObject({
      annotations: [],
      refused: [
        { index: 1, reason: 'its quote is 20,001 characters, over the limit of 20,000' },
        { index: 2, reason: 'its comment is 10,001 characters, over the limit of 10,000' },
        { index: 3, reason: 'its tag "ttttttttttttttttttttttttttttttttttttt…" is 101 characters, over the limit of 100' },
      ],
    });
    expect(result).toMatchObject({ added: 0, duplicates: 0 });
    expect(await everything()).toEqual(before);
  });

  it('a file over the size limit: refused before it is read, naming the limit', async () => {
    const text = vi.fn(() => Promise.reject(new Error('read a 300 MB file')));
    const file = { size: 300 * 1024 * 1024, text } as unknown as Blob;
    expect(await fromWebAnnotationFile(file)).toEqual({ error: 'The file is 300 MB, over the limit of 200 MB for an annotation file; it was not read.' });
    expect(text).not.toHaveBeenCalled();
  });

  it('long page metadata and selector context are cut to their limits, not refused', async () => {
    const long = w3c({
      target: { source: { id: 'https://news.example/long', 'dc:title': 'T'.repeat(5000) }, selector: { type: 'TextQuoteSelector', exact: 'Fine', prefix: 'p'.repeat(1000) } },
    });
    const parsed = fromWebAnnotations([long]);
    if ('error' in parsed) throw new Error(parsed.error);
    const [annotation] = parsed.annotations;
    expect(annotation!.title).toHaveLength(1000);
    expect(annotation!.selectors[0]).toMatchObject({ prefix: 'p'.repeat(200) });
  });
});
