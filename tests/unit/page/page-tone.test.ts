import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDarkPage, luminance, parseColour } from '../../../lib/page/page-tone';

function pageWith(bodyStyle: string, rootStyle = ''): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.setAttribute('style', rootStyle);
  doc.body.setAttribute('style', bodyStyle);
  return doc;
}

describe('the tone of a page', () => {
  it('reads computed colours in every form browsers write them', () => {
    expect(parseColour('rgb(17, 20, 24)')).toEqual({ red: 17, green: 20, blue: 24, alpha: 1 });
    expect(parseColour('rgba(0, 0, 0, 0)')).toEqual({ red: 0, green: 0, blue: 0, alpha: 0 });
    expect(parseColour('rgb(255 255 255 / 50%)')).toEqual({ red: 255, green: 255, blue: 255, alpha: 0.5 });
    expect(parseColour('transparent')).toBeNull();
    expect(luminance({ red: 255, green: 255, blue: 255, alpha: 1 })).toBeCloseTo(1);
    expect(luminance({ red: 0, green: 0, blue: 0, alpha: 1 })).toBe(0);
  });

  it('is dark for a dark body, or a dark root under a transparent body, and light otherwise', () => {
    const doc = pageWith('background-color: rgb(17, 20, 24)');
    // happy-dom lays out no document of its own: the test asks the window of the main document.
    Object.defineProperty(doc, 'defaultView', { value: window });
    expect(isDarkPage(doc)).toBe(true);
    const underDarkRoot = pageWith('', 'background-color: rgb(30, 30, 30)');
    Object.defineProperty(underDarkRoot, 'defaultView', { value: window });
    expect(isDarkPage(underDarkRoot)).toBe(true);
    const light = pageWith('background-color: rgb(250, 250, 245)');
    Object.defineProperty(light, 'defaultView', { value: window });
    expect(isDarkPage(light)).toBe(false);
  });
});

describe('the marks’ stylesheet', () => {
  it('tells every kind apart without colour: each has its own line', () => {
    const css = readFileSync(path.resolve(__dirname, '../../../assets/highlights.css'), 'utf8');
    const lines = ['person', 'organization', 'country', 'place', 'party', 'event'].map((kind) => {
      // The kind's own rule, after the shared one (so it wins), for its underline with and without the tint.
      const rule = new RegExp(`::highlight\\(backstory-${kind}\\), ::highlight\\(backstory-${kind}-line\\)[^{]*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
      return `${/text-decoration-style:\s*(\w+)/.exec(rule)?.[1]} ${/text-decoration-thickness:\s*([\w.]+)/.exec(rule)?.[1] ?? '2px'}`;
    });
    expect(new Set(lines).size).toBe(6);
    expect(lines).not.toContain('undefined 2px');
  });
});
