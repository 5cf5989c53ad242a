import type { Dossier } from './messages';

/**
 * Dossiers asked of the background once each, for the popover on a page and the card in the reading
 * mode. A failed answer is forgotten, so the next look asks again; a save that changes an entity
 * forgets its dossier.
 */
export class DossierCache {
  private readonly known = new Map<string, Promise<Dossier | null>>();

  constructor(private readonly fetch: (id: string) => Promise<Dossier | null>) {}

  get(id: string): Promise<Dossier | null> {
    let dossier = this.known.get(id);
    if (!dossier) {
      dossier = this.fetch(id);
      dossier.catch(() => this.known.delete(id));
      this.known.set(id, dossier);
    }
    return dossier;
  }

  forget(id: string): void {
    this.known.delete(id);
  }

  clear(): void {
    this.known.clear();
  }
}
