import type { TextPositionSelector } from '../anchoring';
import type { SavedAnnotation } from '../library/saved-annotation';

export interface MarkdownOptions {
  /** `page` (default): one section per page, quotes in page order. `entity`: one per speaker. */
  groupBy?: 'page' | 'entity';
  /** The document's heading; "Saved quotes" by default. */
  heading?: string;
  /** The IANA time zone in which "accessed" dates are given; the runtime's own by default. */
  timeZone?: string;
}

/** The heading of the section for quotes of no one in particular. */
export const NOTES_HEADING = 'Notes';

/**
 * One line of text as Markdown shows it literally: the only Markdown escaper of Backstory's exports
 * (the library's and the study sheet's). Line breaks become spaces, so a title, tag, site name or date
 * cannot start a line of its own (a heading, a list item, a quote, a table row). Every ASCII
 * punctuation may be backslash-escaped in CommonMark, so escaping is always safe; only what could
 * start markup is escaped, to keep the source readable: emphasis, code, links, HTML (`<`), tables,
 * entities, and a leading `#`, `+`, `-`, `=` or `1.` / `1)`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .trim()
    .replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL as the destination of a link or an autolink: `<`, `>` and white space encoded, so it cannot end early. */
export function markdownUrl(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

/** Paragraphs kept apart, single line breaks kept as hard breaks, each line prefixed by `prefix`. */
function block(text: string, prefix = ''): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => `${prefix}${escapeMarkdown(line)}`)
        .join('\\\n'),
    )
    .join(`\n${prefix.trimEnd()}\n`);
}

function dayIn(timeZone: string | undefined, ms: number): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Author, "Title", Site, published date, URL, accessed date — the parts a page gives, in that order.
 * The publication date is the publisher's own day (the date part of what the page states).
 */
function citation(a: SavedAnnotation, timeZone: string | undefined): string {
  const parts = [
    a.author && escapeMarkdown(a.author),
    a.title && `"${escapeMarkdown(a.title)}"`,
    a.site && escapeMarkdown(a.site),
    a.published && escapeMarkdown(a.published.slice(0, 10)),
    markdownUrl(a.url),
    `accessed ${dayIn(timeZone, a.createdAt)}`,
  ];
  return `— ${parts.filter(Boolean).join(', ')}.`;
}

function entry(a: SavedAnnotation, groupBy: 'page' | 'entity', timeZone: string | undefined): string {
  const lines = [block(a.quote, '> '), '', citation(a, timeZone)];
  const about = [
    groupBy === 'page' && a.entityName ? `**${escapeMarkdown(a.entityName)}**` : '',
    a.tags.length > 0 ? `Tags: ${a.tags.map(escapeMarkdown).join(', ')}` : '',
  ].filter(Boolean);
  if (about.length > 0) lines.push('', about.join(' · '));
  if (a.comment?.trim()) lines.push('', block(a.comment));
  return lines.join('\n');
}

const positionOf = (a: SavedAnnotation) =>
  a.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')?.start ?? Infinity;

function groupsOf(annotations: readonly SavedAnnotation[], groupBy: 'page' | 'entity') {
  const groups = new Map<string, SavedAnnotation[]>();
  for (const a of annotations) {
    const key = groupBy === 'page' ? a.url : (a.entityId ?? '');
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  const list = [...groups.entries()].map(([key, items]) => ({ key, items }));
  if (groupBy === 'page') {
    // Pages in the order they were first saved from; quotes in the order they stand on the page.
    for (const g of list) g.items.sort((a, b) => positionOf(a) - positionOf(b) || a.createdAt - b.createdAt);
    list.sort((a, b) => Math.min(...a.items.map((i) => i.createdAt)) - Math.min(...b.items.map((i) => i.createdAt)));
  } else {
    // Speakers by name, notes last; each speaker's quotes in the order they were published, then saved.
    const name = (g: { key: string; items: SavedAnnotation[] }) => g.items[0]!.entityName ?? g.key;
    for (const g of list) {
      g.items.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.createdAt - b.createdAt);
    }
    list.sort((a, b) => Number(a.key === '') - Number(b.key === '') || name(a).localeCompare(name(b)));
  }
  return list;
}

/**
 * The saved passages as a Markdown document with citations: a section per page (titled and linked) or
 * per speaker, each quote a blockquote followed by its citation line, then its speaker and tags and
 * the reader's comment.
 */
export function annotationsMarkdown(annotations: readonly SavedAnnotation[], options: MarkdownOptions = {}): string {
  const groupBy = options.groupBy ?? 'page';
  const sections = [`# ${escapeMarkdown(options.heading ?? 'Saved quotes')}`];
  for (const { key, items } of groupsOf(annotations, groupBy)) {
    const first = items[0]!;
    const heading =
      groupBy === 'page'
        ? `## [${escapeMarkdown(first.title ?? first.url)}](${markdownUrl(first.url)})`
        : `## ${key === '' ? NOTES_HEADING : escapeMarkdown(first.entityName ?? key)}`;
    sections.push(heading, ...items.map((a) => entry(a, groupBy, options.timeZone)));
  }
  return `${sections.join('\n\n')}\n`;
}
