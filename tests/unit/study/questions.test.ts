import { beforeAll, describe, expect, it } from 'vitest';
import starterPack from '../../../public/packs/post-soviet-politics.json';
import type { ArticleEntity } from '../../../lib/study/article';
import { studyQuestions, type StudyQuestion } from '../../../lib/study/questions';
import { seedEntities } from './seed-story';

let entities: ArticleEntity[];
let questions: StudyQuestion[];

beforeAll(async () => {
  entities = await seedEntities();
  questions = studyQuestions(entities);
});

const packSources = new Set(
  [
    ...starterPack.entities.flatMap((e) => e.sources ?? []),
    ...(starterPack.relations ?? []).flatMap((r) => (r.source ? [r.source] : [])),
  ].map((s) => s.title),
);

describe('study questions for the seed story', () => {
  it('asks which country suspended its CSTO participation, answered “Armenia, since February 2024” on the source’s word', () => {
    expect(questions[0]).toEqual({
      question: 'Which of the countries in this article suspended its participation in the Collective Security Treaty Organization, and since when?',
      answer: expect.stringMatching(/^Armenia \(since Feb 2024\)\. Prime Minister Nikol Pashinyan said on 22 February 2024/),
      sources: [expect.objectContaining({ title: 'Armenia Has ‘Frozen’ Participation in CSTO, Angering Moscow' })],
    });
  });

  it('asks who belongs to each structure the article names, telling suspended members apart', () => {
    const csto = questions.find((q) => q.question.includes('members of the Collective Security Treaty Organization'));
    expect(csto?.answer).toBe('Kazakhstan (since 2002), Russia (since 2002) and Belarus (since 2002). Participation suspended: Armenia (since Feb 2024).');
    const eaeu = questions.find((q) => q.question.includes('members of the Eurasian Economic Union'));
    expect(eaeu?.answer).toContain('Kazakhstan (since 1 Jan 2015)');
    const unionState = questions.find((q) => q.question.includes('members of the Union State of Russia and Belarus'));
    expect(unionState?.answer).toBe('Russia (since Jan 2000) and Belarus (since Jan 2000).');
  });

  it('asks who holds the people’s current offices, with the dossier’s as-of date', () => {
    expect(questions).toContainEqual({
      question: 'Who has been President of Belarus since 1994?',
      answer: 'Alexander Lukashenka, since 20 Jul 1994 (as of Dec 2025).',
      sources: expect.arrayContaining([expect.objectContaining({ title: 'Alexander Lukashenko — Wikipedia' })]),
    });
    expect(questions.map((q) => q.question)).toContain('Who has been Prime Minister of Armenia since 2018?');
  });

  it('asks nothing it cannot source from the pack', () => {
    for (const q of questions) {
      expect(q.sources.length, q.question).toBeGreaterThan(0);
      for (const s of q.sources) expect(packSources.has(s.title), s.title).toBe(true);
    }
  });

  it('keeps to a dozen, in the same order whatever order the entities come in', () => {
    expect(questions.length).toBeGreaterThan(4);
    expect(questions.length).toBeLessThanOrEqual(12);
    expect(studyQuestions([...entities].reverse())).toEqual(questions);
  });

  it('asks a person without a dated office for their role', async () => {
    const [utyupin] = await seedEntities(['pavel-utyupin']);
    expect(studyQuestions([utyupin!])).toEqual([
      {
        question: 'What is Pavel Utyupin\'s role (as of Aug 2024)?',
        answer: 'Ambassador of Belarus to Kazakhstan.',
        sources: expect.any(Array),
      },
    ]);
  });

  it('asks nothing of entities the knowledge base could not describe', () => {
    expect(studyQuestions(entities.map((e) => ({ ...e, dossier: null })))).toEqual([]);
  });
});
