/**
 * The article's entities as the reading mode would have them for the seed story (Lukashenka's remarks
 * about Armenia and Kazakhstan, August 2024): dossiers read from the starter pack imported into
 * fake-indexeddb, mentions in the order the names are listed.
 */
import starterPack from '../../../public/packs/post-soviet-politics.json';
import type { ArticleEntity, ArticleInfo } from '../../../lib/study/article';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { Pack } from '../../../lib/store/pack-validation';
import { importPack } from '../../../lib/store/packs';
import { loadDossier } from '../../../lib/store/queries';

export const SEED_IDS = [
  'alexander-lukashenka',
  'armenia',
  'kazakhstan',
  'russia',
  'csto',
  'eaeu',
  'belarus',
  'union-state',
  'nikol-pashinyan',
  'kassym-jomart-tokayev',
];

export const SEED_ARTICLE: ArticleInfo = {
  title: 'The Kremlin, Through Lukashenka, Urges Armenia and Kazakhstan to Show Allied Discipline',
  url: 'https://news.example/belarus/allied-discipline',
  site: 'Situation in Belarus',
  published: '2024-08-27T09:00:00Z',
  lang: 'en',
};

let counter = 0;

/** The entities, in `ids` order, each mentioned once; a fresh database per call. */
export async function seedEntities(ids: string[] = SEED_IDS): Promise<ArticleEntity[]> {
  const db = new BackstoryDatabase(`study-${++counter}`);
  await db.open();
  await importPack(db, starterPack as Pack);
  const entities = await Promise.all(
    ids.map(async (id, i): Promise<ArticleEntity> => {
      const dossier = await loadDossier(db, id);
      if (!dossier) throw new Error(`${id} is not in the starter pack`);
      const { name, kind } = dossier.entity;
      return { id, name, kind, mentions: [{ markIndex: i, at: i / ids.length, text: name }], dossier };
    }),
  );
  db.close();
  return entities;
}

/** An entity the knowledge base describes with whatever text a test needs, as a hostile pack might. */
export function madeUpEntity(id: string, name: string, summary: string, kind: ArticleEntity['kind'] = 'person', markIndex = 0): ArticleEntity {
  return {
    id,
    name,
    kind,
    mentions: [{ markIndex, at: 0, text: name }],
    dossier: {
      entity: { id, kind, name, aliases: [], summary, asOf: '2025-06', origin: 'user', sources: [{ title: `About ${name}`, url: 'https://example.org/a_(b)' }] },
      alliances: [],
      members: [],
      statements: [],
    },
  };
}
