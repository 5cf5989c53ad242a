/**
 * Calls `onEnd` after each selection gesture the reader makes — a mouse button or a key let go — once
 * the browser has settled the selection (in a task after the event). Only events the browser reports
 * as the reader's own (`isTrusted`) count: a page's script can select text and dispatch a `mouseup` of
 * its own, and must not bring up "Save to Backstory" to plant a quote. Events inside Backstory's own
 * UI (`isOwnTarget`) do not count either. Returns a function that stops listening.
 */
export function onSelectionGesture(doc: Document, isOwnTarget: (target: EventTarget | null) => boolean, onEnd: () => void): () => void {
  const listener = (event: Event) => {
    if (!event.isTrusted || isOwnTarget(event.target)) return;
    setTimeout(onEnd, 0);
  };
  doc.addEventListener('mouseup', listener, { capture: true });
  doc.addEventListener('keyup', listener, { capture: true });
  return () => {
    doc.removeEventListener('mouseup', listener, { capture: true });
    doc.removeEventListener('keyup', listener, { capture: true });
  };
}
