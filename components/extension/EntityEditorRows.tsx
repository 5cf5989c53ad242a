import type { ComponentChildren } from 'preact';
import type { BackstoryDatabase } from '../../lib/store/db';
import { RELATION_TYPES, type RelationType } from '../../lib/store/rows';
import type { FieldErrors, RelationDraft, RoleDraft, StatementDraft } from '../../lib/store/editor';
import { t, type Key } from '../../lib/i18n';
import { EntityPicker } from './EntityPicker';
import { FormField } from './FormField';


/** 'member of', 'член'…: the relation types as the editor's select names them. */
const relationLabel = (type: RelationType) => t(`relation.${type}` as Key);

/** Enough rows to show a list of a few lines whole, without growing past the dialog. */
export const rowsFor = (text: string) => Math.min(10, Math.max(3, text.split('\n').length + 1));

export const replace = <T,>(items: T[], i: number, patch: Partial<T>): T[] => items.map((item, j) => (j === i ? { ...item, ...patch } : item));

export function RowsFieldset<T>(props: {
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
      {items.length ? null : <p class="muted">{t('editor.noneYet')}</p>}
      {items.map((item, i) => (
        <div class="row-item" key={i}>
          {render(item, i)}
          <button type="button" class="link danger remove" aria-label={t('editor.removeItem', { item: itemName(i) })} onClick={() => onRemove(i)}>
            {t('packs.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="button secondary small" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}

export function RoleRow({ role, i, errors, onChange }: { role: RoleDraft; i: number; errors: FieldErrors; onChange(patch: Partial<RoleDraft>): void }) {
  return (
    <div class="grid role">
      <FormField label={t('editor.roleTitle')} name={`roles.${i}.title`} errors={errors}>
        {(c) => <input {...c} type="text" value={role.title} onInput={(e) => onChange({ title: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.since')} name={`roles.${i}.since`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder={t('editor.datePlaceholder')} value={role.since} onInput={(e) => onChange({ since: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.until')} name={`roles.${i}.until`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder={t('editor.datePlaceholder')} value={role.until} onInput={(e) => onChange({ until: e.currentTarget.value })} />}
      </FormField>
    </div>
  );
}

export function RelationRow(props: { db: BackstoryDatabase; relation: RelationDraft; i: number; errors: FieldErrors; onChange(patch: Partial<RelationDraft>): void }) {
  const { db, relation, i, errors, onChange } = props;
  return (
    <div class="grid relation">
      <FormField label={t('editor.relation')} name={`relations.${i}.type`} errors={errors}>
        {(c) => (
          <select {...c} value={relation.type} onChange={(e) => onChange({ type: e.currentTarget.value as RelationType })}>
            {RELATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {relationLabel(t)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('editor.entity')} name={`relations.${i}.to`} errors={errors}>
        {(c) => <EntityPicker db={db} control={c} value={relation.to} onInput={(to) => onChange({ to })} />}
      </FormField>
      <FormField label={t('editor.since')} name={`relations.${i}.since`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder={t('editor.datePlaceholder')} value={relation.since} onInput={(e) => onChange({ since: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.until')} name={`relations.${i}.until`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder={t('editor.datePlaceholder')} value={relation.until} onInput={(e) => onChange({ until: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.relationNote')} name={`relations.${i}.note`} errors={errors} class="wide">
        {(c) => <input {...c} type="text" value={relation.note} onInput={(e) => onChange({ note: e.currentTarget.value })} />}
      </FormField>
    </div>
  );
}

export function StatementRow(props: { statement: StatementDraft; i: number; errors: FieldErrors; onChange(patch: Partial<StatementDraft>): void }) {
  const { statement, i, errors, onChange } = props;
  return (
    <div class="grid statement">
      <FormField label={t('editor.said')} name={`statements.${i}.text`} errors={errors} class="wide">
        {(c) => <textarea {...c} rows={3} value={statement.text} onInput={(e) => onChange({ text: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.quoteOrParaphrase')} name={`statements.${i}.kind`} errors={errors}>
        {(c) => (
          <select {...c} value={statement.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as StatementDraft['kind'] })}>
            <option value="quote">{t('editor.quote')}</option>
            <option value="paraphrase">{t('editor.paraphrase')}</option>
          </select>
        )}
      </FormField>
      <FormField label={t('editor.date')} name={`statements.${i}.date`} errors={errors}>
        {(c) => <input {...c} type="text" placeholder={t('editor.datePlaceholder')} value={statement.date} onInput={(e) => onChange({ date: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.sourceTitle')} name={`statements.${i}.sourceTitle`} errors={errors} hint={t('editor.sourceTitleHint')}>
        {(c) => <input {...c} type="text" value={statement.sourceTitle} onInput={(e) => onChange({ sourceTitle: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.sourceLink')} name={`statements.${i}.sourceUrl`} errors={errors}>
        {(c) => <input {...c} type="url" placeholder="https://" value={statement.sourceUrl} onInput={(e) => onChange({ sourceUrl: e.currentTarget.value })} />}
      </FormField>
      <FormField label={t('editor.publisher')} name={`statements.${i}.sourcePublisher`} errors={errors}>
        {(c) => <input {...c} type="text" value={statement.sourcePublisher} onInput={(e) => onChange({ sourcePublisher: e.currentTarget.value })} />}
      </FormField>
    </div>
  );
}
