import type { Mark } from './highlights';

/** Where keyboard navigation has arrived: the name, its kind, and its place among the page's marks. */
export interface Announcement {
  name: string;
  kind: string;
  index: number;
  count: number;
}

export interface PopoverSurface {
  /** `announce` is said through a polite live region (keyboard navigation: "Name, kind, 3 of 12"). */
  open(mark: Mark, options?: { focus?: boolean; announce?: Announcement }): void;
  close(): void;
  readonly current: Mark | null;
  /** True when the event happened inside Backstory's own UI. */
  isOwnTarget(target: EventTarget | null): boolean;
}

/** What opens a card: the pointer resting on a name, a click on it, or the pointer resting on it with Shift held. */
export type OpenOn = 'hover' | 'click' | 'shift-hover';

export interface HoverIntentOptions {
  markAt(x: number, y: number): Mark | undefined;
  surface: PopoverSurface;
  /** Asked at each move, so that a change of the reader's settings applies at once. */
  openOn?(): OpenOn;
  openDelay?(): number;
  closeDelay?: number;
  /** The reader's choice: a click on a mark inside a link opens the card instead of following the link. */
  clickOpensCard?(): boolean;
}

/** Whether a click at this target would follow a link of the page. */
function inLink(target: EventTarget | null): boolean {
  const element = target instanceof Node ? (target instanceof Element ? target : target.parentElement) : null;
  return element?.closest('a[href], area[href]') != null;
}

/**
 * Opens the popover after the pointer rests on a mark (or at once on click) and closes it after the
 * pointer has left both the mark and the popover for a moment, on Esc, or on a click elsewhere —
 * the timings of Wikipedia's Page Previews. Returns a function that detaches every listener.
 */
export function attachHoverIntent(doc: Document, options: HoverIntentOptions): () => void {
  const { markAt, surface, closeDelay = 300 } = options;
  const openOn = () => options.openOn?.() ?? 'hover';
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: Mark | undefined;
  /** A name inside a link just clicked: resting on it opens nothing until the pointer has left it. */
  let followed: Mark | undefined;
  let frame = 0;
  let last = { x: 0, y: 0, target: null as EventTarget | null, shift: false };

  const cancelOpen = () => {
    clearTimeout(openTimer);
    openTimer = undefined;
    pending = undefined;
  };
  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const scheduleClose = () => {
    if (!surface.current || closeTimer) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      surface.close();
    }, closeDelay);
  };

  const track = () => {
    frame = 0;
    if (surface.isOwnTarget(last.target)) {
      cancelOpen();
      cancelClose();
      return;
    }
    const mode = openOn();
    // A card opened by a click stays until Esc or a click elsewhere; hover opens nothing then.
    if (mode === 'click') return;
    const mark = markAt(last.x, last.y);
    if (followed && mark === followed) return;
    followed = undefined;
    if (!mark) {
      cancelOpen();
      scheduleClose();
      return;
    }
    if (mode === 'shift-hover' && !last.shift && mark !== surface.current) {
      cancelOpen();
      return;
    }
    if (mark === surface.current) {
      cancelClose();
      return;
    }
    if (mark === pending) return;
    cancelOpen();
    pending = mark;
    openTimer = setTimeout(() => {
      openTimer = undefined;
      pending = undefined;
      cancelClose();
      surface.open(mark);
    }, options.openDelay?.() ?? 300);
  };

  // Only the reader's own pointer opens a popover: a page's script dispatching events does not.
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    last = { x: event.clientX, y: event.clientY, target: event.target, shift: event.shiftKey };
    if (!frame) frame = requestAnimationFrame(track);
  };
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || surface.isOwnTarget(event.target)) return;
    const mark = markAt(event.clientX, event.clientY);
    cancelOpen();
    cancelClose();
    // A name inside a link: the click follows the link, as it would without Backstory.
    if (mark && inLink(event.target) && !options.clickOpensCard?.()) {
      followed = mark;
      if (surface.current) surface.close();
      return;
    }
    if (mark && inLink(event.target)) event.preventDefault(); // the reader chose that a click opens the card
    if (mark) surface.open(mark);
    else if (surface.current) surface.close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Shift pressed while the pointer rests on a name opens it, in that mode.
    if (event.key === 'Shift' && event.isTrusted && openOn() === 'shift-hover') {
      last = { ...last, shift: true };
      if (!frame) frame = requestAnimationFrame(track);
    }
    if (event.key === 'Escape' && surface.current) {
      cancelOpen();
      cancelClose();
      surface.close();
    }
  };

  doc.addEventListener('pointermove', onPointerMove, { passive: true, capture: true });
  doc.addEventListener('click', onClick, { capture: true });
  doc.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    cancelOpen();
    cancelClose();
    if (frame) cancelAnimationFrame(frame);
    doc.removeEventListener('pointermove', onPointerMove, { capture: true });
    doc.removeEventListener('click', onClick, { capture: true });
    doc.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}
