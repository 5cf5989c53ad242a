/**
 * The dated facts the knowledge base holds about the article's entities, in the order they happened:
 * offices taken and left, memberships begun, suspended and ended, and dated statements. Undated facts
 * have no place on a timeline and are left out.
 */
import type { AllianceView, EntityRef, MembershipType, Source } from '../messages';
import { inReadingOrder, namesInSentence, structureInSentence } from './alliances';
import type { ArticleEntity } from './article';

export type TimelineKind = 'role' | 'membership' | 'statement';

export interface TimelineEvent {
  /** YYYY, YYYY-MM or YYYY-MM-DD, as the knowledge base gives it. */
  date: string;
  label: string;
  /** The article's entities whose dossiers hold the fact, in reading order. */
  entityIds: string[];
  kind: TimelineKind;
  source?: Source;
}

/** A change as it reads after one country's name, and after several. */
type Verb = [one: string, many: string];

/** What the start and the end of a membership record mean, by its status. */
const MEMBERSHIP_VERBS: Record<MembershipType, { since: Verb; until: Verb }> = {
  member_of: { since: ['joins', 'join'], until: ['leaves', 'leave'] },
  observer_of: { since: ['becomes an observer of', 'become observers of'], until: ['is no longer an observer of', 'are no longer observers of'] },
  partner_of: { since: ['becomes a partner of', 'become partners of'], until: ['is no longer a partner of', 'are no longer partners of'] },
  candidate_of: { since: ['becomes a candidate for', 'become candidates for'], until: ['is no longer a candidate for', 'are no longer candidates for'] },
  suspended: { since: ['suspends its participation in', 'suspend their participation in'], until: ['ends its suspension from', 'end their suspension from'] },
  // A `left` record spans the membership that ended: it began at `since` and ended at `until`.
  left: { since: ['joins', 'join'], until: ['leaves', 'leave'] },
};

/** A `left` record with no end date gives only the date of leaving. */
function membershipChanges(view: AllianceView): { date: string; verb: Verb }[] {
  const verbs = MEMBERSHIP_VERBS[view.status];
  if (view.status === 'left' && view.since && !view.until) return [{ date: view.since, verb: verbs.until }];
  return [
    ...(view.since ? [{ date: view.since, verb: verbs.since }] : []),
    ...(view.until ? [{ date: view.until, verb: verbs.until }] : []),
  ];
}

const sourceKey = (source: Source | undefined) => (source ? `${source.title}\n${source.url ?? ''}` : '');


/**
 * One event per membership change: a country's record reached through several of the article's
 * entities (Belarus and Lukashenka) counts once, and countries making the same change on the same day
 * on the same source's word share one event ("Belarus, Kazakhstan and Russia join the CSTO").
 */
function membershipEvents(entities: ArticleEntity[]): TimelineEvent[] {
  type Change = { owners: EntityRef[]; view: AllianceView; date: string; verb: Verb; entityIds: string[] };
  const changes = new Map<string, Change>();
  for (const entity of entities) {
    for (const view of entity.dossier?.alliances ?? []) {
      const owner = view.via ?? { id: entity.id, name: entity.name, kind: entity.kind };
      for (const { date, verb } of membershipChanges(view)) {
        const key = [view.structure.id, date, verb[0], sourceKey(view.source)].join('|');
        const change = changes.get(key) ?? { owners: [], view, date, verb, entityIds: [] };
        changes.set(key, change);
        if (!change.owners.some((o) => o.id === owner.id)) change.owners.push(owner);
        if (!change.entityIds.includes(entity.id)) change.entityIds.push(entity.id);
      }
    }
  }
  return [...changes.values()].map(({ owners, view, date, verb, entityIds }): TimelineEvent => {
    const names = owners.map((o) => o.name).sort((a, b) => a.localeCompare(b));
    const label = `${namesInSentence(names)} ${verb[names.length > 1 ? 1 : 0]} ${structureInSentence(view.structure.name)}`;
    return { date, label, entityIds, kind: 'membership', source: view.source };
  });
}

/** Offices begun and ended, on the word of the entity's first source. */
function roleEvents(entity: ArticleEntity): TimelineEvent[] {
  const dossier = entity.dossier;
  if (!dossier) return [];
  const source = dossier.entity.sources?.[0];
  return (dossier.entity.roles ?? []).flatMap((role) => [
    ...(role.since ? [{ date: role.since, label: `${entity.name} takes office as ${role.title}` }] : []),
    ...(role.until ? [{ date: role.until, label: `${entity.name} leaves office as ${role.title}` }] : []),
  ]).map((event): TimelineEvent => ({ ...event, entityIds: [entity.id], kind: 'role', source }));
}

function statementEvents(entity: ArticleEntity): TimelineEvent[] {
  return (entity.dossier?.statements ?? []).flatMap((s): TimelineEvent[] =>
    s.date
      ? [{ date: s.date, label: s.kind === 'quote' ? `${entity.name}: “${s.text}”` : `${entity.name}: ${s.text}`, entityIds: [entity.id], kind: 'statement', source: s.source }]
      : [],
  );
}

/**
 * The article's entities' dated events, oldest first. A date given only to the year or month sorts
 * before the days within it; events of one date keep the order of the names in the article.
 *
 * The pack format gives an entity of kind `event` no date of its own (its dates are only in its
 * summary's prose), so an event shows here only through dated roles, memberships or statements.
 */
export function timelineOf(entities: ArticleEntity[]): TimelineEvent[] {
  const ordered = inReadingOrder(entities);
  const events = [...ordered.flatMap(roleEvents), ...membershipEvents(ordered), ...ordered.flatMap(statementEvents)];
  const position = new Map(ordered.map((e, i) => [e.id, i]));
  const firstNamed = (event: TimelineEvent) => Math.min(...event.entityIds.map((id) => position.get(id) ?? Infinity));
  return events.sort((a, b) => a.date.localeCompare(b.date) || firstNamed(a) - firstNamed(b));
}
