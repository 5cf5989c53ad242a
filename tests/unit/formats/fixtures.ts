import type { SavedAnnotation } from '../../../lib/library/saved-annotation';

const may12 = Date.UTC(2024, 4, 12, 9, 15, 0);

/** A statement with everything: speaker, comment, tags, full page metadata, both selectors. */
export const statement: SavedAnnotation = {
  id: '3f2b8c1e-5a4d-4e7b-9c0a-1d2e3f405162',
  url: 'https://www.example-news.com/world/2024/05/12/talks-resume',
  title: 'Talks resume in Geneva after a year',
  site: 'Example News',
  author: 'Laura Reyes',
  published: '2024-05-12T07:30:00+02:00',
  quote: 'We will not accept any preconditions.',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'We will not accept any preconditions.', prefix: 'the minister told reporters: “', suffix: '” The talks are expected to last' },
    { type: 'TextPositionSelector', start: 1204, end: 1241 },
  ],
  entityId: 'alexander-lukashenka',
  entityName: 'Alexander Lukashenka',
  tags: ['negotiations', 'Geneva'],
  comment: 'Contradicts what he said in March.\nCompare with the April interview.',
  createdAt: may12,
  updatedAt: may12 + 3_600_000,
};

/** A passage kept as a note: no speaker, no comment, no tags, little metadata. */
export const bareNote: SavedAnnotation = {
  id: '9a7c6e5d-4b3a-4291-8f0e-d1c2b3a49586',
  url: 'https://example.org/blog/harbour-budget',
  quote: 'The harbour budget passed by two votes.',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'The harbour budget passed by two votes.', prefix: '', suffix: ' Critics said' },
    { type: 'TextPositionSelector', start: 0, end: 39 },
  ],
  tags: [],
  createdAt: Date.UTC(2023, 10, 2, 18, 0, 0),
  updatedAt: Date.UTC(2023, 10, 2, 18, 0, 0),
};

/** A speaker but no comment; tags; text in Cyrillic; a quote selector only. */
export const cyrillicStatement: SavedAnnotation = {
  id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  url: 'https://news.example.by/politics/2024/03/04/zayavlenie',
  title: 'Заявление президента',
  site: 'Пример Новости',
  published: '2024-03-04',
  quote: 'Мы никогда не отдадим ни пяди земли.',
  selectors: [{ type: 'TextQuoteSelector', exact: 'Мы никогда не отдадим ни пяди земли.', prefix: 'заявил он. «', suffix: '»' }],
  entityId: 'alexander-lukashenka',
  entityName: 'Alexander Lukashenka',
  tags: ['территория'],
  createdAt: Date.UTC(2024, 2, 4, 12, 0, 0),
  updatedAt: Date.UTC(2024, 2, 5, 8, 30, 0),
};

/** Tags only; an organisation as speaker is absent; a quote that starts like a spreadsheet formula. */
export const taggedNote: SavedAnnotation = {
  id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  url: 'https://example.com/markets/oil?id=77',
  title: '=HYPERLINK("http://evil.example","click") and other tricks',
  site: 'Example Markets',
  author: '@marketdesk',
  quote: '-15% in a single session, the steepest fall since 2020',
  selectors: [
    { type: 'TextQuoteSelector', exact: '-15% in a single session, the steepest fall since 2020', prefix: 'Brent fell ', suffix: '.' },
    { type: 'TextPositionSelector', start: 88, end: 143 },
  ],
  tags: ['oil', 'markets', 'oil'],
  comment: '+ check against the exchange\'s own figures, "to the decimal"',
  createdAt: Date.UTC(2024, 0, 15, 23, 59, 0),
  updatedAt: Date.UTC(2024, 0, 15, 23, 59, 0),
};

export const allFixtures = [statement, bareNote, cyrillicStatement, taggedNote];
