import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '../shared/tags';
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
    <form ref={form} class="popover save-form" role="dialog" aria-label="Save to Backstory" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <button class="close" type="button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
      <h2 class="entity-name">Save to Backstory</h2>
      <blockquote class="quote-preview">{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>
      <label class="field">
        <span>Statement by</span>
        <select ref={first} value={entityId} aria-describedby="speaker-hint" onChange={(e) => setEntityId((e.currentTarget as HTMLSelectElement).value)}>
          {suggested.length ? <optgroup label="Suggested">{suggested.map(option)}</optgroup> : null}
          <option value={NOTE_ONLY}>Note only (nobody’s statement)</option>
          {others.length ? <optgroup label="Others on this page">{others.map(option)}</optgroup> : null}
        </select>
      </label>
      <p id="speaker-hint" class="hint">
        {proposed.includes(entityId) ? 'A suggestion from the passage: check who said it.' : ''}
      </p>
      <label class="field">
        <span>Tags</span>
        <input type="text" value={tags} placeholder="comma, separated" onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>Comment</span>
        <textarea rows={3} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <div class="actions">
        {state.kind === 'saved' ? <span class="ok" role="status">Saved</span> : null}
        {state.kind === 'failed' ? (
          <span class="error" role="alert">
            Not saved: {state.error}
          </span>
        ) : null}
        <button type="button" class="secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={state.kind === 'saving' || state.kind === 'saved'}>
          {state.kind === 'saving' ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
