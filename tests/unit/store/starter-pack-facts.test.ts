import { describe, expect, it } from 'vitest';
import starterPack from '../../../public/packs/post-soviet-politics.json';
import type { Pack } from '../../../lib/store/pack-validation';

const pack = starterPack as Pack;
const entity = (id: string) => pack.entities.find((e) => e.id === id);
const relations = pack.relations ?? [];
const statements = pack.statements ?? [];
const web = /^https?:\/\/\S+$/;
const isoDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The statements the pack holds at least; a release may add, never silently drop, sourced statements. */
const STATEMENTS_AT_LEAST = 150;

/** Today as YYYY-MM-DD by the test's own clock. */
const today = () => new Date().toISOString().slice(0, 10);
/** Whether a date written YYYY, YYYY-MM or YYYY-MM-DD begins after `day`. */
const after = (date: string, day: string) => date.padEnd(10, '-01').replace(/-00/g, '-01') > day;

describe('the starter pack: every statement sourced and dated', () => {
  it(`holds at least ${STATEMENTS_AT_LEAST} statements`, () => {
    expect(statements.length).toBeGreaterThanOrEqual(STATEMENTS_AT_LEAST);
  });

  it('has statements of every head of state and government it names in office', () => {
    const headOf = /^(President|Prime Minister|Chairman of the Cabinet of Ministers) of /;
    const speakers = new Set(statements.map((s) => s.entity));
    const silent = pack.entities.filter((e) => e.roles?.some((r) => headOf.test(r.title) && !r.until) && !speakers.has(e.id)).map((e) => e.id);
    expect(silent).toEqual([]);
  });

  it('gives every statement a web address for its source and a date', () => {
    const unsourced = statements.filter((s) => !web.test(s.source.url ?? '')).map((s) => `${s.entity}: ${s.text.slice(0, 40)}`);
    const undated = statements.filter((s) => !isoDate.test(s.date ?? '')).map((s) => `${s.entity}: ${s.text.slice(0, 40)}`);
    expect({ unsourced, undated }).toEqual({ unsourced: [], undated: [] });
  });

  it('gives every source of an entity, relation or statement a web address', () => {
    const sources = [
      ...pack.entities.flatMap((e) => (e.sources ?? []).map((s) => ({ where: e.id, s }))),
      ...relations.flatMap((r) => (r.source ? [{ where: `${r.from} ${r.type} ${r.to}`, s: r.source }] : [])),
    ];
    expect(sources.filter(({ s }) => !web.test(s.url ?? '')).map(({ where, s }) => `${where}: ${s.title}`)).toEqual([]);
  });

  it('dates every entity (as of when its facts were checked), never after today', () => {
    const day = today();
    expect(pack.entities.filter((e) => !isoDate.test(e.asOf ?? '')).map((e) => e.id)).toEqual([]);
    expect(pack.entities.filter((e) => e.asOf && after(e.asOf, day)).map((e) => `${e.id}: ${e.asOf}`)).toEqual([]);
    expect(statements.filter((s) => s.date && after(s.date, day)).map((s) => `${s.entity}: ${s.date}`)).toEqual([]);
  });

  it('names a statement a quote only when its text is the words themselves, not a report of them', () => {
    const reported = statements.filter((s) => s.kind === 'quote' && /^(In|At|After|Speaking|During) .*, \w+ (said|told|wrote|called)\b/.test(s.text));
    expect(reported.map((s) => s.text)).toEqual([]);
  });
});

