import type { AllianceView, Role } from './messages';

export type AllianceGroup = 'current' | 'suspended' | 'former';

/** Dates as packs write them (YYYY, YYYY-MM, YYYY-MM-DD), compared as the first day they may mean. */
const start = (date: string | undefined) => date ?? '';
/** …and as the last: "2003" runs to the end of 2003. */
const end = (date: string | undefined) => (date ? `${date}~` : '\uffff');

/**
 * The years a person could hold a membership of their country: from their first role to the end of
 * their last, when every role has ended (a person out of office, or dead); unbounded otherwise.
 */
export function tenureOf(roles: Role[] | undefined): { from?: string; to?: string } {
  if (!roles?.length) return {};
  const starts = roles.map((r) => r.since).filter((d): d is string => !!d).sort();
  const open = roles.some((r) => !r.until);
  const ends = roles.map((r) => r.until).filter((d): d is string => !!d).sort();
  return { from: starts[0], to: open ? undefined : ends[ends.length - 1] };
}

/** Memberships through the person's country, kept only where they overlap the person's tenure. */
export function withinTenure(alliances: AllianceView[], tenure: { from?: string; to?: string }): AllianceView[] {
  return alliances.filter((a) => {
    if (!a.via) return true;
    if (tenure.to && start(a.since) > end(tenure.to)) return false;
    if (tenure.from && a.until && end(a.until) < start(tenure.from)) return false;
    return true;
  });
}

function groupOf(a: AllianceView, asOf: string): AllianceGroup {
  if (a.status === 'left' || (a.until && end(a.until) < asOf)) return 'former';
  return a.status === 'suspended' ? 'suspended' : 'current';
}

const RANK: Record<AllianceGroup, number> = { suspended: 0, current: 1, former: 2 };

/**
 * The structures grouped as Current, Suspended and Former as of a date (today, or the day a person's
 * tenure ended), each listed once: a suspension outranks the membership it suspends, a membership in
 * force the ones that ended, and among equals the latest.
 */
export function groupAlliances(alliances: AllianceView[], asOf: string): Record<AllianceGroup, AllianceView[]> {
  const chosen = new Map<string, { view: AllianceView; group: AllianceGroup }>();
  for (const view of alliances) {
    if (view.since && start(view.since) > end(asOf)) continue;
    const group = groupOf(view, asOf);
    const held = chosen.get(view.structure.id);
    const better = !held || RANK[group] < RANK[held.group] || (RANK[group] === RANK[held.group] && start(view.since) > start(held.view.since));
    if (better) chosen.set(view.structure.id, { view, group });
  }
  const groups: Record<AllianceGroup, AllianceView[]> = { current: [], suspended: [], former: [] };
  for (const { view, group } of chosen.values()) groups[group].push(view);
  return groups;
}
