import type { AllianceView } from '../../lib/messages';
import { formatSpan, statusLabel } from '../../lib/format';
import { t } from '../../lib/i18n';

export function AllianceList({ alliances, empty }: { alliances: AllianceView[]; empty: string }) {
  if (!alliances.length) return <p class="empty">{empty}</p>;
  return (
    <ul class="alliances">
      {alliances.map((a) => (
        <li key={`${a.structure.id}-${a.status}-${a.via?.id ?? ''}`} class={`alliance status-${a.status}`}>
          <span class="structure">{a.structure.name}</span>{' '}
          <span class={`status status-${a.status}`}>{statusLabel(a.status)}</span>{' '}
          <span class="span">{formatSpan(a.since, a.until)}</span>
          {a.via ? <span class="via"> · {t('card.via', { name: a.via.name })}</span> : null}
          {a.note ? <div class="note">{a.note}</div> : null}
        </li>
      ))}
    </ul>
  );
}
