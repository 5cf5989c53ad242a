import type { Source } from '../../lib/messages';
import { formatDate, hostOf } from '../../lib/format';

/** A source as a reader checks it: title (linked when it has a link), publisher, date. */
export function SourceLink({ source, date }: { source: Source; date?: string }) {
  const publisher = source.publisher || hostOf(source.url);
  const when = formatDate(date ?? source.date);
  return (
    <span class="source">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
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
