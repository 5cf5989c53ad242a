import { useId, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/messages';
import { t, type Key } from '../../lib/i18n';
import { firstMention, type ArticleEntity, type ArticleMention } from '../../lib/study/article';
import { summaryIn } from '../../lib/i18n/summary';

export interface GlossaryProps {
  entities: ArticleEntity[];
  /** Brings the article's mark with that `data-mark` index into view and focuses it. */
  onJump(markIndex: number): void;
  /** Opens the entity's card; without it, names are plain text. */
  onOpen?(entityId: string): void;
}

type GlossarySort = 'first' | 'frequency';

/** The order a student meets them in a news story: who, then which bodies, then where and what. */
const GROUPS: { kind: EntityKind; heading: Key }[] = [
  { kind: 'person', heading: 'glossary.people' },
  { kind: 'organization', heading: 'glossary.organisations' },
  { kind: 'country', heading: 'glossary.countries' },
  { kind: 'party', heading: 'glossary.parties' },
  { kind: 'place', heading: 'glossary.places' },
  { kind: 'event', heading: 'glossary.events' },
];

const ROLE_MAX = 90;

/**
 * The summary's first sentence. A full stop after a lone capital is an initial or an abbreviation
 * ("U.S.", "J. Smith", "В. Путин"), not the sentence's end.
 */
function firstSentence(text: string): string {
  const end = /(?<!(?:^|[\s.])\p{Lu})[.!?](?=\s|$)/u.exec(text);
  return (end ? text.slice(0, end.index + 1) : text).trim();
}

/** Cut at a word boundary, so the line never ends mid-word. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** One line saying who or what the entity is: its current role, else its country, else its summary's first sentence. */
export function roleLine(entity: ArticleEntity): string {
  const dossier = entity.dossier;
  if (!dossier) return '';
  if (dossier.currentRole?.title) return dossier.currentRole.title;
  if (dossier.country?.name) return dossier.country.name;
  const summary = summaryIn(dossier.entity.summary)?.trim();
  return summary ? clip(firstSentence(summary), ROLE_MAX) : '';
}


const ORDERS: Record<GlossarySort, (a: ArticleEntity, b: ArticleEntity) => number> = {
  first: (a, b) => firstMention(a) - firstMention(b),
  // Ties keep the article's order, so equally frequent names read as the student met them.
  frequency: (a, b) => b.mentions.length - a.mentions.length || firstMention(a) - firstMention(b),
};


export function Glossary({ entities, onJump, onOpen }: GlossaryProps) {
  const [sort, setSort] = useState<GlossarySort>('first');
  const id = useId();
  if (entities.length === 0) return <p class="glossary-empty">{t('glossary.empty')}</p>;
  const sorted = [...entities].sort(ORDERS[sort]);
  return (
    <div class="glossary">
      <fieldset class="glossary-sort">
        <legend>{t('glossary.sortBy')}</legend>
        {(
          [
            ['first', t('glossary.first')],
            ['frequency', t('glossary.frequency')],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={`${id}-sort`} value={value} checked={sort === value} onChange={() => setSort(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {GROUPS.map(({ kind, heading }) => {
        const members = sorted.filter((entity) => entity.kind === kind);
        if (members.length === 0) return null;
        const headingId = `${id}-${kind}`;
        return (
          <section key={kind} class="glossary-group" data-kind={kind} aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t(heading)} ({members.length})
            </h2>
            <ul class="glossary-list">
              {members.map((entity) => (
                <GlossaryEntry key={entity.id} entity={entity} onJump={onJump} onOpen={onOpen} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function GlossaryEntry({ entity, onJump, onOpen }: { entity: ArticleEntity } & Omit<GlossaryProps, 'entities'>) {
  const role = roleLine(entity);
  return (
    <li class="glossary-entry" data-kind={entity.kind} data-entity={entity.id}>
      <div class="glossary-head">
        {onOpen ? (
          <button type="button" class="glossary-name" onClick={() => onOpen(entity.id)}>
            {entity.name}
          </button>
        ) : (
          <span class="glossary-name">{entity.name}</span>
        )}
        <span class="glossary-count">{t('count.mentions', { count: entity.mentions.length })}</span>
      </div>
      {role ? <p class="glossary-role">{role}</p> : null}
      <PositionBar name={entity.name} mentions={entity.mentions} onJump={onJump} />
    </li>
  );
}

const STEPS: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index, last) => Math.min(index + 1, last),
  ArrowDown: (index, last) => Math.min(index + 1, last),
  ArrowLeft: (index) => Math.max(index - 1, 0),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The article as a strip, start to end, with a mark where each mention stands. One tab stop for the
 * whole strip (the last mark used), arrow keys between its marks, as the ARIA toolbar pattern has it:
 * a name mentioned sixty times must not cost sixty presses of Tab.
 */
function PositionBar({ name, mentions, onJump }: { name: string; mentions: ArticleMention[]; onJump(markIndex: number): void }) {
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, mentions.length - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    const mark = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-position]');
    if (!step || !mark) return;
    event.preventDefault();
    const next = step(Number(mark.dataset.position), mentions.length - 1);
    setCurrent(next);
    mark.parentElement?.querySelector<HTMLButtonElement>(`button[data-position="${next}"]`)?.focus();
  };
  return (
    <div class="glossary-bar" role="toolbar" aria-label={t('glossary.where', { name })} onKeyDown={onKeyDown}>
      {mentions.map((mention, position) => (
        <button
          key={mention.markIndex}
          type="button"
          class="glossary-mark"
          data-position={position}
          tabIndex={position === active ? 0 : -1}
          // The stylesheet places the mark from this, keeping it inside the strip at either end.
          style={{ '--at': String(clamp01(mention.at)) }}
          aria-label={t('glossary.mention', { n: position + 1, count: mentions.length, percent: Math.round(clamp01(mention.at) * 100) })}
          onClick={() => {
            setCurrent(position);
            onJump(mention.markIndex);
          }}
        />
      ))}
    </div>
  );
}

const clamp01 = (at: number) => Math.min(1, Math.max(0, at));
