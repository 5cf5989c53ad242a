import type { Dossier } from '../../lib/messages';
import { formatDate, formatSpan, kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import { summaryIn } from '../../lib/i18n/summary';
import { tenureOf, withinTenure } from '../../lib/alliance-groups';
import { AllianceGroups } from './AllianceList';
import { SourceLink } from './SourceLink';
import { StatementList } from './StatementList';
import { freshnessOf } from '../../lib/freshness';
import { PackNames, PackRoles } from './PackViews';

/** Who this is: name, kind and role, then Background, Allied structures and Past statements. */
export function EntityCard({ dossier }: { dossier: Dossier }) {
  const { entity, currentRole, country } = dossier;
  const isStructure = entity.kind === 'organization';
  const summary = summaryIn(entity.summary);
  const today = new Date().toISOString().slice(0, 10);
  // A person's memberships through their country count while they held office (none after they left it, or died).
  const tenure = entity.kind === 'person' ? tenureOf(entity.roles) : {};
  const asOf = tenure.to && tenure.to < today ? tenure.to : today;
  // How old the facts are: checked over a year ago, the role is no longer told as current.
  const fresh = entity.asOf ? freshnessOf(entity.asOf) : null;
  return (
    <div class={`entity-card entity-${entity.kind}`}>
      <div class="card-head">
        <h2 class="entity-name">{entity.name}</h2>
        <div class="entity-line">
          <span class={`kind kind-${entity.kind}`}>{kindLabel(entity.kind)}</span>
          {currentRole ? (
            <span class="role">
              {currentRole.title}
              {currentRole.since ? <span class="span"> ({formatSpan(currentRole.since)})</span> : null}
              {fresh?.possiblyOutdated && entity.asOf ? <span class="span"> ({t('card.roleAsOf', { date: formatDate(entity.asOf) })})</span> : null}
            </span>
          ) : country && entity.kind !== 'country' ? (
            <span class="role">{country.name}</span>
          ) : null}
        </div>
        <PackRoles packs={dossier.packs} />
      </div>
      <div class="section">
        <h3>{t('card.background')}</h3>
        {summary ? <p class="summary">{summary}</p> : <p class="empty">{t('card.noBackground')}</p>}
        {entity.asOf || entity.sources?.length || dossier.packs ? (
          <p class="provenance">
            <PackNames packs={dossier.packs} />
            {dossier.packs && entity.asOf ? ' · ' : null}
            {entity.asOf ? <span class="as-of">{t('card.asOf', { date: formatDate(entity.asOf) })}</span> : null}
            {fresh ? (
              <span class={fresh.possiblyOutdated ? 'freshness outdated' : 'freshness'}>
                {' · '}
                {fresh.possiblyOutdated ? t('card.possiblyOutdated', { age: fresh.age }) : t('card.checked', { age: fresh.age })}
              </span>
            ) : null}
            {(dossier.packs ? dossier.packs.flatMap((p) => p.sources?.slice(0, 1) ?? []) : entity.sources?.slice(0, 2))?.map((source) => (
              <span key={source.title}>
                {' · '}
                <SourceLink source={source} />
              </span>
            ))}
          </p>
        ) : null}
      </div>
      {entity.kind === 'place' ? null : (
        <div class="section">
          <h3>{t('card.allied')}</h3>
          {isStructure && dossier.members.length ? (
            <>
              {dossier.alliances.length ? <AllianceGroups alliances={dossier.alliances} asOf={today} empty="" /> : null}
              <h4>{t('card.members')}</h4>
              <AllianceGroups alliances={dossier.members} asOf={today} empty="" />
            </>
          ) : (
            <AllianceGroups alliances={withinTenure(dossier.alliances, tenure)} asOf={asOf} empty={t('card.noMemberships')} />
          )}
        </div>
      )}
      <div class="section">
        <h3>{t('card.statements')}</h3>
        <StatementList statements={dossier.statements} />
      </div>
    </div>
  );
}
