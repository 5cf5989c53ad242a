import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageMarker, type Candidates } from '../../../lib/page/marker';
import type { AliasSpec, PageWords } from '../../../lib/text';
import { installHighlightRegistry } from './highlight-registry';

let registry: Map<string, Set<Range>>;
beforeAll(() => {
  registry = installHighlightRegistry();
});

const ALIASES: (AliasSpec & { kind: string })[] = [
  { entityId: 'lukashenka', text: 'Lukashenka', kind: 'person' },
  { entityId: 'lukashenka', text: 'Alexander Lukashenka', kind: 'person' },
  { entityId: 'tokayev', text: 'Kassym-Jomart Tokayev', kind: 'person' },
  { entityId: 'tokayev', text: 'Tokayev', kind: 'person' },
  { entityId: 'csto', text: 'CSTO', kind: 'organization' },
  { entityId: 'armenia', text: 'Armenia', kind: 'country' },
];

/**
 * A knowledge base that answers like the background does: the aliases filed under the page's words
 * or their base forms, whose every word is among them. `asked` collects the words each lookup sent.
 */
function lookupFrom(aliases: typeof ALIASES, asked: string[][] = []) {
  return async (page: PageWords): Promise<Candidates> => {
    asked.push(page.words);
    const { indexKey, lookupKeysOf, mayOccurIn } = await import('../../../lib/text');
    const wanted = new Set(lookupKeysOf(page));
    const found = aliases.filter((a) => wanted.has(indexKey(a)) && mayOccurIn(a, wanted));
    return {
      aliases: found.map(({ entityId, text }) => ({ entityId, text })),
      entities: Object.fromEntries(found.map((a) => [a.entityId, { kind: a.kind, name: a.text }])),
    };
  };
}

function marked(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, ranges] of registry) out[name] = [...ranges].map((r) => r.toString());
  return out;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('the page marker', () => {
  it('marks names by kind, across inline elements, and counts them', async () => {
    document.body.innerHTML = '<p><b>Kassym-Jomart</b> Tokayev answered Lukashenka.</p><p>Armenia and the CSTO; Lukashenka again.</p>';
    const marker = new PageMarker(document, { lookup: lookupFrom(ALIASES) });
    await marker.start();
    expect(marked()).toEqual({
      'backstory-person': ['Kassym-Jomart Tokayev', 'Lukashenka', 'Lukashenka'],
      'backstory-country': ['Armenia'],
      'backstory-organization': ['CSTO'],
    });
    expect(marker.counts().map((c) => [c.id, c.count])).toEqual([
      ['lukashenka', 2],
      ['armenia', 1],
      ['csto', 1],
      ['tokayev', 1],
    ]);
    marker.stop();
    expect(marked()).toEqual({});
  });

  it('paints under the tint names when told to, as on very large pages, and clears them on stop', async () => {
    document.body.innerHTML = '<p>Lukashenka met the CSTO.</p>';
    const marker = new PageMarker(document, { lookup: lookupFrom(ALIASES), tint: () => true });
    await marker.start();
    expect(marked()).toEqual({ 'backstory-person-tint': ['Lukashenka'], 'backstory-organization-tint': ['CSTO'] });
    marker.stop();
    expect(marked()).toEqual({});
  });

  it('asks the knowledge base about the words of new text only, and finds names whose words it saw before', async () => {
    document.body.innerHTML = '<p>Lukashenka met Tokayev.</p>';
    const asked: string[][] = [];
    const marker = new PageMarker(document, { lookup: lookupFrom(ALIASES, asked) });
    await marker.start();
    const p = document.createElement('p');
    p.textContent = 'Alexander Lukashenka spoke of the CSTO.';
    document.body.append(p);
    await settle();
    await marker.start();
    expect(marked()['backstory-organization']).toEqual(['CSTO']);
    expect(marked()['backstory-person']).toEqual(['Lukashenka', 'Tokayev', 'Alexander Lukashenka']);
    expect(asked).toHaveLength(2);
    expect(asked[1]).not.toContain('tokayev');
    marker.stop();
  });

  it('follows edits and removals, leaving no mark on text that is gone', async () => {
    document.body.innerHTML = '<p id="a">Lukashenka</p><p id="b">Armenia</p>';
    const marker = new PageMarker(document, { lookup: lookupFrom(ALIASES) });
    await marker.start();
    document.getElementById('a')!.firstChild!.textContent = 'Nobody here';
    document.getElementById('b')!.remove();
    await settle();
    await marker.start();
    expect(marked()).toEqual({ 'backstory-person': [], 'backstory-country': [] });
    marker.stop();
  });

  it('never changes the page’s text or markup, whatever the page holds', async () => {
    const word = fc.constantFrom('Lukashenka', 'Tokayev', 'Kassym-Jomart', 'CSTO', 'cisgender', 'Armenia’s', 'us', 'the', 'Лукашенко', '\u00ad', ' ', ', ');
    const inline = fc.constantFrom('b', 'i', 'a', 'span');
    const fragment = fc.oneof(
      word,
      fc.tuple(inline, fc.array(word, { minLength: 1, maxLength: 3 })).map(([tag, words]) => `<${tag}>${words.join(' ')}</${tag}>`),
      fc.constant('<br>'),
    );
    const paragraph = fc.array(fragment, { minLength: 1, maxLength: 8 }).map((parts) => `<p>${parts.join(' ')}</p>`);
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 5 }), async (paragraphs) => {
        document.body.innerHTML = paragraphs.join('');
        const before = document.body.innerHTML;
        const text = document.body.textContent;
        const marker = new PageMarker(document, { lookup: lookupFrom(ALIASES) });
        await marker.start();
        const marks = Object.values(marked()).flat();
        marker.stop();
        expect(document.body.innerHTML).toBe(before);
        expect(document.body.textContent).toBe(text);
        for (const mark of marks) expect(mark.trim()).not.toBe('');
        expect(marks).not.toContain('us');
      }),
      { numRuns: 60 },
    );
  });
});
