import type { SavedAnnotation } from '../../../lib/library/saved-annotation';

/** A small deterministic PRNG (mulberry32), so that every run builds the same library. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'government minister parliament election vote budget talks sanctions border treaty summit army ' +
  'economy inflation energy pipeline gas oil trade market bank court law reform protest opposition ' +
  'president premier coalition party campaign agreement ceasefire negotiations security alliance ' +
  'council committee report statement interview press conference decision policy region capital'
).split(' ');
export const ENTITIES = [
  ['alexander-lukashenka', 'Alexander Lukashenka'],
  ['kassym-jomart-tokayev', 'Kassym-Jomart Tokayev'],
  ['nato', 'NATO'],
  ['csto', 'Collective Security Treaty Organization'],
  ['maia-sandu', 'Maia Sandu'],
] as const;
export const TAGS = ['economy', 'security', 'elections', 'energy', 'Ukraine', 'follow-up', 'quote-check'];
export const SITES = ['Example News', 'The Daily Example', 'Örnek Haber', 'Пример Новости', 'Sample Times'];
export const START = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;

/**
 * `count` saved passages of ordinary news words, spread over four years, with speakers, tags and sites
 * drawn at random. No passage contains any of the rare words the tests plant themselves.
 */
export function syntheticLibrary(count: number, seed = 1): SavedAnnotation[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const createdAt = START + Math.floor(next() * 4 * 365 * DAY);
    const entity = next() < 0.7 ? pick(ENTITIES) : undefined;
    const quote = `${sentence(8 + Math.floor(next() * 20))}.`;
    const annotation: SavedAnnotation = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://example${i % 50}.com/story/${i}`,
      title: sentence(6),
      site: pick(SITES),
      quote,
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
      tags: next() < 0.5 ? [pick(TAGS)] : next() < 0.5 ? [pick(TAGS), pick(TAGS)] : [],
      createdAt,
      updatedAt: createdAt,
    };
    if (entity) [annotation.entityId, annotation.entityName] = entity;
    if (next() < 0.3) annotation.comment = sentence(10);
    return annotation;
  });
}
