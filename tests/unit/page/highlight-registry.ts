/**
 * happy-dom has no CSS Custom Highlight API; this stands in for it with the same shape
 * (a registry of named sets of ranges), so the page layer runs unchanged in unit tests.
 */
export function installHighlightRegistry(): Map<string, Set<Range>> {
  const registry = new Map<string, Set<Range>>();
  class FakeHighlight extends Set<Range> {}
  Object.assign(globalThis, { Highlight: FakeHighlight });
  Object.defineProperty(globalThis, 'CSS', { value: { ...globalThis.CSS, highlights: registry }, configurable: true, writable: true });
  return registry;
}
