import { autoUpdate, computePosition, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Whether a rectangle of the page still shows in a viewport of this height (a part of it is enough). */
export function inView(rect: DOMRect, viewportHeight: number): boolean {
  return rect.bottom > 0 && rect.top < viewportHeight;
}

/**
 * Below the anchor unless the space above is clearly roomier: the side is chosen from the room around
 * the mark, not from the card's height, so a card that grows as its content arrives stays on its side.
 */
export function sideFor(anchor: DOMRect, viewportHeight: number): 'bottom-start' | 'top-start' {
  const below = viewportHeight - anchor.bottom;
  return below >= 360 || below >= anchor.top ? 'bottom-start' : 'top-start';
}

/**
 * Places a floating card beside a rectangle of the page, shrunk to the room it has (it scrolls) so it
 * never covers the mark nor leaves the viewport.
 */
export async function placeBeside(floating: HTMLElement, reference: VirtualElement, viewportHeight: number, maxHeight = 480): Promise<void> {
  const anchor = reference.getBoundingClientRect() as DOMRect;
  const { x, y } = await computePosition(reference, floating, {
    strategy: 'fixed',
    placement: sideFor(anchor, viewportHeight),
    middleware: [
      offset(8),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply: ({ availableHeight }) => {
          floating.style.maxHeight = `${Math.max(120, Math.min(maxHeight, Math.floor(availableHeight)))}px`;
        },
      }),
    ],
  });
  floating.style.left = `${Math.round(x)}px`;
  floating.style.top = `${Math.round(y)}px`;
}

/**
 * Keeps a card beside its reference while either moves or changes size (Floating UI's autoUpdate:
 * scrolling, resizing, the card's content arriving). `onGone` is called, instead of placing, once the
 * reference has left the viewport. Returns the function that stops following.
 */
export function follow(floating: HTMLElement, reference: VirtualElement, onGone: () => void): () => void {
  const view = floating.ownerDocument.defaultView;
  return autoUpdate(reference, floating, () => {
    const height = view?.innerHeight ?? 800;
    const rect = reference.getBoundingClientRect() as DOMRect;
    if ((rect.width === 0 && rect.height === 0) || !inView(rect, height)) {
      onGone();
      return;
    }
    void placeBeside(floating, reference, height);
  });
}
