import type { DossierStatement } from '../../lib/messages';
import { SourceLink } from './SourceLink';

export function StatementList({ statements }: { statements: DossierStatement[] }) {
  if (!statements.length) return <p class="empty">No statements recorded yet.</p>;
  return (
    <ol class="statements">
      {statements.map((s, i) => (
        <li key={s.id ?? i} class={`statement ${s.kind}`}>
          {s.kind === 'quote' ? <q>{s.text}</q> : <span class="paraphrase">{s.text}</span>}
          {s.kind === 'paraphrase' ? <span class="kind-label"> (paraphrase)</span> : null}
          <div class="meta">
            <SourceLink source={s.source} date={s.date} />
          </div>
        </li>
      ))}
    </ol>
  );
}
