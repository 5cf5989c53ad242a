import { describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../../../lib/messages';
import { articleEntities, savedNotes, type ArticleMarks } from '../../../lib/study/article';

const MARKS: ArticleMarks = {
  mentions: [
    { entityIds: ['armenia'], at: 0.1, text: 'Armenia' },
    { entityIds: ['lukashenka'], at: 0.2, text: 'Lukashenka' },
    { entityIds: ['armenia'], at: 0.5, text: 'Armenian' },
    { entityIds: ['ghost'], at: 0.6, text: 'Ghost' },
    { entityIds: ['csto', 'other'], at: 0.9, text: 'CSTO' },
  ],
  entities: {
    armenia: { kind: 'country', name: 'Armenia' },
    lukashenka: { kind: 'person', name: 'Alexander Lukashenka' },
    csto: { kind: 'organization', name: 'Collective Security Treaty Organization' },
  },
};

describe('articleEntities', () => {
  it('lists each entity once, in the order the article first names it, with every mention and its mark', () => {
    const entities = articleEntities(MARKS, {});
    expect(entities.map((e) => [e.id, e.mentions.map((m) => m.markIndex)])).toEqual([
      ['armenia', [0, 2]],
      ['lukashenka', [1]],
      ['csto', [4]],
    ]);
    expect(entities[0]!.mentions[1]).toEqual({ markIndex: 2, at: 0.5, text: 'Armenian' });
    expect(entities.every((e) => e.dossier === null)).toBe(true);
  });

  it('leaves out a mark whose entity the knowledge base did not describe', () => {
    expect(articleEntities(MARKS, {}).some((e) => e.id === 'ghost')).toBe(false);
  });
});

describe('savedNotes', () => {
  it('names the speaker of a passage saved as a statement, and no one for a note', () => {
    const rows = [
      { id: 'a', quote: 'one', tags: ['x'], entityId: 'lukashenka', createdAt: 2 },
      { id: 'b', quote: 'two', tags: [], comment: 'mine', createdAt: 3 },
    ] as unknown as AnnotationRow[];
    const notes = savedNotes(rows, (id) => MARKS.entities[id]?.name);
    expect(notes).toEqual([
      { id: 'a', quote: 'one', comment: undefined, tags: ['x'], speaker: 'Alexander Lukashenka', createdAt: 2 },
      { id: 'b', quote: 'two', comment: 'mine', tags: [], speaker: undefined, createdAt: 3 },
    ]);
  });
});
