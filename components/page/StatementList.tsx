import type { DossierStatement } from '../../lib/messages';
import { t } from '../../lib/i18n';
import { SourceLink } from './SourceLink';

export function StatementList({ statements }: { statements: DossierStatement[] }) {
  if (!statements.length) return <p class="empty">{t('card.noStatements')}</p>;
  return (
    <ol class="statements">
      {statements.map((s, i) => (
        <li key={s.id ?? i} class={`statement ${s.kind}`}>
          {s.kind === 'quote' ? <q>{s.text}</q> : <span class="paraphrase">{s.text}</span>}
          {s.kind === 'paraphrase' ? <span class="kind-label"> {t('card.paraphrase')}</span> : null}
          <div class="meta">
            <SourceLink source={s.source} date={s.date} />
          </div>
        </li>
      ))}
    </ol>
  );
}
