import type { AllianceView } from '../../lib/messages';
import { formatSpan, STATUS_LABELS } from '../../lib/format';

export function AllianceList({ alliances, empty }: { alliances: AllianceView[]; empty: string }) {
  if (!alliances.length) return <p class="empty">{empty}</p>;
  return (
    <ul class="alliances">
      {alliances.map((a) => (
        <li key={`${a.structure.id}-${a.status}-${a.via?.id ?? ''}`} class={`alliance status-${a.status}`}>
          <span class="structure">{a.structure.name}</span>{' '}
          <span class={`status status-${a.status}`}>{STATUS_LABELS[a.status] ?? a.status}</span>{' '}
          <span class="span">{formatSpan(a.since, a.until)}</span>
          {a.via ? <span class="via"> · via {a.via.name}</span> : null}
          {a.note ? <div class="note">{a.note}</div> : null}
        </li>
      ))}
    </ul>
  );
}
