import type { Source } from '../../lib/messages';
import { formatDate, hostOf } from '../../lib/format';

/**
 * The address a source may be linked to: a web page (http: or https:), else none. A pack or an import
 * that slipped a `javascript:`, `data:` or `file:` URL past its checks gets its title shown as text.
 */
function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

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
