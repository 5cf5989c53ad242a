import type { AllianceView } from '../../lib/messages';
import { formatSpan, statusLabel } from '../../lib/format';
import { t, type Key } from '../../lib/i18n';
import { groupAlliances, type AllianceGroup } from '../../lib/alliance-groups';

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

const GROUP_LABELS: Record<AllianceGroup, Key> = { current: 'card.current', suspended: 'card.suspended', former: 'card.former' };

/** The structures grouped as Current, Suspended and Former, each listed once (see lib/alliance-groups). */
export function AllianceGroups({ alliances, asOf, empty }: { alliances: AllianceView[]; asOf: string; empty: string }) {
  const groups = groupAlliances(alliances, asOf);
  const shown = (Object.keys(GROUP_LABELS) as AllianceGroup[]).filter((group) => groups[group].length);
  if (!shown.length) return <p class="empty">{empty}</p>;
  return (
    <>
      {shown.map((group) => (
        <div key={group} class={`alliance-group group-${group}`}>
          <h4>{t(GROUP_LABELS[group])}</h4>
          <AllianceList alliances={groups[group]} empty="" />
        </div>
      ))}
    </>
  );
}
