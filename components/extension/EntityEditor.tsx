import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/messages';
import type { BackstoryDatabase } from '../../lib/store/db';
import { ENTITY_KINDS, RELATION_TYPES, USER_ORIGIN, type EntityRow, type PackRow, type RelationType } from '../../lib/store/rows';
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
  type RelationDraft,
  type RoleDraft,
  type StatementDraft,
} from '../../lib/store/editor';
import { kindLabel } from '../../lib/format';
import { EntityPicker } from './EntityPicker';
import { getEntity } from '../../lib/store/knowledge';
import { FormField } from './FormField';

const RELATION_LABELS: Record<RelationType, string> = {
  member_of: 'member of',
  observer_of: 'observer of',
  partner_of: 'partner of',
  candidate_of: 'candidate for',
  suspended: 'suspended from',
  left: 'left',
  leads: 'leads',
  part_of: 'part of',
  capital_of: 'capital of',
  allied_with: 'allied with',
};

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

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
      else setFailure('This entity is no longer there: it was deleted meanwhile.');
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
    if (dirty && !confirm('Discard your changes to this entity?')) return;
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
      setFailure(`Not saved: ${(error as Error).message}`);
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
      setFailure(`Not deleted: ${(error as Error).message}`);
      setBusy(false);
    }
  }

  const title = isNew ? 'Add entity' : `Edit ${loaded?.stored?.name ?? 'entity'}`;
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
          <p class={failure ? 'problems' : 'muted'}>{failure || 'Loading…'}</p>
        ) : (
          <div class="editor-body">
            <fieldset>
              <legend>Who or what</legend>
              <div class="grid two">
                <FormField label="Name" name="name" errors={errors}>
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
                <FormField label="Kind" name="kind" errors={errors}>
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
              <FormField label="Id" name="id" errors={errors} hint={isNew ? 'Lower-case letters, digits and hyphens; it cannot change later.' : 'The id cannot change.'}>
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
              <FormField label="Aliases" name="aliases" errors={errors} hint="One per line: other spellings, short forms, other scripts. The name counts already.">
                {(c) => <textarea {...c} rows={rowsFor(draft.aliases)} value={draft.aliases} onInput={(e) => update({ aliases: e.currentTarget.value })} />}
              </FormField>
              <FormField label="Summary" name="summary" errors={errors} hint="A short neutral background.">
                {(c) => <textarea {...c} rows={3} value={draft.summary} onInput={(e) => update({ summary: e.currentTarget.value })} />}
              </FormField>
              <div class="grid two">
                <FormField label="As of" name="asOf" errors={errors} hint={`When the summary was true: ${DATE_HINT}`}>
                  {(c) => <input {...c} type="text" inputMode="numeric" value={draft.asOf} onInput={(e) => update({ asOf: e.currentTarget.value })} />}
                </FormField>
                <FormField label="Country" name="country" errors={errors}>
                  {(c) => <EntityPicker db={db} control={c} kind="country" value={draft.country} onInput={(country) => update({ country })} />}
                </FormField>
              </div>
              <FormField label="Links" name="links" errors={errors} hint="One per line, starting with http:// or https://">
                {(c) => <textarea {...c} rows={2} value={draft.links} onInput={(e) => update({ links: e.currentTarget.value })} />}
              </FormField>
            </fieldset>

            <RowsFieldset
              legend="Roles"
              items={draft.roles}
              addLabel="Add role"
              onAdd={() => updateRows({ roles: [...draft.roles, emptyRole()] })}
              onRemove={(i) => updateRows({ roles: draft.roles.filter((_, j) => j !== i) })}
              itemName={(i) => `role ${i + 1}`}
              render={(role, i) => <RoleRow role={role} i={i} errors={errors} onChange={(patch) => update({ roles: replace(draft.roles, i, patch) })} />}
            />
            <RowsFieldset
              legend="Memberships and relations"
              items={draft.relations}
              addLabel="Add relation"
              onAdd={() => updateRows({ relations: [...draft.relations, emptyRelation()] })}
              onRemove={(i) => updateRows({ relations: draft.relations.filter((_, j) => j !== i) })}
              itemName={(i) => `relation ${i + 1}`}
              render={(relation, i) => (
                <RelationRow db={db} relation={relation} i={i} errors={errors} onChange={(patch) => update({ relations: replace(draft.relations, i, patch) })} />
              )}
            />
            <RowsFieldset
              legend="Statements"
              items={draft.statements}
              addLabel="Add statement"
              onAdd={() => updateRows({ statements: [...draft.statements, emptyStatement()] })}
              onRemove={(i) => updateRows({ statements: draft.statements.filter((_, j) => j !== i) })}
              itemName={(i) => `statement ${i + 1}`}
              render={(statement, i) => (
                <StatementRow statement={statement} i={i} errors={errors} onChange={(patch) => update({ statements: replace(draft.statements, i, patch) })} />
              )}
            />
            <FormField label="Private note" name="note" errors={errors} hint="Only for you: it stays in this browser and is never exported.">
              {(c) => <textarea {...c} rows={3} maxLength={NOTE_LIMIT} value={draft.note} onInput={(e) => update({ note: e.currentTarget.value })} />}
            </FormField>
          </div>
        )}
        <footer class="editor-footer">
          <div role="alert" class="problems">
            {errorCount ? <p>{errorCount === 1 ? 'One field needs a fix' : `${errorCount} fields need a fix`} before saving; see the marked fields.</p> : null}
            {failure && draft ? <p>{failure}</p> : null}
          </div>
          <div class="button-row">
            {!isNew && loaded?.stored ? (
              <button type="button" class="button danger-button" disabled={busy} onClick={() => void remove()}>
                Delete
              </button>
            ) : null}
            <span class="spacer" />
            <button type="button" class="button secondary" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" class="button" disabled={!draft || busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </footer>
      </form>
    </dialog>
  );
}

