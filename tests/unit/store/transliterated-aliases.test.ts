import { beforeAll, describe, expect, it } from 'vitest';
import starterPack from '../../../public/packs/post-soviet-politics.json';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { Pack } from '../../../lib/store/pack-validation';
import { importPack } from '../../../lib/store/packs';
import { findCandidates, loadDossier } from '../../../lib/store/queries';
import { Matcher, lookupKeys } from '../../../lib/text';

let db: BackstoryDatabase;

beforeAll(async () => {
  db = new BackstoryDatabase('transliterated-aliases');
  await db.open();
  await importPack(db, structuredClone(starterPack) as Pack);
});

/** What a page of this text marks, as the content script asks for it: "text=entity". */
async function marksOn(text: string): Promise<string[]> {
  const { aliases } = await findCandidates(db, lookupKeys([text]));
  return new Matcher(aliases).findAll(text).map((m) => `${text.slice(m.start, m.end)}=${m.entityIds.join('+')}`);
}

// The spellings real articles use for one person, from the issue: the pack lists only some of them.
const SPELLINGS: [entity: string, spellings: string[]][] = [
  ['alexander-lukashenka', ['Lukashenko', 'Lukashenka', 'Łukašenka', 'Lukaschenko', 'Loukachenko', 'Lukašenka']],
  ['sviatlana-tsikhanouskaya', ['Tikhanovskaya', 'Tsikhanouskaya', 'Tsikhanovskaya', 'Cichanouskaja', 'Cichanoŭskaja', 'Tichanowskaja', 'Tikhanovskaïa']],
  ['viktar-babaryka', ['Babaryka', 'Babariko', 'Babaryko']],
  ['kassym-jomart-tokayev', ['Tokayev', 'Tokaev', 'Toqaev', 'Tokajew', 'Tokaïev']],
  ['volodymyr-zelensky', ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Selenskyj', 'Zelenskyi', 'Selenski']],
];

describe('a name in any common spelling', () => {
  it.each(SPELLINGS)('marks every spelling of %s as that one entity', async (entity, spellings) => {
    const text = spellings.map((spelling, i) => `Paragraph ${i + 1}: ${spelling} spoke on Monday.`).join(' ');
    expect(await marksOn(text)).toEqual(spellings.map((spelling) => `${spelling}=${entity}`));
  });

  it('marks a generated spelling in a full name and with an English possessive', async () => {
    expect(await marksOn('Wolodymyr Selenskyj met Aliaksandr Loukachenka; Selenskyj’s plan.')).toEqual([
      'Wolodymyr Selenskyj=volodymyr-zelensky',
      'Aliaksandr Loukachenka=alexander-lukashenka',
      'Selenskyj=volodymyr-zelensky',
    ]);
  });

  it('leaves the entity as the pack wrote it: generated spellings are no aliases in its dossier', async () => {
    const { aliases } = await findCandidates(db, ['selenskyj']);
    expect(aliases.map((a) => `${a.text}=${a.entityId}`)).toEqual(['Selenskyj=volodymyr-zelensky']);
    const dossier = await loadDossier(db, 'volodymyr-zelensky');
    expect(dossier?.entity.aliases.map((a) => a.text)).toContain('Zelenskyy');
    expect(dossier?.entity.aliases.map((a) => a.text)).not.toContain('Selenskyj');
  });
});
