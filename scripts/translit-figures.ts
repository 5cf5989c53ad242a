// `npx vite-node scripts/translit-figures.ts [PAGES_DIR] [TEXTS_DIR]`: what the Latin spellings generated
// from Cyrillic aliases (lib/text/translit) cost and bring, with and without them:
// - the index: alias rows filed, lookup keys, bytes of the alias parts, for the starter pack;
// - the matcher: candidate aliases, Matcher construction and findAll over a page of 1 MB;
// - saved pages (PAGES_DIR/<page>/source.html, e.g. ../shared/corpus/pages): marks made with the starter
//   pack and tests/corpus/packs/corpus-news.json, those that differ, and for the pages with expected
//   mentions (tests/corpus/expected) whether each added mark is one;
// - texts (TEXTS_DIR/*.txt with TEXTS_DIR/expected.json: { file: [[entity, surface]] }): recall of the
//   people's mentions, each surface counted where it stands as a word.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packParts, decodePart, type PackAlias } from '../lib/store/pack-parts';
import type { Entity } from '../lib/store/generated/pack';
import { Matcher, lookupKeys, mayOccurIn, type AliasSpec } from '../lib/text';

const root = resolve(import.meta.dirname, '..');
const [pagesDir, textsDir] = process.argv.slice(2);
const readPack = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as { id: string; entities: Entity[] };
const packs = [readPack('public/packs/post-soviet-politics.json'), readPack('tests/corpus/packs/corpus-news.json')];

function filed(romanise: boolean) {
  const aliases: PackAlias[] = [];
  let bytes = 0;
  let keys = 0;
  const seen = new Set<string>();
  for (const pack of packs) {
    const entities = pack.entities.filter((e) => !seen.has(e.id));
    for (const e of entities) seen.add(e.id);
    const built = packParts(pack.id, { entities, relations: [], statements: [] }, { romanise });
    for (const part of built.parts.filter((p) => p.part.startsWith('a/'))) {
      bytes += part.rows.byteLength;
      aliases.push(...decodePart('a', part));
    }
    keys += built.keys.size;
    if (pack === packs[0]) console.log(`starter pack, ${romanise ? 'with' : 'without'} generated spellings: ${aliases.length} alias rows, ${keys} keys, ${(bytes / 1024).toFixed(1)} KiB of alias parts`);
  }
  const byKey = new Map<string, PackAlias[]>();
  for (const a of aliases) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  return byKey;
}

const index = { before: filed(false), after: filed(true) };

/** What the background sends a page and what the Matcher then marks, as the extension does it. */
function marksOf(byKey: Map<string, PackAlias[]>, text: string) {
  const keys = lookupKeys([text]);
  const asked = new Set(keys);
  const aliases: AliasSpec[] = keys.flatMap((k) => byKey.get(k) ?? []).filter((a) => mayOccurIn(a, asked));
  return { aliases, matches: new Matcher(aliases).findAll(text) };
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The matcher on a page of 1 MB: the seed article and the texts, repeated.
const seed = [join(root, '../shared/corpus/seed-article.txt'), ...(textsDir ? readdirSync(textsDir).filter((f) => f.endsWith('.txt')).map((f) => join(textsDir, f)) : [])]
  .filter(existsSync)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
let page = seed;
while (page.length < 1_000_000) page += `\n${seed}`;
// Before and after taken in turns, so that the load of a shared machine falls on both alike.
const times: Record<string, number[]> = { before: [], after: [] };
const results: Record<string, ReturnType<typeof marksOf>> = {};
for (let i = 0; i < 9; i++) {
  for (const [label, byKey] of Object.entries(index)) {
    const t0 = performance.now();
    results[label] = marksOf(byKey, page);
    if (i > 0) times[label]!.push(performance.now() - t0);
  }
}
for (const label of Object.keys(index)) {
  const { aliases, matches } = results[label]!;
  console.log(`1 MB page, ${label}: ${aliases.length} candidate aliases, ${matches.length} marks, lookup + Matcher + findAll median ${median(times[label]!).toFixed(0)} ms`);
}

function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&[a-z]+;/g, ' ');
}

if (pagesDir) {
  let before = 0;
  let after = 0;
  for (const name of readdirSync(pagesDir).sort()) {
    const file = join(pagesDir, name, 'source.html');
    if (!existsSync(file)) continue;
    const text = pageText(readFileSync(file, 'utf8'));
    const say = (m: { start: number; end: number; entityIds: string[] }) => `${text.slice(m.start, m.end)}=${m.entityIds.join('+')}@${m.start}`;
    const was = marksOf(index.before, text).matches.map(say);
    const now = marksOf(index.after, text).matches.map(say);
    before += was.length;
    after += now.length;
    const added = now.filter((m) => !was.includes(m));
    const removed = was.filter((m) => !now.includes(m));
    const expectedFile = join(root, 'tests/corpus/expected', `${name}.json`);
    if (added.length || removed.length) {
      const expected = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as { mentions: { entity: string; text: string }[] }).mentions : null;
      const verdict = (m: string) => {
        if (!expected) return '';
        const [text, ids] = m.replace(/@\d+$/, '').split('=');
        return expected.some((e) => ids!.split('+').includes(e.entity) && e.text.toLowerCase() === text!.toLowerCase()) ? ' (expected)' : ' (NOT expected)';
      };
      console.log(`${name}: added ${added.map((m) => m + verdict(m)).join(', ') || 'none'}; removed ${removed.join(', ') || 'none'}`);
    }
  }
  console.log(`saved pages: ${before} marks without generated spellings, ${after} with them`);
}

if (textsDir) {
  const expected = JSON.parse(readFileSync(join(textsDir, 'expected.json'), 'utf8')) as Record<string, [string, string][]>;
  const totals = { mentions: 0, before: 0, after: 0 };
  for (const [file, surfaces] of Object.entries(expected)) {
    const text = readFileSync(join(textsDir, file), 'utf8');
    const found = { before: marksOf(index.before, text).matches, after: marksOf(index.after, text).matches };
    const counts = { mentions: 0, before: 0, after: 0 };
    for (const [entity, surface] of surfaces) {
      const at = new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const hit of text.matchAll(at)) {
        const start = hit.index;
        const end = start + surface.length;
        counts.mentions++;
        for (const label of ['before', 'after'] as const) {
          if (found[label].some((m) => m.start <= start && m.end >= end && m.entityIds.includes(entity))) counts[label]++;
        }
      }
    }
    totals.mentions += counts.mentions;
    totals.before += counts.before;
    totals.after += counts.after;
    console.log(`${file}: ${counts.mentions} mentions of the pack's people; found ${counts.before} without, ${counts.after} with generated spellings`);
  }
  const pct = (n: number) => ((100 * n) / totals.mentions).toFixed(1);
  console.log(`texts: recall ${pct(totals.before)} % (${totals.before}/${totals.mentions}) without, ${pct(totals.after)} % (${totals.after}/${totals.mentions}) with generated spellings`);
}
