import { useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import { ENTITY_KINDS, USER_ORIGIN, type EntityRow } from '../../lib/store/rows';
import { restoreDeleted } from '../../lib/store/editor';
import { searchEntities } from '../../lib/store/entity-search';
import type { ExportScope } from '../../lib/store/export';
import { listPacks } from '../../lib/store/live';
import { kindLabel } from '../../lib/format';
import { formatNumber, t } from '../../lib/i18n';
import { EntityEditor } from './EntityEditor';
import { useDebounced } from './use-debounced';
import { useLive } from './use-live';

const PAGE_SIZE = 25;

/** The origin select's value for a scope: 'all', 'user' or 'pack:ID'. */
const scopeOf = (value: string): ExportScope => (value.startsWith('pack:') ? { pack: value.slice(5) } : (value as 'all' | 'user'));

type Notice = { message: string; trashId?: number };

export function EntityBrowser({ db, onChanged }: { db: BackstoryDatabase; onChanged(): void }) {
  const [text, setText] = useState('');
  const query = useDebounced(text, 200);
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [origin, setOrigin] = useState('all');
  const [offset, setOffset] = useState(0);
  const packs = useLive(async () => (await listPacks(db)).sort((a, b) => a.title.localeCompare(b.title)), [db]);
  const page = useLive(
    () => searchEntities(db, { text: query, kind: kind || undefined, scope: scopeOf(origin), offset, limit: PAGE_SIZE }),
    [db, query, kind, origin, offset],
  );
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  const packTitles = new Map((packs ?? []).map((p) => [p.id, p.title]));
  const filtered = (apply: () => void) => {
    apply();
    setOffset(0);
  };

  function open(id: string | null) {
    opener.current = document.activeElement as HTMLElement | null;
    setEditing({ id });
  }

  /** Focus goes back where it was before the editor opened, or to the search box if that is gone. */
  function closeEditor(next?: Notice) {
    setEditing(null);
    if (next) setNotice(next);
    requestAnimationFrame(() => {
      if (next?.trashId !== undefined) undoButton.current?.focus();
      else if (opener.current?.isConnected) opener.current.focus();
      else search.current?.focus();
    });
  }

  async function undo(trashId: number) {
    try {
      const entity = await restoreDeleted(db, trashId);
      setNotice({ message: t('entities.restored', { name: entity.name }) });
      onChanged();
    } catch (error) {
      setNotice({ message: (error as Error).message });
    }
    // The Undo button goes with the notice it was in.
    search.current?.focus();
  }

  return (
    <section class="card" aria-labelledby="entities-heading">
      <div class="card-heading">
        <h2 id="entities-heading">{t('entities.heading')}</h2>
        <button type="button" class="button" onClick={() => open(null)}>
          {t('entities.add')}
        </button>
      </div>
      <div class="toolbar" role="search">
        <label class="grow">
          <span>{t('entities.search')}</span>
          <input
            ref={search}
            type="search"
            value={text}
            placeholder={t('entities.searchPlaceholder')}
            onInput={(e) => filtered(() => setText(e.currentTarget.value))}
          />
        </label>
        <label>
          <span>{t('entities.kind')}</span>
          <select value={kind} onChange={(e) => filtered(() => setKind(e.currentTarget.value as EntityKind | ''))}>
            <option value="">{t('entities.allKinds')}</option>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('entities.origin')}</span>
          <select value={origin} onChange={(e) => filtered(() => setOrigin(e.currentTarget.value))}>
            <option value="all">{t('entities.everything')}</option>
            <option value="user">{t('entities.mine')}</option>
            {(packs ?? []).map((p) => (
              <option key={p.id} value={`pack:${p.id}`}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <EntityTable rows={page?.rows} packTitles={packTitles} onEdit={(id) => open(id)} empty={query ? t('entities.noMatch', { query }) : t('entities.none')} />
      <Pager offset={offset} count={page?.rows.length ?? 0} total={page?.total} more={page?.more ?? false} onOffset={setOffset} />
      {editing ? (
        <EntityEditor
          db={db}
          entityId={editing.id}
          packs={packs ?? []}
          onCancel={() => closeEditor()}
          onSaved={(row, isNew) => {
            onChanged();
            closeEditor({ message: t(isNew ? 'entities.added' : 'entities.saved', { name: row.name }) });
          }}
          onDeleted={(trashId, name) => {
            onChanged();
            closeEditor({ message: t('entities.deleted', { name }), trashId });
          }}
        />
      ) : null}
      <div class="toast-region" role="status" aria-live="polite">
        {notice ? (
          <div class="toast">
            <span>{notice.message}</span>
            {notice.trashId !== undefined ? (
              <button ref={undoButton} type="button" class="button small" onClick={() => void undo(notice.trashId!)}>
                {t('common.undo')}
              </button>
            ) : null}
            <button
              type="button"
              class="link"
              aria-label={t('common.dismiss')}
              onClick={() => {
                setNotice(null);
                search.current?.focus();
              }}
            >
              ×
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function originLabel(row: EntityRow, packTitles: Map<string, string>): string {
  if (row.origin === USER_ORIGIN) return t('entities.yours');
  const pack = packTitles.get(row.origin) ?? row.origin;
  return row.editedAt !== undefined ? t('entities.editedByYou', { pack }) : pack;
}

function EntityTable(props: { rows?: EntityRow[]; packTitles: Map<string, string>; onEdit(id: string): void; empty: string }) {
  const { rows, packTitles, onEdit, empty } = props;
  if (!rows) return <p class="muted">{t('common.loading')}</p>;
  if (!rows.length) return <p class="muted">{empty}</p>;
  return (
    <table class="entities">
      <thead>
        <tr>
          <th>{t('entities.colName')}</th>
          <th>{t('entities.colKind')}</th>
          <th>{t('entities.colAliases')}</th>
          <th>{t('entities.colOrigin')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <button type="button" class="link entity-link" onClick={() => onEdit(row.id)} aria-label={t('entities.editOne', { name: row.name })}>
                {row.name}
              </button>
            </td>
            <td>
              <span class={`kind kind-${row.kind}`}>{kindLabel(row.kind)}</span>
            </td>
            <td class="muted aliases-cell">{row.aliases.map((a) => a.text).filter((t) => t !== row.name).slice(0, 4).join(' · ')}</td>
            <td class="muted origin-cell">{originLabel(row, packTitles)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pager({ offset, count, total, more, onOffset }: { offset: number; count: number; total?: number; more: boolean; onOffset(n: number): void }) {
  if (!count && !offset) return null;
  const shown = `${formatNumber(offset + 1)}–${formatNumber(offset + count)}`;
  return (
    <nav class="pager" aria-label={t('entities.pages')}>
      <button type="button" class="button secondary small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>
        {t('entities.previous')}
      </button>
      <span>{total !== undefined ? t('entities.shownOf', { shown, total }) : shown}</span>
      <button type="button" class="button secondary small" disabled={!more} onClick={() => onOffset(offset + PAGE_SIZE)}>
        {t('entities.next')}
      </button>
    </nav>
  );
}
