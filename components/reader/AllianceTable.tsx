import { useMemo } from 'preact/hooks';
import { allianceMatrix, cellWords, SUSPENDED_MARK, type AllianceCell } from '../../lib/study/alliances';
import type { ArticleEntity } from '../../lib/study/article';
import { kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';

export interface AllianceTableProps {
  entities: ArticleEntity[];
  caption?: string;
}

function Cell({ cell }: { cell: AllianceCell | null }) {
  if (!cell) return <td class="bs-cell-none" />;
  const words = cellWords(cell);
  return (
    <td class={`bs-cell status-${cell.status}`} title={cell.note}>
      {cell.status === 'suspended' ? (
        <>
          <span class="bs-mark" aria-hidden="true">
            {SUSPENDED_MARK}{' '}
          </span>
          <strong>{words}</strong>
        </>
      ) : (
        words
      )}
    </td>
  );
}

/**
 * Who in the article belongs to which alliance: a row per country, party or person, a column per
 * structure. Wide tables scroll inside their own region, which the keyboard can reach.
 */
export function AllianceTable({ entities, caption = t('alliances.caption') }: AllianceTableProps) {
  const { columns, rows } = useMemo(() => allianceMatrix(entities), [entities]);
  if (!rows.length) return <p class="bs-empty">{t('alliances.empty')}</p>;
  return (
    <div class="bs-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="bs-alliance-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {columns.map(({ structure, inArticle, short }) => (
              <th key={structure.id} scope="col" class={inArticle ? 'bs-in-article' : undefined}>
                {short ? (
                  <abbr title={structure.name}>
                    {short}
                  </abbr>
                ) : (
                  structure.name
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entity.id}>
              <th scope="row">
                {row.entity.name}
                <span class="bs-row-kind">
                  {' '}

                  ({row.via ? t('card.via', { name: row.via.name }) : kindLabel(row.entity.kind).toLowerCase()})
                </span>
              </th>
              {row.cells.map((cell, i) => (
                <Cell key={columns[i]!.structure.id} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
