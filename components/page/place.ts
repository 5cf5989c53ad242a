import { computePosition, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/**
 * Places a floating card beside a rectangle of the page: below it unless the space above is clearly
 * roomier; the card then shrinks to the room it has (and scrolls) rather than leave the viewport.
 */
export function placeBeside(floating: HTMLElement, anchor: DOMRect, viewportHeight: number, maxHeight = 480): void {
  const reference: VirtualElement = { getBoundingClientRect: () => anchor };
  const below = viewportHeight - anchor.bottom;
  const placement = below >= 360 || below >= anchor.top ? 'bottom-start' : 'top-start';
  void computePosition(reference, floating, {
    strategy: 'fixed',
    placement,
    middleware: [
      offset(8),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply: ({ availableHeight }) => {
          floating.style.maxHeight = `${Math.max(140, Math.min(maxHeight, Math.floor(availableHeight)))}px`;
        },
      }),
    ],
  }).then(({ x, y }) => {
    floating.style.left = `${Math.round(x)}px`;
    floating.style.top = `${Math.round(y)}px`;
  });
}
