import { useMemo } from 'preact/hooks';
import type { ArticleEntity } from '../../lib/study/article';
import { timelineOf, type TimelineKind } from '../../lib/study/timeline';
import { SourceLink } from '../page/SourceLink';
import { formatDate } from '../../lib/format';
import { t, type Key } from '../../lib/i18n';

export interface TimelineProps {
  entities: ArticleEntity[];
}

const KIND_WORDS: Record<TimelineKind, Key> = { role: 'timeline.role', membership: 'timeline.membership', statement: 'timeline.statement' };

/** The dated events of the article's entities, oldest first, each with the names it concerns and its source. */
export function Timeline({ entities }: TimelineProps) {
  const events = useMemo(() => timelineOf(entities), [entities]);
  const names = useMemo(() => new Map(entities.map((e) => [e.id, e.name])), [entities]);
  if (!events.length) return <p class="bs-empty">{t('timeline.empty')}</p>;
  return (
    <ol class="bs-timeline">
      {events.map((event, i) => (
        <li key={i} class={`bs-event bs-event-${event.kind}`}>
          <time dateTime={event.date}>{formatDate(event.date)}</time>
          <span class="bs-event-kind">{t(KIND_WORDS[event.kind])}</span>
          <p class="bs-event-label">{event.label}</p>
          <p class="bs-event-meta">
            <span class="bs-event-names">{event.entityIds.map((id) => names.get(id) ?? id).join(', ')}</span>
            {event.source ? (
              <>
                {' · '}
                <SourceLink source={event.source} />
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
