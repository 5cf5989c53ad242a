import type { Role } from './messages';

/** What tells apart the entities one name may refer to. */
export interface ChoiceFacts {
  /** The entity is named unambiguously elsewhere on the page ("Ilham Aliyev" for "Aliyev"). */
  namedElsewhere?: boolean;
  /** The person is in office at the page's date. */
  inOffice?: boolean;
  /** The pack's own preference, higher first. */
  priority?: number;
}

/** Whether one of the roles was held on `date` (YYYY[-MM[-DD]]): begun by then, and not ended before. */
export function inOfficeAt(roles: Role[] | undefined, date: string): boolean {
  return (roles ?? []).some((role) => (!role.since || role.since <= date) && (!role.until || `${role.until}~` >= date));
}

/**
 * The entities a name may refer to, likeliest first: one named in full elsewhere on the page, then a
 * person in office at the page's date, then the pack's priority; where nothing tells them apart they
 * keep the order they came in (the knowledge base's), never an alphabetical one.
 */
export function orderChoices<T extends { id: string }>(choices: T[], facts: (id: string) => ChoiceFacts): T[] {
  const score = (choice: T) => {
    const f = facts(choice.id);
    return [f.namedElsewhere ? 1 : 0, f.inOffice ? 1 : 0, f.priority ?? 0];
  };
  return choices
    .map((choice, at) => ({ choice, at, score: score(choice) }))
    .sort((a, b) => b.score[0]! - a.score[0]! || b.score[1]! - a.score[1]! || b.score[2]! - a.score[2]! || a.at - b.at)
    .map(({ choice }) => choice);
}
