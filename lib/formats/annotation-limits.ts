/**
 * An imported passage held to the limits of a passage saved from a page (AnnotationInput in
 * lib/messages.ts): what another tool's file brings is anyone's, and the library, its search index and
 * the page's marks are sized for what a reader can select. Page metadata and selector context are cut
 * to their limits (they describe the passage, they are not it); a passage whose own text is over a
 * limit is refused with the reason.
 */
import * as v from 'valibot';
import { AnnotationInput, PAGE_DESCRIPTION_LIMITS } from '../messages';
import { fitPageDescription } from '../page-description';
import type { SavedAnnotation } from '../library/saved-annotation';

/** The limits of AnnotationInput, named for the messages. safeParse below holds the import to the schema itself. */
export const ANNOTATION_LIMITS = {
  quote: 20_000,
  comment: 10_000,
  tags: 50,
  tag: 100,
  url: 4000,
  ...PAGE_DESCRIPTION_LIMITS,
  context: 200,
  entityId: 100,
} as const;

/** How many Choice bodies may nest in one another: a Choice offers alternatives, not Choices of Choices. */
export const MAX_CHOICE_DEPTH = 8;

const count = (n: number) => n.toLocaleString('en');
const excerpt = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text);

/** Why the passage cannot be kept as it is, or undefined. */
function overLimit(a: SavedAnnotation): string | undefined {
  const L = ANNOTATION_LIMITS;
  if (a.quote.length > L.quote) return `its quote is ${count(a.quote.length)} characters, over the limit of ${count(L.quote)}`;
  if ((a.comment?.length ?? 0) > L.comment) return `its comment is ${count(a.comment!.length)} characters, over the limit of ${count(L.comment)}`;
  if (a.tags.length > L.tags) return `it has ${count(a.tags.length)} tags, over the limit of ${L.tags}`;
  const long = a.tags.find((tag) => tag.length > L.tag);
  if (long !== undefined) return `its tag ${excerpt(long)} is ${count(long.length)} characters, over the limit of ${L.tag}`;
  if (a.url.length > L.url) return `its page address is ${count(a.url.length)} characters, over the limit of ${count(L.url)}`;
  if ((a.entityId?.length ?? 0) > L.entityId) return `its entity id is longer than ${L.entityId} characters`;
  return undefined;
}

/**
 * The passage within the limits of a saved passage, or why it cannot be: metadata too long is cut, a
 * quote selector's prefix and suffix keep the context nearest the quote.
 */
export function withinLimits(annotation: SavedAnnotation): { annotation: SavedAnnotation } | { reason: string } {
  const reason = overLimit(annotation);
  if (reason) return { reason };
  const L = ANNOTATION_LIMITS;
  // Title, site, authors and date as a page's own description is fitted before a save (page-description.ts).
  const fitted: SavedAnnotation = {
    ...fitPageDescription(annotation),
    selectors: annotation.selectors.map((s) =>
      s.type !== 'TextQuoteSelector'
        ? s
        : {
            ...s,
            ...(s.prefix !== undefined ? { prefix: s.prefix.slice(-L.context) } : {}),
            ...(s.suffix !== undefined ? { suffix: s.suffix.slice(0, L.context) } : {}),
          },
    ),
  };
  const { id: _id, createdAt: _c, updatedAt: _u, entityName: _n, ...input } = fitted;
  const check = v.safeParse(AnnotationInput, input);
  if (!check.success) {
    const issue = check.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? 'passage';
    return { reason: `its ${path} is not valid: ${issue.message}` };
  }
  return { annotation: fitted };
}
