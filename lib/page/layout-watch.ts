/**
 * Follows everything that can move text on screen without a scroll of the page reaching the caller:
 * any scroll (the page's or a nested scroller's: one capturing listener sees them all), a resize, a
 * change of the document's size (ResizeObserver) and a layout shift (Chromium's Layout Instability API:
 * an image or an ad that loaded above the text). Returns a function that stops following.
 */
export function watchLayout(doc: Document, on: { scroll(event: Event): void; change(): void }): () => void {
  const view = doc.defaultView;
  if (!view) return () => undefined;
  const scrolled = (event: Event) => on.scroll(event);
  const changed = () => on.change();
  doc.addEventListener('scroll', scrolled, { capture: true, passive: true });
  view.addEventListener('resize', changed, { passive: true });
  const sizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(changed);
  for (const element of [doc.documentElement, doc.body]) if (element) sizes?.observe(element);
  let shifts: PerformanceObserver | null = null;
  try {
    shifts = new PerformanceObserver(changed);
    shifts.observe({ type: 'layout-shift' });
  } catch {
    shifts = null;
  }
  return () => {
    doc.removeEventListener('scroll', scrolled, { capture: true });
    view.removeEventListener('resize', changed);
    sizes?.disconnect();
    shifts?.disconnect();
  };
}