describe('the starter pack: the errors a fact-check found stay fixed', () => {
  it('ends Nazarbayev’s chairmanship of Nur Otan on 28 January 2022, not when he announced it', () => {
    const chair = relations.find((r) => r.from === 'nursultan-nazarbayev' && r.type === 'leads' && r.to === 'amanat');
    expect(chair?.until).toBe('2022-01-28');
    expect(entity('amanat')?.summary).toContain('28 January 2022');
  });

  it('has Kobakhidze chairing Georgian Dream since 7 May 2025', () => {
    expect(entity('irakli-kobakhidze')?.roles).toContainEqual({ title: 'Chairman of Georgian Dream', since: '2025-05-07' });
    expect(relations).toContainEqual(expect.objectContaining({ from: 'irakli-kobakhidze', type: 'leads', to: 'georgian-dream', since: '2025-05-07' }));
  });

  it('gives Tsikhanouskaya and Navalnaya their roles', () => {
    expect(entity('sviatlana-tsikhanouskaya')?.roles?.map((r) => r.title)).toContain('Head of the United Transitional Cabinet of Belarus');
    expect(entity('yulia-navalnaya')?.roles?.map((r) => r.title)).toContain('Chair of the Human Rights Foundation');
    expect(entity('yulia-navalnaya')?.aliases).toContain('Yuliya Navalnaya');
  });

  it('has Uzbekistan in the Collective Security Treaty from 1992 to 1999 as a relation, not only a note', () => {
    expect(relations).toContainEqual(expect.objectContaining({ from: 'uzbekistan', to: 'csto', since: '1992-05-15', until: '1999' }));
  });

  it('tells of Russia’s recapture of the Kursk region in 2025', () => {
    expect(entity('kursk-oblast')?.summary).toMatch(/April 2025/);
  });

  it('cites for Svyrydenko only articles about her, and for the Șor Party pages about the party', () => {
    expect(entity('yulia-svyrydenko')?.sources?.filter((s) => !/Svyrydenko/.test(s.title))).toEqual([]);
    expect(entity('sor-party')?.sources?.filter((s) => /Ilan Shor/.test(s.title))).toEqual([]);
  });

  it('bases Lukashenka’s and Tokayev’s biographies on no analysis, and cites the seed analysis by its address', () => {
    const analysis = 'The Kremlin, Through Lukashenka, Urges Armenia and Kazakhstan to Show Allied Discipline';
    for (const id of ['alexander-lukashenka', 'kassym-jomart-tokayev']) expect(entity(id)?.sources?.map((s) => s.title)).not.toContain(analysis);
    const cited = [...pack.entities.flatMap((e) => e.sources ?? []), ...statements.map((s) => s.source)].filter((s) => s.title === analysis);
    expect(new Set(cited.map((s) => s.url))).toEqual(new Set(['https://belarusinfocus.pro/belarus-west-relations/the-kremlin-through-lukashenka-urges-armenia-and-kazakhstan-to-show-allied-discipline']));
  });

  it('attributes labels such as “pro-Western” instead of stating them', () => {
    const label = /\b(considered )?pro-(Western|European|Russian|Kremlin)\b/i;
    // Every language of a summary counts.
    const texts = (summary: string | Record<string, string> | undefined) => (typeof summary === 'string' ? summary : Object.values(summary ?? {}).join('\n'));
    const stated = pack.entities.filter((e) => label.test(texts(e.summary)) && !/described/.test(texts(e.summary))).map((e) => e.id);
    expect(stated).toEqual([]);
  });
});

describe('the starter pack: Kazakhstan after the 2026 constitution', () => {
  it('has the Kurultai, and the Mazhilis only as the lower house it was until 1 July 2026', () => {
    expect(entity('kurultai')?.summary).toMatch(/single-chamber/i);
    expect(entity('mazhilis')?.summary).toMatch(/until 1 July 2026/);
    expect(relations).toContainEqual(expect.objectContaining({ from: 'kurultai', type: 'part_of', to: 'kazakhstan', since: '2026-07-01' }));
  });

  it('has the referendum of 15 March 2026 as an event, and the names readers search for', () => {
    expect(entity('kazakhstan-constitutional-referendum-2026')).toMatchObject({ kind: 'event' });
    expect(entity('kassym-jomart-tokayev')?.aliases).toContain('Kassym-Zhomart');
    expect(entity('astana')?.aliases).toContain('Akmola');
    expect(entity('dauren-kosanov')?.roles).toContainEqual({ title: 'Minister of Defence of Kazakhstan', since: '2025-06-08' });
  });
});

describe('the starter pack: the powers the region’s news names, placed in the alliance views', () => {
  const memberships = (id: string) =>
    relations.filter((r) => r.from === id && (r.type === 'member_of' || r.type === 'candidate_of' || r.type === 'partner_of')).map((r) => `${r.type} ${r.to}`);

  it.each([
    ['poland', ['member_of nato', 'member_of eu']],
    ['united-states', ['member_of nato']],
    ['germany', ['member_of nato', 'member_of eu']],
    ['france', ['member_of nato', 'member_of eu']],
    ['united-kingdom', ['member_of nato']],
    ['turkey', ['member_of nato', 'candidate_of eu', 'member_of ots', 'partner_of sco']],
    ['china', ['member_of sco', 'member_of brics']],
    ['iran', ['member_of sco', 'member_of brics']],
  ])('has %s as a country with its memberships', (id, expected) => {
    expect(entity(id)?.kind).toBe('country');
    expect(memberships(id)).toEqual(expect.arrayContaining(expected));
  });

  it('has the United Kingdom out of the EU since 31 January 2020', () => {
    expect(relations).toContainEqual(expect.objectContaining({ from: 'united-kingdom', type: 'left', to: 'eu', until: '2020-01-31' }));
  });
});
