import type { Dossier } from '../../lib/messages';
import { formatDate, formatSpan, KIND_LABELS } from '../../lib/format';
import { AllianceList } from './AllianceList';
import { SourceLink } from './SourceLink';
import { StatementList } from './StatementList';

/** Who this is: name, kind and role, then Background, Allied structures and Past statements. */
export function EntityCard({ dossier }: { dossier: Dossier }) {
  const { entity, currentRole, country } = dossier;
  const isStructure = entity.kind === 'organization';
  return (
    <div class={`entity-card entity-${entity.kind}`}>
      <div class="card-head">
        <h2 class="entity-name">{entity.name}</h2>
        <div class="entity-line">
          <span class={`kind kind-${entity.kind}`}>{KIND_LABELS[entity.kind] ?? entity.kind}</span>
          {currentRole ? (
            <span class="role">
              {currentRole.title}
              {currentRole.since ? <span class="span"> ({formatSpan(currentRole.since)})</span> : null}
            </span>
          ) : country && entity.kind !== 'country' ? (
            <span class="role">{country.name}</span>
          ) : null}
        </div>
      </div>
      <div class="section">
        <h3>Background</h3>
        {entity.summary ? <p class="summary">{entity.summary}</p> : <p class="empty">No background recorded yet.</p>}
        {entity.asOf || entity.sources?.length ? (
          <p class="provenance">
            {entity.asOf ? <span class="as-of">As of {formatDate(entity.asOf)}</span> : null}
            {entity.sources?.slice(0, 2).map((source) => (
              <span key={source.title}>
                {' · '}
                <SourceLink source={source} />
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <div class="section">
        <h3>Allied structures</h3>
        {isStructure && dossier.members.length ? (
          <>
            {dossier.alliances.length ? <AllianceList alliances={dossier.alliances} empty="" /> : null}
            <h4>Members</h4>
            <AllianceList alliances={dossier.members} empty="" />
          </>
        ) : (
          <AllianceList alliances={dossier.alliances} empty="No memberships recorded." />
        )}
      </div>
      <div class="section">
        <h3>Past statements</h3>
        <StatementList statements={dossier.statements} />
      </div>
    </div>
  );
}
