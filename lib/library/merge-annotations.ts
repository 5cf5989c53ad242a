import type { TextPositionSelector, TextQuoteSelector } from '../anchoring';
import type { SavedAnnotation } from './saved-annotation';

export interface MergeResult {
  /** The incoming annotations that are new, in their order. */
  toAdd: SavedAnnotation[];
  /** The incoming annotations already present (in `existing`, or earlier in `incoming`). */
  duplicates: SavedAnnotation[];
}

const positionOf = (a: SavedAnnotation) =>
  a.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
const prefixOf = (a: SavedAnnotation) =>
  a.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')?.prefix?.replace(/\s+/g, ' ').trim();

/**
 * Whether two annotations of the same quote on the same page mark the same occurrence of it: the same
 * offsets, or the same text before it. Two without any context cannot be told apart and are the same;
 * a repeated quote ("We will not give up.") saved at two places is two annotations.
 */
function sameOccurrence(a: SavedAnnotation, b: SavedAnnotation): boolean {
  const [pa, pb] = [positionOf(a), positionOf(b)];
  if (pa && pb && pa.start === pb.start && pa.end === pb.end) return true;
  const [xa, xb] = [prefixOf(a), prefixOf(b)];
  if (xa !== undefined && xb !== undefined && xa === xb) return true;
  return !pa && !pb && xa === undefined && xb === undefined;
}

const passageKey = (a: SavedAnnotation) => `${a.url}\u0000${a.quote}`;

/**
 * Splits `incoming` into what to add and what is already there: an annotation with an id already
 * present, or of the same quote at the same place on the same page (see sameOccurrence). The existing
 * annotation wins; the incoming one is reported, not merged into it.
 */
export function mergeAnnotations(existing: readonly SavedAnnotation[], incoming: readonly SavedAnnotation[]): MergeResult {
  const ids = new Set<string>();
  const byPassage = new Map<string, SavedAnnotation[]>();
  const remember = (annotation: SavedAnnotation) => {
    ids.add(annotation.id);
    const key = passageKey(annotation);
    const list = byPassage.get(key);
    if (list) list.push(annotation);
    else byPassage.set(key, [annotation]);
  };
  existing.forEach(remember);

  const result: MergeResult = { toAdd: [], duplicates: [] };
  for (const annotation of incoming) {
    const isDuplicate =
      ids.has(annotation.id) || (byPassage.get(passageKey(annotation)) ?? []).some((other) => sameOccurrence(annotation, other));
    if (isDuplicate) result.duplicates.push(annotation);
    else {
      result.toAdd.push(annotation);
      remember(annotation);
    }
  }
  return result;
}
