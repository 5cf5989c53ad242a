/**
 * The article's names as Anki flashcards: one note of Anki's "Basic" type per entity.
 *
 * The file opens with Anki's file headers (lines starting with `#`, read by Anki 2.1.55 and later;
 * older versions skip them as comments), then one CSV record per entity, with these columns:
 *   1. GUID  — `backstory-<entity id>`: importing the file again updates the same notes rather than
 *              adding copies. It also keeps a record from starting with `#`, which Anki would skip as
 *              a comment.
 *   2. Front — the name (HTML-escaped, like the Back).
 *   3. Back  — kind and current role, the background (with its as-of date), the allied structures;
 *              HTML, parts separated by `<br>`.
 *   4. Tags  — `backstory` and the entity's kind.
 * No `#columns` header: without one Anki maps the columns that are not GUID or tags to the note type's
 * fields in order, whatever the fields are called in the reader's language. No byte order mark: Anki
 * reads UTF-8 and would not recognise a first header line behind one.
 */
import { formatDate, formatSpan, kindLabel, statusLabel } from '../format';
import type { ArticleEntity } from '../study/article';
import { allianceMatrix, cellWords, inReadingOrder, type AllianceRow, type AllianceColumn } from '../study/alliances';
import { csvRecords } from './csv';
import { summaryIn } from '../i18n/summary';

const HEADERS = ['#separator:comma', '#html:true', '#notetype:Basic', '#guid column:1', '#tags column:4'];

/** The Back field is HTML, and a name or summary is text: `<`, `&` and quotes must not become markup. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "Allied structures (through Belarus): CSTO (member since 2002); …", from the entity's row of the matrix. */
function alliedLine(row: AllianceRow | undefined, columns: AllianceColumn[]): string {
  const structures = (row?.cells ?? []).flatMap((cell, i) => (cell ? [`${columns[i]!.structure.name} (${cellWords(cell)})`] : []));
  if (!structures.length) return '';
  return `Allied structures${row?.via ? ` (through ${row.via.name})` : ''}: ${structures.join('; ')}`;
}

/** For a structure, who belongs to it. */
function membersLine(entity: ArticleEntity): string {
  const members = entity.dossier?.members ?? [];
  if (!members.length) return '';
  const listed = members.map((m) => `${m.structure.name} (${[statusLabel(m.status), formatSpan(m.since, m.until)].filter(Boolean).join(' ')})`);
  return `Members: ${listed.join('; ')}`;
}

function back(entity: ArticleEntity, allied: string): string {
  const dossier = entity.dossier;
  const role = dossier?.currentRole;
  const about = [kindLabel(entity.kind), role ? [role.title, formatSpan(role.since)].filter(Boolean).join(', ') : ''];
  const summary = summaryIn(dossier?.entity.summary);
  const background = summary ? `${summary}${dossier!.entity.asOf ? ` (as of ${formatDate(dossier!.entity.asOf)})` : ''}` : '';
  const parts = [`<i>${html(about.filter(Boolean).join(' · '))}</i>`, ...[background, allied, membersLine(entity)].filter(Boolean).map(html)];
  return parts.join('<br>');
}

/** One Anki note per entity, in the order the article names them. */
export function flashcardsCsv(entities: ArticleEntity[]): string {
  const ordered = inReadingOrder(entities);
  const { columns, rows } = allianceMatrix(ordered);
  const rowOf = new Map(rows.map((row) => [row.entity.id, row]));
  const records = ordered.map((entity) => [
    `backstory-${entity.id}`,
    html(entity.name),
    back(entity, alliedLine(rowOf.get(entity.id), columns)),
    `backstory ${entity.kind}`,
  ]);
  return `${HEADERS.join('\r\n')}\r\n${csvRecords(records)}`;
}
