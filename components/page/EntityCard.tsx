import type { Dossier } from '../../lib/messages';
import { formatDate, formatSpan, kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import { summaryIn } from '../../lib/i18n/summary';
import { AllianceList } from './AllianceList';
import { SourceLink } from './SourceLink';
import { StatementList } from './StatementList';

/** Who this is: name, kind and role, then Background, Allied structures and Past statements. */
export function EntityCard({ dossier }: { dossier: Dossier }) {
  const { entity, currentRole, country } = dossier;
  const isStructure = entity.kind === 'organization';
  const summary = summaryIn(entity.summary);
  return (
    <article class={`entity-card entity-${entity.kind}`} aria-label={entity.name}>
      <header>
        <h2 class="entity-name">{entity.name}</h2>
        <div class="entity-line">
          <span class={`kind kind-${entity.kind}`}>{kindLabel(entity.kind)}</span>
          {currentRole ? (
            <span class="role">
              {currentRole.title}
              {currentRole.since ? <span class="span"> ({formatSpan(currentRole.since)})</span> : null}
            </span>
          ) : country && entity.kind !== 'country' ? (
            <span class="role">{country.name}</span>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="bs-background">
        <h3 id="bs-background">{t('card.background')}</h3>
        {summary ? <p class="summary">{summary}</p> : <p class="empty">{t('card.noBackground')}</p>}
        {entity.asOf || entity.sources?.length ? (
          <p class="provenance">
            {entity.asOf ? <span class="as-of">{t('card.asOf', { date: formatDate(entity.asOf) })}</span> : null}
            {entity.sources?.slice(0, 2).map((source) => (
              <span key={source.title}>
                {' · '}
                <SourceLink source={source} />
              </span>
            ))}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="bs-allied">
        <h3 id="bs-allied">{t('card.allied')}</h3>
        {isStructure && dossier.members.length ? (
          <>
            {dossier.alliances.length ? <AllianceList alliances={dossier.alliances} empty="" /> : null}
            <h4>{t('card.members')}</h4>
            <AllianceList alliances={dossier.members} empty="" />
          </>
        ) : (
          <AllianceList alliances={dossier.alliances} empty={t('card.noMemberships')} />
        )}
      </section>
      <section aria-labelledby="bs-statements">
        <h3 id="bs-statements">{t('card.statements')}</h3>
        <StatementList statements={dossier.statements} />
      </section>
    </article>
  );
}
