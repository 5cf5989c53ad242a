import type { Mark } from './highlights';

/**
 * The mark to explain next from the keyboard: the one after (or before) the mark now open, else the
 * first one from the top of the screen down (or the last one above its bottom); wraps around.
 */
export function nextMark(marks: Mark[], current: Mark | null, direction: 'next' | 'previous'): Mark | undefined {
  if (!marks.length) return undefined;
  const step = direction === 'next' ? 1 : -1;
  const at = current ? marks.indexOf(current) : -1;
  if (at >= 0) return marks[(at + step + marks.length) % marks.length];
  const height = globalThis.innerHeight ?? 0;
  const onScreen = (mark: Mark) => {
    const rect = mark.range.getBoundingClientRect();
    return direction === 'next' ? rect.bottom >= 0 : rect.top <= height;
  };
  const ordered = direction === 'next' ? marks : [...marks].reverse();
  return ordered.find(onScreen) ?? ordered[0];
}
