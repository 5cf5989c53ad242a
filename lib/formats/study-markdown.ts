/**
 * The study sheet as a Markdown document: the article, a glossary of the names it marks, who belongs to
 * which alliance, the reader's saved passages, and study questions with their answers at the end.
 */
import { formatDate, formatSpan, hostOf, kindLabel, webUrl } from '../format';
import type { Source } from '../messages';
import { allianceMatrix, cellWords, inReadingOrder, SUSPENDED_MARK, type AllianceCell } from '../study/alliances';
import type { ArticleEntity, ArticleInfo, SavedNote } from '../study/article';
import { studyQuestions } from '../study/questions';
import { escapeMarkdown, markdownUrl } from './markdown';
import { summaryIn } from '../i18n/summary';

/** Text from the knowledge base and from the article is anyone's: every piece of it goes through the one escaper. */
const escape = escapeMarkdown;

/** Only web addresses become links; in `<…>` a URL keeps its spaces and parentheses, so only `<`, `>` are encoded. */
function link(text: string, url: string | undefined, unlinked = escape(text)): string {
  if (!url || !webUrl(url)) return unlinked;
  return `[${escape(text)}](${markdownUrl(url)})`;
}

function source(s: Source): string {
  const publisher = s.publisher || hostOf(s.url);
  return [link(s.title, s.url, `*${escape(s.title)}*`), publisher && !s.title.endsWith(publisher) ? escape(publisher) : '', escape(formatDate(s.date))]
    .filter(Boolean)
    .join(', ');
}

function header(article: ArticleInfo): string {
  const published = article.published && /^\d{4}(-\d\d){0,2}/.test(article.published) ? formatDate(article.published.slice(0, 10)) : '';
  const line = [
    link(article.site || hostOf(article.url) || article.url, article.url),
    article.byline ? escape(article.byline) : '',
    published ? `published ${escape(published)}` : '',
  ].filter(Boolean);
  return `# ${escape(article.title)}\n\n${line.join(' · ')}`;
}

function glossaryEntry(entity: ArticleEntity): string {
  const dossier = entity.dossier;
  const role = dossier?.currentRole;
  const about = [`*${kindLabel(entity.kind)}*`];
  if (role) about.push(escape([role.title, formatSpan(role.since)].filter(Boolean).join(', ')));
  else if (dossier?.country && entity.kind !== 'country') about.push(escape(dossier.country.name));
  const parts = [`### ${escape(entity.name)}`, about.join(' · ')];
  const summary = summaryIn(dossier?.entity.summary);
  if (summary) parts.push(`${escape(summary)}${dossier!.entity.asOf ? ` (as of ${escape(formatDate(dossier!.entity.asOf))})` : ''}`);
  const sources = dossier?.entity.sources ?? [];
  if (sources.length) parts.push(`Sources: ${sources.map(source).join('; ')}`);
  return parts.join('\n\n');
}

function cell(c: AllianceCell | null): string {
  if (!c) return '';
  const words = escape(cellWords(c));
  return c.status === 'suspended' ? `${SUSPENDED_MARK} **${words}**` : words;
}

function allianceTable(entities: ArticleEntity[]): string {
  const { columns, rows } = allianceMatrix(entities);
  if (!rows.length) return 'None of the names in this article belongs to an alliance the knowledge base records.';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['', ...columns.map((c) => escape(c.structure.name))]),
    line(['---', ...columns.map(() => '---')]),
    ...rows.map((row) => line([escape(row.via ? `${row.entity.name} (via ${row.via.name})` : row.entity.name), ...row.cells.map(cell)])),
  ].join('\n');
}

/** Paragraphs kept apart, each line of the result prefixed by `prefix`. */
const paragraphs = (text: string, prefix = '') =>
  text.trim().split(/\n\s*\n/).map((p) => `${prefix}${escape(p)}`).join(`\n${prefix.trimEnd()}\n`);

function passage(note: SavedNote): string {
  const parts = [paragraphs(note.quote, '> ')];
  const about = [note.speaker ? `— ${escape(note.speaker)}` : '', note.tags.length ? `Tags: ${note.tags.map(escape).join(', ')}` : ''];
  if (about.some(Boolean)) parts.push(about.filter(Boolean).join(' · '));
  if (note.comment?.trim()) parts.push(paragraphs(note.comment));
  return parts.join('\n\n');
}

/** A numbered item whose later lines stay inside it. */
const item = (n: number, text: string) => `${n}. ${text.replace(/\n/g, '\n   ')}`;

/** The whole study sheet; the answers come last, after their own heading, so a printout can hide them. */
export function studySheetMarkdown(article: ArticleInfo, entities: ArticleEntity[], notes: SavedNote[]): string {
  const ordered = inReadingOrder(entities);
  const questions = studyQuestions(ordered);
  const sections = [
    header(article),
    '## Glossary',
    ...(ordered.length ? ordered.map(glossaryEntry) : ['No names marked in this article.']),
    '## Alliances',
    allianceTable(ordered),
    '## Your saved passages',
    ...(notes.length ? notes.map(passage) : ['No passages saved from this article yet.']),
    '## Study questions',
    questions.length ? questions.map((q, i) => item(i + 1, escape(q.question))).join('\n') : 'No questions: the knowledge base holds too little about these names.',
  ];
  if (questions.length) {
    const answers = questions.map((q, i) =>
      item(i + 1, `${escape(q.answer)}${q.sources.length ? `\\\nSources: ${q.sources.map(source).join('; ')}` : ''}`),
    );
    sections.push('## Answers', answers.join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
