import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import { ENTITY_KINDS, USER_ORIGIN, type EntityRow, type PackRow } from '../../lib/store/rows';
import {
  checkDraft,
  deleteEntity,
  emptyDraft,
  emptyRelation,
  emptyRole,
  emptyStatement,
  freeId,
  idFromName,
  loadDraft,
  NOTE_LIMIT,
  saveEntity,
  type EntityDraft,
  type FieldErrors,
} from '../../lib/store/editor';
import { kindLabel } from '../../lib/format';
import { t } from '../../lib/i18n';
import { RelationRow, RoleRow, RowsFieldset, rowsFor, replace, StatementRow } from './EntityEditorRows';
import { EntityPicker } from './EntityPicker';
import { getEntity } from '../../lib/store/knowledge';
import { FormField } from './FormField';


export interface EntityEditorProps {
  db: BackstoryDatabase;
  /** null: a new entity. */
  entityId: string | null;
  packs: PackRow[];
  onCancel(): void;
  onSaved(row: EntityRow, isNew: boolean): void;
  onDeleted(trashId: number, name: string): void;
}

type Loaded = { draft: EntityDraft; stored: EntityRow | null; initial: string };

export function EntityEditor({ db, entityId, packs, onCancel, onSaved, onDeleted }: EntityEditorProps) {
  const isNew = entityId === null;
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(() => (isNew ? { draft: emptyDraft(), stored: null, initial: JSON.stringify(emptyDraft()) } : null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [idTouched, setIdTouched] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    if (isNew) return;
    void Promise.all([loadDraft(db, entityId), getEntity(db, entityId)]).then(([draft, stored]) => {
      if (draft && stored) setLoaded({ draft, stored, initial: JSON.stringify(draft) });
      else setFailure(t('editor.gone'));
    });
  }, [db, entityId, isNew]);

  const ready = loaded !== null;
  useEffect(() => {
    if (ready) form.current?.querySelector<HTMLElement>('#field-name')?.focus();
  }, [ready]);

  // Once errors show, the first one takes the focus, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (Object.keys(errors).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const draft = loaded?.draft;
  const dirty = !!loaded && JSON.stringify(loaded.draft) !== loaded.initial;
  const update = (patch: Partial<EntityDraft>) => setLoaded((l) => (l ? { ...l, draft: { ...l.draft, ...patch } } : l));
  // Removing a row moves the rows after it: errors named by position would point at the wrong ones.
  const updateRows = (patch: Partial<EntityDraft>) => {
    setErrors({});
    update(patch);
  };

  function cancel() {
    if (dirty && !confirm(t('editor.discard'))) return;
    onCancel();
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!draft || busy) return;
    if (!dirty && !isNew) return onCancel();
    setBusy(true);
    setFailure('');
    try {
      const ready = isNew && !idTouched ? { ...draft, id: await freeId(db, draft.name) } : draft;
      const check = await checkDraft(db, ready, { isNew });
      if (!check.ok) {
        setErrors(check.errors);
        return;
      }
      setErrors({});
      onSaved(await saveEntity(db, check.rows, { isNew }), isNew);
    } catch (error) {
      setFailure(t('editor.notSaved', { error: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!loaded?.stored || busy) return;
    setBusy(true);
    try {
      onDeleted(await deleteEntity(db, loaded.stored.id), loaded.stored.name);
    } catch (error) {
      setFailure(t('editor.notDeleted', { error: (error as Error).message }));
      setBusy(false);
    }
  }

  const title = isNew ? t('entities.add') : loaded?.stored ? t('entities.editOne', { name: loaded.stored.name }) : t('editor.editEntity');
  const errorCount = Object.keys(errors).length;

  return (
    <dialog
      ref={dialog}
      class="editor"
      aria-labelledby="editor-heading"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <header class="editor-header">
          <h2 id="editor-heading">{title}</h2>
          {loaded ? <p class="muted">{originText(loaded.stored, packs)}</p> : null}
        </header>
        {!draft ? (
          <p class={failure ? 'problems' : 'muted'}>{failure || t('common.loading')}</p>
        ) : (
          <div class="editor-body">
            <fieldset>
              <legend>{t('editor.whoOrWhat')}</legend>
              <div class="grid two">
                <FormField label={t('entities.colName')} name="name" errors={errors}>
                  {(c) => (
                    <input
                      {...c}
                      type="text"
                      required
                      value={draft.name}
                      onInput={(e) => {
                        const name = e.currentTarget.value;
                        update(isNew && !idTouched ? { name, id: idFromName(name) } : { name });
                      }}
                    />
                  )}
                </FormField>
                <FormField label={t('entities.colKind')} name="kind" errors={errors}>
                  {(c) => (
                    <select {...c} value={draft.kind} onChange={(e) => update({ kind: e.currentTarget.value as EntityKind })}>
                      {ENTITY_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {kindLabel(k)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              </div>
              <FormField label={t('editor.id')} name="id" errors={errors} hint={isNew ? t('editor.idHintNew') : t('editor.idHint')}>
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    value={draft.id}
                    readOnly={!isNew}
                    spellcheck={false}
                    onInput={(e) => {
                      setIdTouched(true);
                      update({ id: e.currentTarget.value });
                    }}
                  />
                )}
              </FormField>
              <FormField label={t('editor.aliases')} name="aliases" errors={errors} hint={t('editor.aliasesHint')}>
                {(c) => <textarea {...c} rows={rowsFor(draft.aliases)} value={draft.aliases} onInput={(e) => update({ aliases: e.currentTarget.value })} />}
              </FormField>
              <FormField label={t('editor.summary')} name="summary" errors={errors} hint={t('editor.summaryHint')}>
                {(c) => <textarea {...c} rows={3} value={draft.summary} onInput={(e) => update({ summary: e.currentTarget.value })} />}
              </FormField>
              <div class="grid two">
                <FormField label={t('editor.asOf')} name="asOf" errors={errors} hint={t('editor.asOfHint')}>
                  {(c) => <input {...c} type="text" inputMode="numeric" value={draft.asOf} onInput={(e) => update({ asOf: e.currentTarget.value })} />}
                </FormField>
                <FormField label={t('editor.country')} name="country" errors={errors}>
                  {(c) => <EntityPicker db={db} control={c} kind="country" value={draft.country} onInput={(country) => update({ country })} />}
                </FormField>
              </div>
              <FormField label={t('editor.links')} name="links" errors={errors} hint={t('editor.linksHint')}>
                {(c) => <textarea {...c} rows={2} value={draft.links} onInput={(e) => update({ links: e.currentTarget.value })} />}
              </FormField>
            </fieldset>

            <RowsFieldset
              legend={t('editor.roles')}
              items={draft.roles}
              addLabel={t('editor.addRole')}
              onAdd={() => updateRows({ roles: [...draft.roles, emptyRole()] })}
              onRemove={(i) => updateRows({ roles: draft.roles.filter((_, j) => j !== i) })}
              itemName={(i) => t('editor.roleN', { n: i + 1 })}
              render={(role, i) => <RoleRow role={role} i={i} errors={errors} onChange={(patch) => update({ roles: replace(draft.roles, i, patch) })} />}
            />
            <RowsFieldset
              legend={t('editor.relations')}
              items={draft.relations}
              addLabel={t('editor.addRelation')}
              onAdd={() => updateRows({ relations: [...draft.relations, emptyRelation()] })}
              onRemove={(i) => updateRows({ relations: draft.relations.filter((_, j) => j !== i) })}
              itemName={(i) => t('editor.relationN', { n: i + 1 })}
              render={(relation, i) => (
                <RelationRow db={db} relation={relation} i={i} errors={errors} onChange={(patch) => update({ relations: replace(draft.relations, i, patch) })} />
              )}
            />
            <RowsFieldset
              legend={t('editor.statements')}
              items={draft.statements}
              addLabel={t('editor.addStatement')}
              onAdd={() => updateRows({ statements: [...draft.statements, emptyStatement()] })}
              onRemove={(i) => updateRows({ statements: draft.statements.filter((_, j) => j !== i) })}
              itemName={(i) => t('editor.statementN', { n: i + 1 })}
              render={(statement, i) => (
                <StatementRow statement={statement} i={i} errors={errors} onChange={(patch) => update({ statements: replace(draft.statements, i, patch) })} />
              )}
            />
            <FormField label={t('editor.note')} name="note" errors={errors} hint={t('editor.noteHint')}>
              {(c) => <textarea {...c} rows={3} maxLength={NOTE_LIMIT} value={draft.note} onInput={(e) => update({ note: e.currentTarget.value })} />}
            </FormField>
          </div>
        )}
        <footer class="editor-footer">
          <div role="alert" class="problems">
            {errorCount ? <p>{t('editor.fieldsToFix', { count: errorCount })}</p> : null}
            {failure && draft ? <p>{failure}</p> : null}
          </div>
          <div class="button-row">
            {!isNew && loaded?.stored ? (
              <button type="button" class="button danger-button" disabled={busy} onClick={() => void remove()}>
                {t('common.delete')}
              </button>
            ) : null}
            <span class="spacer" />
            <button type="button" class="button secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="button" disabled={!draft || busy}>
              {busy ? t('save.saving') : t('common.save')}
            </button>
          </div>
        </footer>
      </form>
    </dialog>
  );
}

function originText(stored: EntityRow | null, packs: PackRow[]): string {
  if (!stored) return t('editor.newOwn');
  if (stored.origin === USER_ORIGIN) return t('editor.own');
  const pack = packs.find((p) => p.id === stored.origin)?.title ?? stored.origin;
  return stored.editedAt !== undefined ? t('editor.fromPackEdited', { pack }) : t('editor.fromPack', { pack });
}

