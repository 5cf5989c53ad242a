import { useMemo } from 'preact/hooks';
import { flashcardsCsv } from '../../lib/formats/flashcards';
import { studySheetMarkdown } from '../../lib/formats/study-markdown';
import { inReadingOrder } from '../../lib/study/alliances';
import type { ArticleEntity, ArticleInfo, SavedNote } from '../../lib/study/article';
import { studyQuestions } from '../../lib/study/questions';
import { SourceLink } from '../page/SourceLink';
import { formatDate, formatSpan, hostOf, kindLabel, webUrl } from '../../lib/format';
import { saveFile } from '../shared/download';
import { AllianceTable } from './AllianceTable';
import { t } from '../../lib/i18n';
import { summaryIn } from '../../lib/i18n/summary';

export interface StudySheetProps {
  article: ArticleInfo;
  entities: ArticleEntity[];
  notes: SavedNote[];
  onClose(): void;
}

/** A file name from the article's title, letters of any script kept. */
function fileName(title: string, ending: string): string {
  const slug = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60).replace(/^-+|-+$/g, '') || 'article';
  return `backstory-${slug}${ending}`;
}

const download = (text: string, type: string, name: string) => saveFile(new Blob([text], { type }), name);

function GlossaryEntry({ entity }: { entity: ArticleEntity }) {
  const dossier = entity.dossier;
  const role = dossier?.currentRole;
  return (
    <div class="bs-sheet-entry">
      <dt>
        {entity.name} <span class="bs-sheet-kind">{kindLabel(entity.kind)}</span>
      </dt>
      {role ? (
        <dd class="bs-sheet-role">
          {role.title}
          {role.since ? ` (${formatSpan(role.since)})` : ''}
        </dd>
      ) : null}
      {summaryIn(dossier?.entity.summary) ? (
        <dd>
          {summaryIn(dossier?.entity.summary)}
          {dossier?.entity.asOf ? <span class="bs-as-of"> ({t('study.asOf', { date: formatDate(dossier.entity.asOf) })})</span> : null}
        </dd>
      ) : null}
      {dossier?.entity.sources?.length ? (
        <dd class="bs-sheet-sources">
          {t('study.sources')}{' '}
          {dossier.entity.sources.map((source, i) => (
            <span key={i}>
              {i ? '; ' : ''}
              <SourceLink source={source} />
            </span>
          ))}
        </dd>
      ) : null}
    </div>
  );
}

function Passage({ note }: { note: SavedNote }) {
  return (
    <li class="bs-sheet-passage">
      <blockquote>{note.quote}</blockquote>
      {note.speaker ? <p class="bs-sheet-speaker">— {note.speaker}</p> : null}
      {note.comment ? <p class="bs-sheet-comment">{note.comment}</p> : null}
      {note.tags.length ? <p class="bs-sheet-tags">{t('study.tags', { tags: note.tags.join(', ') })}</p> : null}
    </li>
  );
}

/**
 * The study sheet, made to be printed: the article, a glossary of its names, the alliance table, the
 * reader's saved passages and study questions, with the answers on a page of their own. The buttons sit
 * outside the sheet and are not printed.
 */
export function StudySheet({ article, entities, notes, onClose }: StudySheetProps) {
  const ordered = useMemo(() => inReadingOrder(entities), [entities]);
  const questions = useMemo(() => studyQuestions(ordered), [ordered]);
  const published = article.published && /^\d{4}/.test(article.published) ? formatDate(article.published.slice(0, 10)) : '';
  return (
    <div class="bs-study">
      <div class="bs-study-actions" role="group" aria-label={t('reader.studySheet')}>
        <button type="button" class="bs-study-button" onClick={onClose}>
          {t('study.back')}
        </button>
        <button type="button" class="bs-study-button" onClick={() => window.print()}>
          {t('study.print')}
        </button>
        <button
          type="button"
          class="bs-study-button"
          onClick={() => download(studySheetMarkdown(article, ordered, notes), 'text/markdown;charset=utf-8', fileName(article.title, '.md'))}
        >
          {t('study.exportMarkdown')}
        </button>
        <button
          type="button"
          class="bs-study-button"
          onClick={() => download(flashcardsCsv(ordered), 'text/csv;charset=utf-8', fileName(article.title, '-flashcards.csv'))}
        >
          {t('study.exportFlashcards')}
        </button>
      </div>
      <article class="bs-study-sheet">
        <header class="bs-sheet-head">
          <h1 lang={article.lang || undefined}>{article.title}</h1>
          <p class="bs-sheet-source">
            {webUrl(article.url) ? <a href={article.url}>{article.site || hostOf(article.url)}</a> : article.site}
            {article.byline ? ` · ${article.byline}` : ''}
            {published ? ` · ${t('study.published', { date: published })}` : ''}
          </p>
        </header>

        <section aria-labelledby="bs-sheet-glossary">
          <h2 id="bs-sheet-glossary">{t('reader.glossary')}</h2>
          {ordered.length ? (
            <dl class="bs-sheet-glossary">
              {ordered.map((entity) => (
                <GlossaryEntry key={entity.id} entity={entity} />
              ))}
            </dl>
          ) : (
            <p class="bs-empty">{t('study.noNames')}</p>
          )}
        </section>

        <section aria-labelledby="bs-sheet-alliances">
          <h2 id="bs-sheet-alliances">{t('reader.alliances')}</h2>
          <AllianceTable entities={ordered} />
        </section>

        <section aria-labelledby="bs-sheet-passages">
          <h2 id="bs-sheet-passages">{t('study.passages')}</h2>
          {notes.length ? (
            <ul class="bs-sheet-passages">
              {notes.map((note) => (
                <Passage key={note.id} note={note} />
              ))}
            </ul>
          ) : (
            <p class="bs-empty">{t('study.noPassages')}</p>
          )}
        </section>

        <section aria-labelledby="bs-sheet-questions">
          <h2 id="bs-sheet-questions">{t('study.questions')}</h2>
          {questions.length ? (
            <ol class="bs-sheet-questions">
              {questions.map((q, i) => (
                <li key={i}>{q.question}</li>
              ))}
            </ol>
          ) : (
            <p class="bs-empty">{t('study.noQuestions')}</p>
          )}
        </section>

        {questions.length ? (
          <section class="bs-sheet-answers" aria-labelledby="bs-sheet-answers">
            <h2 id="bs-sheet-answers">{t('study.answers')}</h2>
            <ol>
              {questions.map((q, i) => (
                <li key={i}>
                  {q.answer}
                  {q.sources.length ? (
                    <span class="bs-sheet-sources">
                      {' '}
                      {t('study.sources')}{' '}
                      {q.sources.map((source, j) => (
                        <span key={j}>
                          {j ? '; ' : ''}
                          <SourceLink source={source} />
                        </span>
                      ))}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </article>
    </div>
  );
}
