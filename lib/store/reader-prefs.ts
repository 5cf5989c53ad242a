/**
 * How the reader likes the reading mode to look: kept in the settings table under one key, so the
 * choice follows them from article to article. Read leniently (a value from an older version or a hand
 * edit loses only the fields that no longer fit) and written strictly (a bad value is a bug upstream).
 */
import * as v from 'valibot';
import type { BackstoryDatabase } from './db';

const KEY = 'reader:prefs';

export const READER_FONT_SIZE = { min: 14, max: 28, step: 2 } as const;
export const READER_LINE_HEIGHTS = [1.3, 1.6, 2] as const;
export const READER_WIDTHS = ['narrow', 'medium', 'wide'] as const;
/** `auto` follows the system's light or dark preference. */
export const READER_THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
/** Named as the reader's `data-font` attribute takes it, so the page sets it as it stands. */
export const READER_FONTS = ['standard', 'dyslexic'] as const;

const { min, max, step } = READER_FONT_SIZE;

const sizeRule = `must be ${min}–${max} px in steps of ${step}`;

const Fields = {
  fontSize: v.pipe(
    v.number(sizeRule),
    v.check((size) => Number.isInteger(size) && size >= min && size <= max && (size - min) % step === 0, sizeRule),
  ),
  lineHeight: v.picklist(READER_LINE_HEIGHTS, `must be one of ${READER_LINE_HEIGHTS.join(', ')}`),
  width: v.picklist(READER_WIDTHS, `must be one of ${READER_WIDTHS.join(', ')}`),
  theme: v.picklist(READER_THEMES, `must be one of ${READER_THEMES.join(', ')}`),
  font: v.picklist(READER_FONTS, `must be one of ${READER_FONTS.join(', ')}`),
};

const ReaderPrefsSchema = v.object(Fields);
export type ReaderPrefs = v.InferOutput<typeof ReaderPrefsSchema>;
export type ReaderWidth = ReaderPrefs['width'];
export type ReaderTheme = ReaderPrefs['theme'];
export type ReaderLineHeight = ReaderPrefs['lineHeight'];

export const DEFAULT_READER_PREFS: Readonly<ReaderPrefs> = Object.freeze({
  fontSize: 18,
  lineHeight: 1.6,
  width: 'medium',
  theme: 'auto',
  font: 'standard',
});

/** Each stored field that still fits, the default for each that does not. */
function lenient(stored: unknown): ReaderPrefs {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const prefs: Record<string, unknown> = { ...DEFAULT_READER_PREFS };
  for (const [name, schema] of Object.entries(Fields)) {
    const result = v.safeParse(schema, record[name]);
    if (result.success) prefs[name] = result.output;
  }
  return prefs as ReaderPrefs;
}

// JSON quotes a string, so a stray space shows; but it writes NaN as null.
const shown = (value: unknown) => (typeof value === 'number' ? String(value) : JSON.stringify(value));

export async function readReaderPrefs(db: BackstoryDatabase): Promise<ReaderPrefs> {
  const row = await db.settings.get(KEY);
  return lenient(row?.value);
}

/** Stores the prefs and returns them as stored; throws, storing nothing, if any field is out of range. */
export async function writeReaderPrefs(db: BackstoryDatabase, prefs: ReaderPrefs): Promise<ReaderPrefs> {
  const result = v.safeParse(ReaderPrefsSchema, prefs);
  if (!result.success) {
    const problems = result.issues.map((issue) => `${v.getDotPath(issue) ?? 'prefs'} ${issue.message} (got ${shown(issue.input)})`);
    throw new Error(`Refused the reading settings: ${problems.join('; ')}`);
  }
  await db.settings.put({ key: KEY, value: result.output });
  return result.output;
}
