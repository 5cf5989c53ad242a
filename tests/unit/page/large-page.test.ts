import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLargeText, LARGE_PAGE_TEXT } from '../../../lib/page/large-page';
import { PageMarker } from '../../../lib/page/marker';
import { installHighlightRegistry } from './highlight-registry';

beforeAll(() => {
  installHighlightRegistry();
});

describe('marks on very large pages', () => {
  it('takes a page as large only above the threshold of the text it marks, its scripts\' text left out', async () => {
    document.body.innerHTML = `<p>Some ${'a'.repeat(LARGE_PAGE_TEXT - 5)}</p><script>${'b'.repeat(1000)}</script>`;
    const told: number[] = [];
    const marker = new PageMarker(document, {
      lookup: async () => ({ aliases: [], entities: {} }),
      tint: (length) => (told.push(length), isLargeText(length)),
    });
    await marker.start();
    expect(told).toEqual([LARGE_PAGE_TEXT]);
    expect(marker.painter.tint).toBe(false);
    marker.stop();
    document.querySelector('p')!.append('a');
    await marker.start();
    expect(told).toEqual([LARGE_PAGE_TEXT, LARGE_PAGE_TEXT + 1]);
    expect(marker.painter.tint).toBe(true);
    marker.stop();
  });

  it('has a tint, in the same colour and without an underline, for every kind the stylesheet underlines', () => {
    const css = readFileSync('assets/highlights.css', 'utf8');
    const underlined = [...css.matchAll(/::highlight\((backstory-[a-z]+)\)\s*\{\s*text-decoration-color:\s*rgb\(([\d ]+) \//g)];
    expect(underlined.length).toBeGreaterThanOrEqual(6);
    for (const [, name, rgb] of underlined) {
      const tint = css.match(new RegExp(`::highlight\\(${name}-tint\\)\\s*\\{([^}]*)\\}`));
      expect(tint?.[1], name).toContain(`background-color: rgb(${rgb} /`);
      expect(tint?.[1], name).not.toContain('text-decoration');
    }
  });
});
