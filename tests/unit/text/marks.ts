import type { Matcher } from '../../../lib/text';

/** What a matcher marks in a text, as "marked text=entity+entity". */
export function marks(text: string, using: Matcher): string[] {
  return using.findAll(text).map((m) => `${text.slice(m.start, m.end)}=${m.entityIds.join('+')}`);
}
