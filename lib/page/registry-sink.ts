import type { Mark, PaintSink } from './mark';
import { RegistryGuard } from './registry-guard';

export const HIGHLIGHT_PREFIX = 'backstory-';

/**
 * Paints into `CSS.highlights`, one Highlight per kind registered as `backstory-<kind>` (or
 * `backstory-<kind>-tint`). The registry is shared with the page's scripts: only marks of public packs
 * go here, and a guard puts back what a page takes away.
 */
export class RegistrySink implements PaintSink {
  private readonly highlights = new Map<string, Highlight>();
  private readonly guard = new RegistryGuard();

  constructor(private readonly nameOf: (kind: string) => string) {}

  add(mark: Mark): void {
    const name = this.nameOf(mark.kind);
    let highlight = this.highlights.get(mark.kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(mark.kind, highlight);
      CSS.highlights.set(name, highlight);
      this.guard.track(name, highlight);
    }
    highlight.add(mark.range);
    this.guard.added(name, mark.range);
  }

  delete(mark: Mark): void {
    this.highlights.get(mark.kind)?.delete(mark.range);
    this.guard.removed(this.nameOf(mark.kind), mark.range);
  }

  isOwn(highlight: Highlight): boolean {
    for (const own of this.highlights.values()) if (own === highlight) return true;
    return false;
  }

  clear(): void {
    this.guard.stop();
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      CSS.highlights.delete(this.nameOf(kind));
    }
    this.highlights.clear();
  }

  get size(): number {
    let count = 0;
    for (const highlight of this.highlights.values()) count += highlight.size;
    return count;
  }
}
