import { beforeAll, describe, expect, it } from 'vitest';
import { flashcardsCsv } from '../../../lib/formats/flashcards';
import type { ArticleEntity } from '../../../lib/study/article';
import { madeUpEntity, seedEntities } from './seed-story';

/** RFC 4180 records, as Anki's CSV reader takes them; lines starting with `#` are Anki's headers. */
function readAnkiCsv(text: string): { headers: string[]; records: string[][] } {
  const lines = text.split('\r\n');
  const headers: string[] = [];
  while (lines[0]?.startsWith('#')) headers.push(lines.shift()!);
  const body = lines.join('\r\n');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && body[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  return { headers, records };
}

let entities: ArticleEntity[];

beforeAll(async () => {
  entities = await seedEntities();
});

describe('flashcards for Anki', () => {
  it('starts with Anki’s file headers: comma-separated, HTML, Basic notes, GUID and tags columns', () => {
    const { headers } = readAnkiCsv(flashcardsCsv(entities));
    expect(headers).toEqual(['#separator:comma', '#html:true', '#notetype:Basic', '#guid column:1', '#tags column:4']);
    expect(flashcardsCsv(entities).charCodeAt(0)).toBe('#'.charCodeAt(0));
  });

  it('has one four-field note per entity, in reading order, every record ended by CRLF', () => {
    const text = flashcardsCsv(entities);
    const { records } = readAnkiCsv(text);
    expect(records.map((r) => r.length)).toEqual(entities.map(() => 4));
    expect(records.map((r) => r[0])).toEqual(entities.map((e) => `backstory-${e.id}`));
    expect(records.map((r) => r[1])).toEqual(entities.map((e) => e.name));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('puts the role, the background and the allied structures on the back, between <br>', () => {
    const { records } = readAnkiCsv(flashcardsCsv(entities));
    const lukashenka = records.find((r) => r[0] === 'backstory-alexander-lukashenka')!;
    const back = lukashenka[2]!.split('<br>');
    expect(back[0]).toBe('<i>Person · President of Belarus, since 20 Jul 1994</i>');
    expect(back[1]).toMatch(/^Belarusian politician .* \(as of Dec 2025\)$/);
    expect(back[2]).toMatch(/^Allied structures \(through Belarus\): Collective Security Treaty Organization \(member since 2002\);/);
    expect(lukashenka[3]).toBe('backstory person');
    const armenia = records.find((r) => r[0] === 'backstory-armenia')!;
    expect(armenia[2]).toContain('Collective Security Treaty Organization (suspended since Feb 2024)');
    const csto = records.find((r) => r[0] === 'backstory-csto')!;
    expect(csto[2]).toContain('Members: ');
    expect(csto[2]).toContain('Armenia (suspended since Feb 2024)');
  });

  it('escapes quotes, HTML and line breaks, and guards text that looks like a formula', () => {
    const hostile = [
      madeUpEntity('a', '=HYPERLINK("http://evil.example","click")', 'He said "no" & <b>left</b>,\nthen came back.'),
      madeUpEntity('b', '@SUM(1+1)', '+cmd|/C calc', 'person', 1),
      madeUpEntity('c', '# not a comment', '-1', 'person', 2),
    ];
    const text = flashcardsCsv(hostile);
    const { records } = readAnkiCsv(text);
    expect(records).toHaveLength(3);
    expect(records[0]![1]).toBe("'=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)");
    expect(records[0]![2]).toContain('He said &quot;no&quot; &amp; &lt;b&gt;left&lt;/b&gt;,\nthen came back.');
    expect(records[1]![1]).toBe("'@SUM(1+1)");
    // The name is guarded in its own field; the GUID first keeps a record from starting with `#`.
    expect(text).toContain('\r\nbackstory-c,# not a comment,');
  });

  it('is only the headers for an article without names', () => {
    expect(readAnkiCsv(flashcardsCsv([])).records).toEqual([]);
  });
});