function originText(stored: EntityRow | null, packs: PackRow[]): string {
  if (!stored) return 'Your own entry. It is marked on pages as soon as you save it.';
  if (stored.origin === USER_ORIGIN) return 'Your own entry.';
  const pack = packs.find((p) => p.id === stored.origin)?.title ?? stored.origin;
  return stored.editedAt !== undefined
    ? `From the pack “${pack}”, edited by you: updates of the pack leave it as you left it.`
    : `From the pack “${pack}”. Once you save a change, updates of the pack leave this entry as you left it.`;
}

/** Enough rows to show a list of a few lines whole, without growing past the dialog. */
const rowsFor = (text: string) => Math.min(10, Math.max(3, text.split('\n').length + 1));

const replace = <T,>(items: T[], i: number, patch: Partial<T>): T[] => items.map((item, j) => (j === i ? { ...item, ...patch } : item));

function RowsFieldset<T>(props: {
  legend: string;
  items: T[];
  addLabel: string;
  onAdd(): void;
  onRemove(i: number): void;
  itemName(i: number): string;
  render(item: T, i: number): ComponentChildren;
}) {
  const { legend, items, addLabel, onAdd, onRemove, itemName, render } = props;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.length ? null : <p class="muted">None yet.</p>}
      {items.map((item, i) => (
        <div class="row-item" key={i}>
          {render(item, i)}
          <button type="button" class="link danger remove" aria-label={`Remove ${itemName(i)}`} onClick={() => onRemove(i)}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="button secondary small" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}

function RoleRow({ role, i, errors, onChange }: { role: RoleDraft; i: number; errors: FieldErrors; onChange(patch: Partial<RoleDraft>): void }) {
  return (
    <div class="grid role">
      <FormField label="Title" name={`roles.${i}.title`} errors={errors}>
        {(c) => <input {...c} type="text" value={role.title} onInput={(e) => onChange({ title: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Since" name={`roles.${i}.since`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder="YYYY-MM-DD" value={role.since} onInput={(e) => onChange({ since: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Until" name={`roles.${i}.until`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder="YYYY-MM-DD" value={role.until} onInput={(e) => onChange({ until: e.currentTarget.value })} />}
      </FormField>
    </div>
  );
}

function RelationRow(props: { db: BackstoryDatabase; relation: RelationDraft; i: number; errors: FieldErrors; onChange(patch: Partial<RelationDraft>): void }) {
  const { db, relation, i, errors, onChange } = props;
  return (
    <div class="grid relation">
      <FormField label="Relation" name={`relations.${i}.type`} errors={errors}>
        {(c) => (
          <select {...c} value={relation.type} onChange={(e) => onChange({ type: e.currentTarget.value as RelationType })}>
            {RELATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {RELATION_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Entity" name={`relations.${i}.to`} errors={errors}>
        {(c) => <EntityPicker db={db} control={c} value={relation.to} onInput={(to) => onChange({ to })} />}
      </FormField>
      <FormField label="Since" name={`relations.${i}.since`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder="YYYY-MM-DD" value={relation.since} onInput={(e) => onChange({ since: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Until" name={`relations.${i}.until`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder="YYYY-MM-DD" value={relation.until} onInput={(e) => onChange({ until: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Note" name={`relations.${i}.note`} errors={errors} class="wide">
        {(c) => <input {...c} type="text" value={relation.note} onInput={(e) => onChange({ note: e.currentTarget.value })} />}
      </FormField>
    </div>
  );
}

function StatementRow(props: { statement: StatementDraft; i: number; errors: FieldErrors; onChange(patch: Partial<StatementDraft>): void }) {
  const { statement, i, errors, onChange } = props;
  return (
    <div class="grid statement">
      <FormField label="What was said" name={`statements.${i}.text`} errors={errors} class="wide">
        {(c) => <textarea {...c} rows={3} value={statement.text} onInput={(e) => onChange({ text: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Quote or paraphrase" name={`statements.${i}.kind`} errors={errors}>
        {(c) => (
          <select {...c} value={statement.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as StatementDraft['kind'] })}>
            <option value="quote">Quote (their words)</option>
            <option value="paraphrase">Paraphrase</option>
          </select>
        )}
      </FormField>
      <FormField label="Date" name={`statements.${i}.date`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder="YYYY-MM-DD" value={statement.date} onInput={(e) => onChange({ date: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Source title" name={`statements.${i}.sourceTitle`} errors={errors} hint="Required: where it was said or reported.">
        {(c) => <input {...c} type="text" value={statement.sourceTitle} onInput={(e) => onChange({ sourceTitle: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Source link" name={`statements.${i}.sourceUrl`} errors={errors}>
        {(c) => <input {...c} type="url" placeholder="https://" value={statement.sourceUrl} onInput={(e) => onChange({ sourceUrl: e.currentTarget.value })} />}
      </FormField>
      <FormField label="Publisher" name={`statements.${i}.sourcePublisher`} errors={errors}>
        {(c) => <input {...c} type="text" value={statement.sourcePublisher} onInput={(e) => onChange({ sourcePublisher: e.currentTarget.value })} />}
      </FormField>
    </div>
  );
}
