import { beforeAll, describe, expect, it } from 'vitest';
import { studySheetMarkdown } from '../../../lib/formats/study-markdown';
import type { ArticleEntity, SavedNote } from '../../../lib/study/article';
import { madeUpEntity, SEED_ARTICLE, seedEntities } from './seed-story';

let entities: ArticleEntity[];
let markdown: string;

const note: SavedNote = {
  id: 'n1',
  quote: 'Who needs Armenians besides us?',
  speaker: 'Alexander Lukashenka',
  comment: 'Compare with the *CSTO* [treaty]',
  tags: ['csto', 'belarus'],
  createdAt: 1,
};

beforeAll(async () => {
  entities = await seedEntities();
  markdown = studySheetMarkdown(SEED_ARTICLE, entities, [note]);
});

const section = (heading: string) => {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
};

describe('the study sheet as Markdown', () => {
  it('opens with the title, a link to the article and its date', () => {
    expect(markdown.split('\n\n').slice(0, 2)).toEqual([
      '# The Kremlin, Through Lukashenka, Urges Armenia and Kazakhstan to Show Allied Discipline',
      '[Situation in Belarus](<https://news.example/belarus/allied-discipline>) · published 27 Aug 2024',
    ]);
  });

  it('has its sections in order, the answers last', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Glossary', '## Alliances', '## Your saved passages', '## Study questions', '## Answers']);
  });

  it('has a glossary entry per entity with kind, role, background with its date, and linked sources', () => {
    const glossary = section('Glossary');
    expect(glossary.match(/^### /gm)).toHaveLength(entities.length);
    expect(glossary).toContain('### Alexander Lukashenka\n\n*Person* · President of Belarus, since 20 Jul 1994\n\nBelarusian politician');
    expect(glossary).toContain('(as of Dec 2025)');
    expect(glossary).toContain('[Alexander Lukashenko — Wikipedia](<https://en.wikipedia.org/wiki/Alexander_Lukashenko>)');
    expect(glossary).toContain(
      '[Lukashenko urges partners in post-Soviet space to stick together](<https://belarus.by/en/press-center/speeches-and-interviews/lukashenko-urges-partners-in-post-soviet-space-to-stick-together_i_0000175821.html>), Official Website of the Republic of Belarus (BelTA)',
    );
  });

  it('names a source without an address in the glossary, not linked', () => {
    const entity = madeUpEntity('unlinked', 'Ivan Ivanov', 'A man of the pack.');
    entity.dossier!.entity.sources = [{ title: 'An analysis', publisher: 'A newsletter' }];
    expect(studySheetMarkdown(SEED_ARTICLE, [entity], [])).toContain('*An analysis*, A newsletter');
  });

  it('has the alliance table, the suspended cell marked by a symbol and a word', () => {
    const table = section('Alliances').split('\n').filter((line) => line.startsWith('|'));
    expect(table).toHaveLength(2 + 7);
    expect(table[0]).toMatch(/^\| {2}\| Collective Security Treaty Organization \| Eurasian Economic Union \| Union State of Russia and Belarus \|/);
    expect(table[1]).toMatch(/^\| --- \| --- \|/);
    expect(table.find((row) => row.startsWith('| Armenia |'))).toContain('| ⚠ **suspended since Feb 2024** |');
    expect(table.find((row) => row.startsWith('| Alexander Lukashenka (via Belarus) |'))).toContain('member since Jan 2000');
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    expect(new Set(table.map(cells)).size).toBe(1);
  });

  it('has the saved passage with its speaker, tags and comment', () => {
    expect(section('Your saved passages')).toContain(
      '> Who needs Armenians besides us?\n\n— Alexander Lukashenka · Tags: csto, belarus\n\nCompare with the \\*CSTO\\* \\[treaty\\]',
    );
  });

  it('numbers the questions, and gives the answers with their sources apart', () => {
    expect(section('Study questions')).toContain('1. Which of the countries in this article suspended its participation');
    expect(section('Study questions')).not.toContain('Armenia (since');
    expect(section('Answers')).toContain(
      '1. Armenia (since Feb 2024).',
    );
    expect(section('Answers')).toMatch(/\\\n {3}Sources: \[Armenia Has ‘Frozen’ Participation in CSTO, Angering Moscow\]\(<https:\/\/asbarez\.com\//);
  });

  it('escapes what the knowledge base and the article could turn into markup', () => {
    const hostile = madeUpEntity('x', '# Not | a *heading*', 'Line one\n1. [click](javascript:alert(1)) <img src=x> `code` _under_');
    const text = studySheetMarkdown(
      { title: '*Breaking*: [news]', url: 'javascript:alert(1)', byline: '> quoted' },
      [hostile],
      [{ id: 'n', quote: '- not a list\n\n## not a heading', tags: ['a|b'], createdAt: 0 }],
    );
    expect(text).toContain('# \\*Breaking\\*: \\[news\\]');
    expect(text).not.toMatch(/(?<!\\)\]\(<?javascript/);
    expect(text).toContain('\\> quoted');
    expect(text).toContain('### \\# Not \\| a \\*heading\\*');
    expect(text).toContain('Line one 1. \\[click\\](javascript:alert(1)) \\<img src=x\\> \\`code\\` \\_under\\_');
    expect(text).toContain('> \\- not a list\n>\n> \\## not a heading');
    expect(text).toContain('Tags: a\\|b');
    expect(text).toContain('[About # Not \\| a \\*heading\\*](<https://example.org/a_(b)>)');
  });

  it('says so when there is nothing to show, and leaves out the answers when there are no questions', () => {
    const text = studySheetMarkdown({ title: 'Empty', url: 'https://news.example/empty' }, [], []);
    expect(text).toContain('No names marked in this article.');
    expect(text).toContain('No passages saved from this article yet.');
    expect(text).not.toContain('## Answers');
  });
});
