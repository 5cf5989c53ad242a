import type { Source } from '../../lib/messages';
import { formatDate, hostOf, webUrl } from '../../lib/format';

/** A source as a reader checks it: title (linked when it has a web address), publisher, date. */
export function SourceLink({ source, date }: { source: Source; date?: string }) {
  const href = webUrl(source.url);
  const publisher = source.publisher || (href ? hostOf(href) : '');
  const when = formatDate(date ?? source.date);
  return (
    <span class="source">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {publisher && !source.title.endsWith(publisher) ? <span class="publisher"> · {publisher}</span> : null}
      {when ? <span class="date"> · {when}</span> : null}
    </span>
  );
}
