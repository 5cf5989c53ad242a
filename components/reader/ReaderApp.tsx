import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { anchor, describe, type Selector } from '../../lib/anchoring';
import type { AnnotationInput, AnnotationRow, Candidates, Dossier, ReaderSnapshot } from '../../lib/messages';
import { MARK_CLASS } from '../../lib/page/reader/mark-article';
import { prepareArticle, type PreparedArticle } from '../../lib/page/reader/prepare';
import { articleEntities, savedNotes, type ArticleEntity, type ArticleInfo, type SavedNote } from '../../lib/study/article';
import type { ReaderPrefs } from '../../lib/store/reader-prefs';
import type { PageWords } from '../../lib/text';
import { Popover, type Choice } from '../page/Popover';
import { SaveForm, type SaveInput } from '../page/SaveForm';
import { formatDate, hostOf } from '../../lib/format';
import { fitPageDescription } from '../../lib/page-description';
import { ReaderOverlay } from './overlay';
import { ReaderPanel, type PanelTab } from './ReaderPanel';
import { ReaderSettings } from './ReaderSettings';
import { useResolvedTheme } from './use-color-scheme';
import { StudySheet } from './StudySheet';
import { t } from '../../lib/i18n';
import { useLanguage } from '../shared/use-language';

export interface ReaderApi {
  /** The page as it stood when the reading mode asked for it. */
  snapshot(): Promise<ReaderSnapshot>;
  lookup(words: PageWords): Promise<Candidates>;
  dossier(id: string): Promise<Dossier | null>;
  /** The reader's saved passages of a page. */
  annotations(url: string): Promise<AnnotationRow[]>;
  save(annotation: AnnotationInput): Promise<AnnotationRow>;
  readPrefs(): Promise<ReaderPrefs>;
  writePrefs(prefs: ReaderPrefs): Promise<ReaderPrefs>;
  /** Brings the page's own tab forward. */
  showPage(): void;
  /** Called once the article is shown with every name marked (or the reading mode gave up). */
  onShown?(outcome: { ok: boolean; timings?: Record<string, number> }): void;
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string; url?: string } | { kind: 'ready'; prepared: PreparedArticle };

const SPEAKER_KINDS = new Set(['person', 'organization', 'party']);

