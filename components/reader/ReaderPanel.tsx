import type { ArticleEntity } from '../../lib/study/article';
import { AllianceGraph } from './AllianceGraph';
import { AllianceTable } from './AllianceTable';
import { Glossary } from './Glossary';
import { Timeline } from './Timeline';
import { t, type Key } from '../../lib/i18n';

export type PanelTab = 'glossary' | 'alliances' | 'timeline';

const TABS: [PanelTab, Key][] = [
  ['glossary', 'reader.glossary'],
  ['alliances', 'reader.alliances'],
  ['timeline', 'reader.timeline'],
];

export interface ReaderPanelProps {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  entities: ArticleEntity[];
  /** Scrolls the article to a mark and focuses it. */
  onJump(markIndex: number): void;
  /** Opens an entity's card at its first mention. */
  onOpen(entityId: string): void;
}

/**
 * Beside the article (below it on a narrow screen): the glossary, the alliances and the timeline, as
 * tabs in the ARIA pattern — one tab stop, arrow keys between the tabs.
 */
export function ReaderPanel({ tab, onTab, entities, onJump, onOpen }: ReaderPanelProps) {
  const onKeyDown = (event: KeyboardEvent, id: PanelTab) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = TABS.findIndex(([each]) => each === id);
    const next = TABS[(index + step + TABS.length) % TABS.length]![0];
    onTab(next);
    ((event.currentTarget as HTMLElement).parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
  };
  return (
    <aside id="reader-panel" class="reader-panel" aria-label={t('reader.about')}>
      <div class="panel-tabs" role="tablist" aria-label={t('reader.about')}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => onTab(id)}
            onKeyDown={(event) => onKeyDown(event, id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel-body">
        {tab === 'glossary' ? (
          <Glossary entities={entities} onJump={onJump} onOpen={onOpen} />
        ) : tab === 'alliances' ? (
          <>
            <AllianceTable entities={entities} />
            <AllianceGraph entities={entities} onSelect={onOpen} />
          </>
        ) : (
          <Timeline entities={entities} />
        )}
      </div>
    </aside>
  );
}
