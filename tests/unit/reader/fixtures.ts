import type { Dossier, EntityKind } from '../../../lib/messages';
import type { ArticleEntity } from '../../../lib/study/article';

/** What a dossier says beyond the entity's name and kind. */
export interface DossierFacts {
  role?: string;
  country?: string;
  summary?: string;
}

export function dossier(id: string, kind: EntityKind, name: string, facts: DossierFacts): Dossier {
  return {
    entity: { id, kind, name, aliases: [], summary: facts.summary, origin: 'test' },
    currentRole: facts.role ? { title: facts.role, since: '2020' } : undefined,
    country: facts.country ? { id: facts.country.toLowerCase(), name: facts.country, kind: 'country' } : undefined,
    alliances: [],
    members: [],
    statements: [],
  };
}

/** An entity named at these marks; each mark's position in the article is its index / 100. */
export function entity(id: string, kind: EntityKind, marks: number[], facts: DossierFacts | null = {}): ArticleEntity {
  const name = id.replace(/(^|-)(\w)/g, (_, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`);
  return {
    id,
    name,
    kind,
    mentions: marks.map((markIndex) => ({ markIndex, at: markIndex / 100, text: name })),
    dossier: facts ? dossier(id, kind, name, facts) : null,
  };
}
