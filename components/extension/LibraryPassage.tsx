import { useState } from 'preact/hooks';
import type { ListedPassage } from '../../lib/library/saved-annotation';
import { updateAnnotation } from '../../lib/store/annotations';
import type { BackstoryDatabase } from '../../lib/store/db';
import { formatDate } from '../../lib/format';
import { formatMoment, t } from '../../lib/i18n';
import { parseTags } from '../shared/tags';
import { EntityPicker } from './EntityPicker';

/** One passage of the library's list: the quote, whose it is, its tags, comment and source, and what can be done with it. */
export function Passage({ annotation: a, onOpen, onEdit, onDelete }: { annotation: ListedPassage; onOpen(): void; onEdit(): void; onDelete(): void }) {
  return (
    <li class="passage">
      <blockquote>{a.quote}</blockquote>
      <div class="attribution">
        {a.entityName ? <strong>{a.entityName}</strong> : <span class="muted">{t('library.note')}</span>}
        {a.tags.map((tag) => (
          <span key={tag} class="tag">
            #{tag}
          </span>
        ))}
      </div>
      {a.comment ? <p class="comment">{a.comment}</p> : null}
      <p class="source">
        <a
          href={a.url}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {a.title || a.url}
        </a>
        {a.site ? ` · ${a.site}` : ''}
        {a.published ? ` · ${formatDate(a.published.slice(0, 10))}` : ''} · {t('library.saved', { date: formatMoment(a.createdAt) })}
      </p>
      <div class="actions">
        <button type="button" class="link" onClick={onOpen}>
          {t('common.open')}
        </button>
        <button type="button" class="link" onClick={onEdit}>
          {t('common.edit')}
        </button>
        <button type="button" class="link danger" onClick={onDelete}>
          {t('common.delete')}
        </button>
      </div>
    </li>
  );
}

/** A passage of the list being edited: its speaker, tags and comment. */
export function EditPassage({ db, annotation, onDone }: { db: BackstoryDatabase; annotation: ListedPassage; onDone(changed: boolean): void }) {
  const [entityId, setEntityId] = useState(annotation.entityId ?? '');
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [comment, setComment] = useState(annotation.comment ?? '');
  const [error, setError] = useState('');
  return (
    <li class="passage editing">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await updateAnnotation(db, annotation.id, { entityId: entityId || null, tags: parseTags(tags), comment: comment.trim() });
            onDone(true);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <blockquote>{annotation.quote}</blockquote>
        <label for={`speaker-${annotation.id}`}>{t('library.statementBy')}</label>
        {/* A text box that suggests entities as the reader types: a list of every entity would hold
            a hundred thousand options with a large knowledge base. Empty: a note, nobody's statement. */}
        <EntityPicker
          db={db}
          value={entityId}
          onInput={setEntityId}
          control={{ id: `speaker-${annotation.id}`, name: 'speaker', 'aria-describedby': `speaker-${annotation.id}-hint` }}
        />
        <span id={`speaker-${annotation.id}-hint`} class="hint">
          {t('library.noteHint')}
        </span>
        <label>
          {t('library.tags')}
          <input type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('library.comment')}
          <textarea rows={3} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        {error ? <p class="error">{error}</p> : null}
        <div class="actions">
          <button type="button" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </li>
  );
}
