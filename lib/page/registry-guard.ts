/**
 * Keeps Backstory's highlights registered while a page tries to take them away. The highlight registry
 * (`CSS.highlights`) is shared with the page's own scripts, which can delete Backstory's names, give
 * them to highlights of their own, or empty Backstory's highlights; the guard looks every
 * REGISTRY_CHECK_MS and puts back what it finds changed, so marks return within a second.
 *
 * It knows each highlight's ranges from the painter's own record (added/removed), not from the
 * highlight, which the page can reach, and compares sizes: a page that swaps one range for one of its
 * own, or registers a highlight of its own with as many ranges, is not noticed.
 */
export const REGISTRY_CHECK_MS = 500;

interface Entry {
  highlight: Highlight;
  ranges: Set<AbstractRange>;
}

export class RegistryGuard {
  private readonly own = new Map<string, Entry>();
  private timer: ReturnType<typeof setInterval> | undefined;

  /**
   * Starts keeping `highlight`, new and empty, registered under `name`. (Its ranges are not read from
   * it: in Firefox a content script sees the page's Highlight through a wrapper that cannot iterate it.)
   */
  track(name: string, highlight: Highlight): void {
    this.own.set(name, { highlight, ranges: new Set() });
    this.timer ??= setInterval(() => this.check(), REGISTRY_CHECK_MS);
  }

  added(name: string, range: AbstractRange): void {
    this.own.get(name)?.ranges.add(range);
  }

  removed(name: string, range: AbstractRange): void {
    this.own.get(name)?.ranges.delete(range);
  }

  /** Puts back every name the page deleted or replaced, and every highlight whose ranges it changed. Returns how many it put back. */
  check(): number {
    let restored = 0;
    for (const [name, { highlight, ranges }] of this.own) {
      const emptied = highlight.size !== ranges.size;
      // Compared by size, not identity: in Firefox the content script sees the registry's entries
      // through wrappers, which are not the objects it registered.
      const registered = CSS.highlights.get(name);
      if (!emptied && registered !== undefined && registered.size === ranges.size) continue;
      if (emptied) {
        highlight.clear();
        for (const range of ranges) highlight.add(range);
      }
      CSS.highlights.set(name, highlight);
      restored++;
    }
    return restored;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.own.clear();
  }
}
