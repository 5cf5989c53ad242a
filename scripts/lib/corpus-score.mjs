// Precision and recall of Backstory's marks against the mentions a careful reader listed for a page
// (tests/corpus/expected/<page>.json): multisets of (entity, normalised text) compared one for one.
import { readFileSync } from 'node:fs';

/** Case, accents, apostrophe and dash variants and runs of spaces folded away. */
export function fold(text) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC\u00B4\u0060\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Folded, without a leading English article or a possessive ending ('s or '). */
const bareText = (text) => fold(text).replace(/^the /, '').replace(/'s?$/, '');

/**
 * The text of a mention as compared: "the Associated Press" and "Associated Press", "Apple's" and
 * "Apple", "U.S." and "U.S" (a mark that leaves out an abbreviation's final period) are one mention.
 */
export const mentionKey = (text) => bareText(text).replace(/\.$/, '');

/**
 * What the packs know, to tell which entity a mark stands for: the page exposes each mark's text and
 * kind (the highlight it is in), not its entity, so a mark is attributed to the entities of that kind
 * with an alias of the same text — or, for an inflected form, the longest alias the text starts with.
 */
export class Knowledge {
  constructor(packFiles) {
    this.entities = new Map();
    this.byKey = new Map();
    for (const file of packFiles) {
      const pack = JSON.parse(readFileSync(file, 'utf8'));
      for (const entity of pack.entities ?? []) {
        if (this.entities.has(entity.id)) continue; // the first pack imported keeps an id (as the extension does)
        const keys = new Set([entity.name, ...entity.aliases.map((a) => (typeof a === 'string' ? a : a.text))].map(mentionKey));
        this.entities.set(entity.id, { id: entity.id, kind: entity.kind, name: entity.name, keys });
        for (const key of keys) {
          if (!this.byKey.has(key)) this.byKey.set(key, []);
          this.byKey.get(key).push(entity.id);
        }
      }
    }
  }

  has(id) {
    return this.entities.has(id);
  }

  isAlias(id, text) {
    return this.entities.get(id)?.keys.has(mentionKey(text)) ?? false;
  }

  /** Entity ids a mark of this kind and text stands for ([] when no alias explains it). */
  attribute(kind, text) {
    const key = mentionKey(text);
    const ofKind = (ids) => ids.filter((id) => this.entities.get(id).kind === kind);
    const exact = ofKind(this.byKey.get(key) ?? []);
    if (exact.length) return exact;
    let best = [];
    let bestLength = 0;
    for (const [aliasKey, ids] of this.byKey) {
      if (aliasKey.length > bestLength && key.startsWith(aliasKey) && ofKind(ids).length) {
        best = ofKind(ids);
        bestLength = aliasKey.length;
      }
    }
    return best;
  }
}

export function readExpected(file) {
  const expected = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(expected.mentions)) throw new Error(`${file}: no "mentions" list`);
  return expected;
}

const pairKey = (id, text) => `${id}\u0000${mentionKey(text)}`;

/**
 * Scores the visible marks of one page run. Returns { expected, marked, truePositives, precision,
 * recall, misses: [{ entity, text, count, isAlias }], falseMarks: [{ kind, text, entities, count }],
 * otherSpans: [{ span, count }] } — the last, matches whose mark covers a little more or less than the
 * mention as written (an abbreviation's final period).
 */
export function score(marks, expected, knowledge) {
  const budget = new Map();
  const written = new Map();
  let expectedTotal = 0;
  for (const m of expected.mentions) {
    const key = pairKey(m.entity, m.text);
    budget.set(key, (budget.get(key) ?? 0) + m.count);
    if (!written.has(key)) written.set(key, m);
    expectedTotal += m.count;
  }
  const attributed = marks.map((mark) => ({ ...mark, entities: knowledge.attribute(mark.kind, mark.text) }));
  // Marks that can stand for one entity only are matched first, so a shared alias takes what is left.
  attributed.sort((a, b) => a.entities.length - b.entities.length);
  let truePositives = 0;
  const unmatchedMarks = [];
  const otherSpans = new Map();
  for (const mark of attributed) {
    const key = mark.entities.map((id) => pairKey(id, mark.text)).find((k) => (budget.get(k) ?? 0) > 0);
    if (key) {
      budget.set(key, budget.get(key) - 1);
      truePositives++;
      const { text } = written.get(key);
      if (bareText(text) !== bareText(mark.text)) {
        const span = `“${mark.text}” for “${text}”`;
        otherSpans.set(span, (otherSpans.get(span) ?? 0) + 1);
      }
    } else unmatchedMarks.push(mark);
  }
  const misses = [...budget]
    .filter(([, left]) => left > 0)
    .map(([key, count]) => {
      const { entity, text } = written.get(key);
      return { entity, text, count, isAlias: knowledge.isAlias(entity, text) };
    });
  const falseMarks = new Map();
  for (const mark of unmatchedMarks) {
    const key = `${mark.kind}\u0000${mark.text}\u0000${mark.entities.join(',')}`;
    const entry = falseMarks.get(key) ?? { kind: mark.kind, text: mark.text, entities: mark.entities, count: 0 };
    entry.count++;
    falseMarks.set(key, entry);
  }
  return {
    expected: expectedTotal,
    marked: marks.length,
    truePositives,
    precision: marks.length ? truePositives / marks.length : null,
    recall: expectedTotal ? truePositives / expectedTotal : null,
    misses,
    falseMarks: [...falseMarks.values()].sort((a, b) => b.count - a.count),
    otherSpans: [...otherSpans].map(([span, count]) => ({ span, count })),
  };
}