/** The reading mode: the article with every known name a button, and beside it what a student needs. */
export function ReaderApp({ api, prefs: initialPrefs }: { api: ReaderApi; prefs: ReaderPrefs }) {
  useLanguage();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [prefs, setPrefs] = useState(initialPrefs);
  const theme = useResolvedTheme(prefs.theme);
  const [dossiers, setDossiers] = useState<Record<string, Dossier | null>>({});
  const [rows, setRows] = useState<AnnotationRow[]>([]);
  const [view, setView] = useState<'article' | 'sheet'>('article');
  const [tab, setTab] = useState<PanelTab>('glossary');
  const [panelOpen, setPanelOpen] = useState(true);
  const [problem, setProblem] = useState('');
  const bodySlot = useRef<HTMLDivElement>(null);
  const overlay = useRef<ReaderOverlay | null>(null);
  /** The control to give focus back to when the card or the form closes. */
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let live = true;
    api
      .snapshot()
      .then((snapshot) => prepareArticle(snapshot, document, api.lookup).then((preparation) => ({ preparation, snapshot })))
      .then(
        ({ preparation, snapshot }) => {
          if (!live) return;
          if (!preparation.ok) {
            setState({ kind: 'failed', message: preparation.message, url: snapshot.url });
            api.onShown?.({ ok: false });
          } else setState({ kind: 'ready', prepared: preparation.prepared });
        },
        (error: unknown) => {
          if (!live) return;
          setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
          api.onShown?.({ ok: false });
        },
      );
    return () => {
      live = false;
    };
  }, [api]);

  const prepared = state.kind === 'ready' ? state.prepared : null;

  // The marked body is built off screen and put in place once; Preact never renders inside it.
  useEffect(() => {
    if (!prepared || !bodySlot.current || bodySlot.current.firstChild === prepared.body) return;
    bodySlot.current.replaceChildren(prepared.body);
    // Shown once the frame that holds it is laid out and painted: a task queued from the frame's
    // animation callback runs after that frame's rendering.
    requestAnimationFrame(() => setTimeout(() => api.onShown?.({ ok: true, timings: prepared.timings })));
  }, [prepared, view, api]);

  const info: ArticleInfo | null = useMemo(
    () =>
      prepared && {
        title: prepared.article.title,
        url: prepared.article.url,
        site: prepared.article.site,
        byline: prepared.article.byline,
        published: prepared.article.published,
        lang: prepared.article.lang,
      },
    [prepared],
  );

  useEffect(() => {
    if (info) document.title = t('reader.pageTitle', { title: info.title });
  }, [info]);

  // Every entity's dossier, asked for once the article is shown.
  useEffect(() => {
    if (!prepared) return;
    for (const id of Object.keys(prepared.marked.entities)) {
      api.dossier(id).then(
        (dossier) => setDossiers((current) => ({ ...current, [id]: dossier })),
        () => setDossiers((current) => ({ ...current, [id]: null })),
      );
    }
    api.annotations(prepared.article.url).then(setRows, () => setRows([]));
  }, [prepared, api]);

  const entities: ArticleEntity[] = useMemo(() => (prepared ? articleEntities(prepared.marked, dossiers) : []), [prepared, dossiers]);

  const notes: SavedNote[] = useMemo(
    () => savedNotes(rows, (id) => prepared?.marked.entities[id]?.name ?? dossiers[id]?.entity.name),
    [rows, prepared, dossiers],
  );

  // Saved passages are painted in the article as on the page (the reading mode's own highlight registry).
  useEffect(() => {
    if (!prepared || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = rows
      .map((row) => anchor(prepared.body, (row.selectors as Selector[]).filter((selector) => selector.type === 'TextQuoteSelector')))
      .filter((range): range is Range => range !== null);
    CSS.highlights.set('backstory-saved', new Highlight(...ranges));
  }, [rows, prepared, view]);

  const getOverlay = () => (overlay.current ??= new ReaderOverlay(document));

  const closeOverlay = useCallback(() => {
    if (!overlay.current?.isOpen) return;
    overlay.current.close();
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) {
      target.setAttribute('aria-expanded', 'false');
      target.focus();
    }
  }, []);

  const choicesOf = useCallback(
    (ids: string[]): Choice[] =>
      ids.flatMap((id) => {
        const meta = prepared?.marked.entities[id];
        return meta ? [{ id, name: meta.name, kind: meta.kind }] : [];
      }),
    [prepared],
  );

  const getDossier = useCallback((id: string) => api.dossier(id), [api]);

  const openCard = useCallback(
    (button: HTMLButtonElement) => {
      const ids = (button.dataset.entities ?? button.dataset.entity ?? '').split(' ').filter(Boolean);
      const card = getOverlay().show(button, <Popover choices={choicesOf(ids)} getDossier={getDossier} onClose={closeOverlay} />);
      returnFocus.current = button;
      button.setAttribute('aria-expanded', 'true');
      card?.setAttribute('aria-modal', 'false');
      card?.focus();
    },
    [choicesOf, getDossier, closeOverlay],
  );

  const markButton = (markIndex: number) =>
    prepared?.body.querySelector<HTMLButtonElement>(`.${MARK_CLASS}[data-mark="${markIndex}"]`) ?? null;

  const jumpTo = useCallback(
    (markIndex: number) => {
      const button = markButton(markIndex);
      if (!button) return;
      button.scrollIntoView({ block: 'center' });
      button.focus({ preventScroll: true });
    },
    [prepared],
  );

  const openEntity = useCallback(
    (id: string) => {
      const first = entities.find((entity) => entity.id === id)?.mentions[0];
      const button = first ? markButton(first.markIndex) : null;
      if (!button) return;
      button.scrollIntoView({ block: 'center' });
      openCard(button);
    },
    [entities, openCard],
  );

  const saveRange = useCallback(
    async (range: Range, input: SaveInput) => {
      if (!prepared || !info) return;
      // Only the quote and its context travel to the page: positions in the reading mode's text are not the page's.
      const quote = describe(range, prepared.body)[0];
      // Readability's title and byline may be longer than a saved passage carries: fitted, never refused.
      const saved = await api.save(
        fitPageDescription({
          url: info.url,
          title: info.title,
          site: info.site,
          author: info.byline,
          published: info.published,
          quote: quote.exact,
          selectors: [quote],
          entityId: input.entityId ?? undefined,
          tags: input.tags,
          comment: input.comment || undefined,
        }),
      );
      setRows((current) => [...current, saved]);
      if (saved.entityId) setDossiers((current) => ({ ...current }));
    },
    [prepared, info, api],
  );

  const openSaveForm = useCallback(
    (range: Range) => {
      const speakers = entities.filter((entity) => SPEAKER_KINDS.has(entity.kind));
      const inside = speakers.filter((entity) => entity.mentions.some((mention) => {
        const button = markButton(mention.markIndex);
        return button !== null && range.intersectsNode(button);
      }));
      const proposed = [...inside.filter((e) => e.kind === 'person'), ...inside.filter((e) => e.kind !== 'person')].map((e) => e.id);
      const saved = range.cloneRange();
      const form = getOverlay().show(
        { getBoundingClientRect: () => saved.getBoundingClientRect(), contextElement: prepared?.body },
        <SaveForm
          quote={saved.toString()}
          choices={speakers.map(({ id, name, kind }) => ({ id, name, kind }))}
          proposed={proposed}
          onSave={(input) => saveRange(saved, input)}
          onClose={closeOverlay}
        />,
      );
      form?.setAttribute('aria-modal', 'false');
    },
    [entities, prepared, saveRange, closeOverlay],
  );

  // Selecting a passage in the article offers to save it, as on a page.
  useEffect(() => {
    if (!prepared) return;
    const body = prepared.body;
    const onSelectionEnd = (event: Event) => {
      if (overlay.current?.contains(event.target)) return;
      setTimeout(() => {
        const selection = document.getSelection();
        if (!selection || selection.isCollapsed || !selection.rangeCount) return;
        const range = selection.getRangeAt(0);
        if (!range.toString().trim() || !body.contains(range.commonAncestorContainer)) return;
        returnFocus.current = null;
        const saved = range.cloneRange();
        getOverlay().show(
          { getBoundingClientRect: () => saved.getBoundingClientRect(), contextElement: body },
          <button type="button" class="save-button" onClick={() => openSaveForm(saved)}>
            {t('save.title')}
          </button>,
        );
      }, 0);
    };
    body.addEventListener('mouseup', onSelectionEnd);
    body.addEventListener('keyup', onSelectionEnd);
    return () => {
      body.removeEventListener('mouseup', onSelectionEnd);
      body.removeEventListener('keyup', onSelectionEnd);
    };
  }, [prepared, openSaveForm]);

  // A name opens its card; Escape closes it and gives focus back; a click elsewhere closes it.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const button = target?.closest?.(`.${MARK_CLASS}`) as HTMLButtonElement | null;
      if (button && prepared?.body.contains(button)) {
        event.preventDefault();
        openCard(button);
      } else if (!overlay.current?.contains(event.target)) closeOverlay();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && overlay.current?.isOpen) {
        event.preventDefault();
        closeOverlay();
      }
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [prepared, openCard, closeOverlay]);

  const changePrefs = (next: ReaderPrefs) => {
    setPrefs(next);
    api.writePrefs(next).then(setPrefs, (error: Error) => setProblem(t('reader.prefsFailed', { error: error.message })));
  };

  const readerAttributes = {
    'data-theme': theme,
    'data-font': prefs.font,
    'data-width': prefs.width,
    style: { '--reader-font-size': `${prefs.fontSize}px`, '--reader-line-height': String(prefs.lineHeight) },
  };

  if (state.kind !== 'ready' || !prepared || !info) {
    return (
      <div class="reader" {...readerAttributes}>
        <main class="reader-message">
          {state.kind === 'failed' ? (
            <>
              <h1>{t('reader.failed')}</h1>
              <p role="alert">{state.message}</p>
              <p>
                <button type="button" class="link" onClick={api.showPage}>
                  {t('reader.backToPage')}
                </button>
                {state.url ? <span class="source-url"> · {state.url}</span> : null}
              </p>
            </>
          ) : (
            <p role="status" aria-live="polite">
              {t('reader.reading')}
            </p>
          )}
        </main>
      </div>
    );
  }

  if (view === 'sheet') {
    return (
      <div class="reader reader-sheet" {...readerAttributes}>
        <StudySheet article={info} entities={entities} notes={notes} onClose={() => setView('article')} />
      </div>
    );
  }

  const { article } = prepared;
  const published = article.published ? formatDate(article.published.slice(0, 10)) : '';
  return (
    <div class={`reader${panelOpen ? '' : ' panel-closed'}`} {...readerAttributes}>
      <header class="reader-bar">
        <button type="button" class="link back" onClick={api.showPage}>
          ← {t('reader.backToPage')}
        </button>
        <a class="source-url" href={article.url} target="_blank" rel="noopener noreferrer" title={article.url}>
          {hostOf(article.url)}
        </a>
        <span class="bar-actions">
          <ReaderSettings prefs={prefs} onChange={changePrefs} />
          <button type="button" class="bar-button" onClick={() => setView('sheet')}>
            {t('reader.studySheet')}
          </button>
          <button type="button" class="bar-button" aria-expanded={panelOpen} aria-controls="reader-panel" onClick={() => setPanelOpen(!panelOpen)}>
            {panelOpen ? t('reader.hidePanel') : t('reader.showPanel')}
          </button>
        </span>
      </header>
      {problem ? (
        <p class="reader-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="reader-layout">
        <main class="reader-main">
          <article lang={article.lang || undefined}>
            <header class="article-head">
              <h1>{article.title}</h1>
              <p class="article-meta">
                {[article.byline, article.site, published].filter(Boolean).join(' · ')}
                {article.fromSelection ? ` · ${t('reader.fromSelection')}` : ''}
              </p>
            </header>
            {article.leadImage ? (
              <figure class="lead-image">
                <img src={article.leadImage.src} alt={article.leadImage.alt} loading="lazy" referrerpolicy="no-referrer" />
              </figure>
            ) : null}
            <div class="article-body-slot" ref={bodySlot} />
          </article>
        </main>
        {panelOpen ? (
          <ReaderPanel tab={tab} onTab={setTab} entities={entities} onJump={jumpTo} onOpen={openEntity} />
        ) : null}
      </div>
    </div>
  );
}
