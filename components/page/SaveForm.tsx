import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { parseTags } from '../shared/tags';
import { useLanguage } from '../shared/use-language';
import type { Choice } from './Popover';

export interface SaveInput {
  entityId: string | null;
  tags: string[];
  comment: string;
}

export interface SaveFormProps {
  quote: string;
  /** Every entity the reader may attribute the quote to; `proposed` ones first. */
  choices: Choice[];
  proposed: string[];
  onSave(input: SaveInput): Promise<void>;
  onClose(): void;
}

const NOTE_ONLY = '';

/** Save a selected passage as a statement by someone (or as a note), with tags and a comment. */
export function SaveForm({ quote, choices, proposed, onSave, onClose }: SaveFormProps) {
  useLanguage();
  const [entityId, setEntityId] = useState(proposed[0] ?? NOTE_ONLY);
  const [tags, setTags] = useState('');
  const [comment, setComment] = useState('');
  const [state, setState] = useState<{ kind: 'editing' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: string }>({ kind: 'editing' });
  const first = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // The first field takes focus, unless the reader is in the form already (the save-form frame focuses
  // it before this effect runs, and a fast typist may have moved on): keys are never sent astray.
  useEffect(() => {
    const active = first.current?.ownerDocument.activeElement;
    if (!active || !form.current?.contains(active)) first.current?.focus();
  }, []);

  const suggested = proposed.map((id) => choices.find((c) => c.id === id)).filter((c): c is Choice => !!c);
  const others = choices.filter((c) => !proposed.includes(c.id));
  const option = (c: Choice) => (
    <option key={c.id} value={c.id}>
      {c.name}
    </option>
  );

  async function submit(event: Event) {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      await onSave({ entityId: entityId || null, tags: parseTags(tags), comment: comment.trim() });
      setState({ kind: 'saved' });
      setTimeout(onClose, 900);
    } catch (error) {
      setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form ref={form} class="popover save-form" role="dialog" aria-label={t('save.title')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <button class="close" type="button" aria-label={t('common.close')} title={t('popover.closeTitle')} onClick={onClose}>
        ×
      </button>
      <h2 class="entity-name">{t('save.title')}</h2>
      <blockquote class="quote-preview">{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>
      <label class="field">
        <span>{t('library.statementBy')}</span>
        <select ref={first} value={entityId} aria-describedby="speaker-hint" onChange={(e) => setEntityId((e.currentTarget as HTMLSelectElement).value)}>
          {suggested.length ? <optgroup label={t('save.suggested')}>{suggested.map(option)}</optgroup> : null}
          <option value={NOTE_ONLY}>{t('save.noteOnly')}</option>
          {others.length ? <optgroup label={t('save.others')}>{others.map(option)}</optgroup> : null}
        </select>
      </label>
      <p id="speaker-hint" class="hint">
        {proposed.includes(entityId) ? t('save.suggestionHint') : ''}
      </p>
      <label class="field">
        <span>{t('library.tags')}</span>
        <input type="text" value={tags} placeholder={t('save.tagsPlaceholder')} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t('library.comment')}</span>
        <textarea rows={3} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <div class="actions">
        {state.kind === 'saved' ? <span class="ok" role="status">{t('save.saved')}</span> : null}
        {state.kind === 'failed' ? (
          <span class="error" role="alert">
            {t('save.failed', { error: state.error })}
          </span>
        ) : null}
        <button type="button" class="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="primary" disabled={state.kind === 'saving' || state.kind === 'saved'}>
          {state.kind === 'saving' ? t('save.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
