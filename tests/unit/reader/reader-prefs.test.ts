import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDatabase } from '../../../lib/store/db';
import { DEFAULT_READER_PREFS, readReaderPrefs, writeReaderPrefs, type ReaderPrefs } from '../../../lib/store/reader-prefs';

let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  db = new BackstoryDatabase(`reader-prefs-${++counter}`);
  await db.open();
});

afterEach(() => db.close());

const stored = (value: unknown) => db.settings.put({ key: 'reader:prefs', value });
const MINE: ReaderPrefs = { fontSize: 24, lineHeight: 2, width: 'narrow', theme: 'sepia', font: 'dyslexic' };

describe('the reading settings in the store', () => {
  it('are the defaults until the reader changes them', async () => {
    expect(await readReaderPrefs(db)).toEqual(DEFAULT_READER_PREFS);
  });

  it('read back as written', async () => {
    expect(await writeReaderPrefs(db, MINE)).toEqual(MINE);
    expect(await readReaderPrefs(db)).toEqual(MINE);
    const next = { ...MINE, theme: 'dark' as const };
    await writeReaderPrefs(db, next);
    expect(await readReaderPrefs(db)).toEqual(next);
    expect(await db.settings.get('reader:prefs')).toEqual({ key: 'reader:prefs', value: next });
  });

  it('keep only the fields they know', async () => {
    await writeReaderPrefs(db, { ...MINE, extra: 'ignored' } as ReaderPrefs);
    expect((await db.settings.get('reader:prefs'))!.value).toEqual(MINE);
  });

  it.each([null, 'big', 42, [], true])('fall back to the defaults when the stored value is %j', async (value) => {
    await stored(value);
    expect(await readReaderPrefs(db)).toEqual(DEFAULT_READER_PREFS);
  });

  it('fall back field by field, keeping what still fits', async () => {
    await stored({ fontSize: 31, lineHeight: 1.6, width: 'huge', theme: 'dark', font: true, old: 1 });
    expect(await readReaderPrefs(db)).toEqual({ ...DEFAULT_READER_PREFS, lineHeight: 1.6, theme: 'dark' });
    await stored({ fontSize: '20', lineHeight: 1.5, theme: 'sepia' });
    expect(await readReaderPrefs(db)).toEqual({ ...DEFAULT_READER_PREFS, theme: 'sepia' });
    await stored({ fontSize: 17, width: 'wide' });
    expect(await readReaderPrefs(db)).toEqual({ ...DEFAULT_READER_PREFS, width: 'wide' });
  });

  it.each([
    [{ fontSize: 30 }, 'fontSize must be 14–28 px in steps of 2 (got 30)'],
    [{ fontSize: 12 }, 'fontSize must be 14–28 px in steps of 2 (got 12)'],
    [{ fontSize: 19 }, 'fontSize must be 14–28 px in steps of 2 (got 19)'],
    [{ fontSize: Number.NaN }, 'fontSize must be 14–28 px in steps of 2 (got NaN)'],
    [{ fontSize: '20' }, 'fontSize must be 14–28 px in steps of 2 (got "20")'],
    [{ lineHeight: 1.5 }, 'lineHeight must be one of 1.3, 1.6, 2 (got 1.5)'],
    [{ width: 'huge' }, 'width must be one of narrow, medium, wide (got "huge")'],
    [{ theme: 'neon' }, 'theme must be one of auto, light, sepia, dark (got "neon")'],
    [{ font: 'comic' }, 'font must be one of standard, dyslexic (got "comic")'],
  ])('refuse to write %j, storing nothing', async (patch, message) => {
    await writeReaderPrefs(db, MINE);
    await expect(writeReaderPrefs(db, { ...MINE, ...patch } as ReaderPrefs)).rejects.toThrow(message);
    expect(await readReaderPrefs(db)).toEqual(MINE);
  });

  it('refuse prefs with a field missing', async () => {
    const { font: _, ...partial } = MINE;
    await expect(writeReaderPrefs(db, partial as ReaderPrefs)).rejects.toThrow(/^Refused the reading settings: font /);
  });

  it('name every bad field in one refusal', async () => {
    await expect(writeReaderPrefs(db, { ...MINE, fontSize: 40, theme: 'neon' } as unknown as ReaderPrefs)).rejects.toThrow(
      /^Refused the reading settings: fontSize .*; theme /,
    );
  });

  it('accept every size of the range, and both ends', async () => {
    for (let fontSize = 14; fontSize <= 28; fontSize += 2) {
      await writeReaderPrefs(db, { ...MINE, fontSize });
      expect((await readReaderPrefs(db)).fontSize).toBe(fontSize);
    }
  });
});
