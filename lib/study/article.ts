/**
 * What the reading mode knows of one article once its names are marked: the article itself, every
 * entity it names with where it names them, and the entities' dossiers. The glossary, the alliances,
 * the timeline and the study sheet are all drawn from this, and nothing else.
 */
import type { AnnotationRow, Candidates, Dossier, EntityKind } from '../messages';

/** The article as extracted from its page. */
export interface ArticleInfo {
  title: string;
  /** The page's own (canonical) URL: saved passages are anchored to it. */
  url: string;
  site?: string;
  byline?: string;
  /** As the page gives it (ISO 8601 where it can be read). */
  published?: string;
  /** BCP 47, from the page's <html lang>. */
  lang?: string;
}

/** One marked mention in the article. */
export interface ArticleMention {
  /** Its index among all marks of the article, in reading order (the button's `data-mark` attribute). */
  markIndex: number;
  /** Where it stands in the article's text, from 0 (start) to 1 (end). */
  at: number;
  /** The mention as written. */
  text: string;
}

/** An entity the article names. */
export interface ArticleEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** In reading order; never empty. */
  mentions: ArticleMention[];
  /** What the knowledge base says of it; null while loading or when it could not be read. */
  dossier: Dossier | null;
}

/** A passage the reader saved from this article. */
export interface SavedNote {
  id: string;
  quote: string;
  comment?: string;
  tags: string[];
  /** Who said it, when the passage was saved as a statement. */
  speaker?: string;
  createdAt: number;
}

/** Where the article first names the entity: the index of its first mark (Infinity for none). */
export const firstMention = (entity: ArticleEntity) => entity.mentions[0]?.markIndex ?? Infinity;

/** The marks of an article as the reading mode made them: each mention's entities, likeliest first. */
export interface ArticleMarks {
  mentions: { entityIds: string[]; at: number; text: string }[];
  entities: Candidates['entities'];
}

/** Every entity the article names, in the order it first names them, with each of its mentions. */
export function articleEntities(marks: ArticleMarks, dossiers: Record<string, Dossier | null>): ArticleEntity[] {
  const byId = new Map<string, ArticleEntity>();
  marks.mentions.forEach((mention, markIndex) => {
    const id = mention.entityIds[0];
    const meta = id === undefined ? undefined : marks.entities[id];
    if (!id || !meta) return;
    let entity = byId.get(id);
    if (!entity) {
      entity = { id, name: meta.name, kind: meta.kind, mentions: [], dossier: dossiers[id] ?? null };
      byId.set(id, entity);
    }
    entity.mentions.push({ markIndex, at: mention.at, text: mention.text });
  });
  return [...byId.values()];
}

/** The reader's saved passages of the article, with the name of whoever said each, when known. */
export function savedNotes(rows: AnnotationRow[], nameOf: (entityId: string) => string | undefined): SavedNote[] {
  return rows.map((row) => ({
    id: row.id,
    quote: row.quote,
    comment: row.comment,
    tags: row.tags,
    speaker: row.entityId ? nameOf(row.entityId) : undefined,
    createdAt: row.createdAt,
  }));
}
