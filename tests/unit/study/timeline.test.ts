import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../lib/study/article';
import { timelineOf, type TimelineEvent } from '../../../lib/study/timeline';
import { seedEntities } from './seed-story';

let entities: ArticleEntity[];
let events: TimelineEvent[];

beforeAll(async () => {
  entities = await seedEntities();
  events = timelineOf(entities);
});

const labelled = (text: string) => events.filter((e) => e.label.includes(text));

describe('the timeline of the seed story', () => {
  it('is in chronological order, a year or month before the days within it', () => {
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(events[0]).toMatchObject({ date: '1945', label: 'Belarus joins the United Nations' });
  });

  it('leaves out what has no date (the OSCE memberships, undated roles)', () => {
    expect(events.every((e) => /^\d{4}(-\d\d){0,2}$/.test(e.date))).toBe(true);
    expect(labelled('Organization for Security')).toEqual([]);
  });

  it('has offices taken and left, on the word of the entity’s sources', () => {
    expect(labelled('takes office as President of Belarus')).toEqual([
      {
        date: '1994-07-20',
        label: 'Alexander Lukashenka takes office as President of Belarus',
        entityIds: ['alexander-lukashenka'],
        kind: 'role',
        source: expect.objectContaining({ title: 'Alexander Lukashenko — Wikipedia' }),
      },
    ]);
    expect(labelled('Tokayev leaves office as Chairman of the Senate').map((e) => e.date)).toEqual(['2011', '2019-03']);
  });

  it('counts a country’s membership once, however many of the article’s names lead to it', () => {
    const unionState = labelled('Union State of Russia and Belarus');
    expect(unionState).toHaveLength(1);
    expect(unionState[0]).toMatchObject({
      date: '2000-01',
      label: 'Belarus and Russia join the Union State of Russia and Belarus',
      kind: 'membership',
      entityIds: ['alexander-lukashenka', 'russia', 'belarus'],
    });
    expect(labelled('join the Collective Security Treaty Organization')).toHaveLength(1);
  });

  it('has Armenia suspending its CSTO participation in February 2024, with the source that says so', () => {
    expect(labelled('suspends its participation')).toEqual([
      {
        date: '2024-02',
        label: 'Armenia suspends its participation in the Collective Security Treaty Organization',
        entityIds: ['armenia', 'nikol-pashinyan'],
        kind: 'membership',
        source: expect.objectContaining({ publisher: 'Asbarez', date: '2024-02-23' }),
      },
    ]);
  });

  it('reads a `left` record as a membership from its start to its end', () => {
    expect(labelled('Council of Europe').map((e) => [e.date, e.label])).toEqual([
      ['1996', 'Russia joins the Council of Europe'],
      ['2001', 'Armenia joins the Council of Europe'],
      ['2022-03-16', 'Russia leaves the Council of Europe'],
    ]);
  });

  it('has the dated statements, quotes in quotation marks, with their sources', () => {
    const quote = labelled('Who needs Armenians besides us?')[0];
    expect(quote).toMatchObject({ date: '2024-08-20', kind: 'statement', label: 'Alexander Lukashenka: “Who needs Armenians besides us?”' });
    expect(quote?.source?.url).toMatch(/^https:\/\//);
    expect(events.filter((e) => e.kind === 'statement').every((e) => e.source)).toBe(true);
  });

  it('is the same whatever order the entities come in', () => {
    expect(timelineOf([...entities].reverse())).toEqual(events);
  });

  it('is empty without dossiers', () => {
    expect(timelineOf(entities.map((e) => ({ ...e, dossier: null })))).toEqual([]);
  });
});
