import type { SavedAnnotation } from '../library/saved-annotation';

export interface CsvOptions {
  /**
   * Starts the file with a UTF-8 byte order mark (default true). Excel reads a CSV file without one in
   * the system's legacy code page, which turns every accented or Cyrillic name into mojibake; other
   * spreadsheets and CSV readers skip the mark.
   */
  byteOrderMark?: boolean;
}

export const CSV_COLUMNS = [
  'Saved (UTC)', 'Entity', 'Quote', 'Comment', 'Tags', 'Title', 'Site', 'Author', 'Published', 'URL',
] as const;

/** "2024-05-12 09:15:00": a form every spreadsheet reads as a date and time. */
const savedAt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A cell as RFC 4180 writes it, made inert for spreadsheets. A cell starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before them) is read by Excel, LibreOffice and Google
 * Sheets as a formula, and a formula can fetch URLs or run commands when the file is opened: quotes,
 * titles and comments come from web pages and so from anyone. An apostrophe before such a cell makes
 * it text (spreadsheets show the rest); the cost is a visible apostrophe in programs that are not
 * spreadsheets.
 */
export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Records as RFC 4180 CSV, every cell guarded by csvCell: fields quoted where needed, quotes doubled,
 * every record (the last too) ended by CRLF. Every CSV Backstory writes goes through here.
 */
export function csvRecords(records: Iterable<readonly (string | undefined)[]>): string {
  const lines: string[] = [];
  for (const record of records) lines.push(`${record.map(csvCell).join(',')}\r\n`);
  return lines.join('');
}

/**
 * One row per saved passage under a header row: when it was saved, whose statement it is, the quote,
 * the comment, the tags (separated by "; "), and the page's title, site, author, publication date and
 * URL. RFC 4180: fields quoted where needed, quotes doubled, lines ended by CRLF.
 */
export function annotationsCsv(annotations: readonly SavedAnnotation[], options: CsvOptions = {}): string {
  const rows = annotations.map((a) => [
    savedAt(a.createdAt), a.entityName ?? a.entityId, a.quote, a.comment, a.tags.join('; '), a.title, a.site, a.author, a.published, a.url,
  ]);
  return `${options.byteOrderMark === false ? '' : '\uFEFF'}${csvRecords([CSV_COLUMNS, ...rows])}`;
}
