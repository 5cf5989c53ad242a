import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../../lib/background/router';
import { readPageMetadata } from '../../../../lib/page/metadata/page-metadata';
import { isSameSite, siteOf } from '../../../../lib/page/metadata/site';
import { BackstoryDatabase } from '../../../../lib/store/db';

const pageWithCanonical = (href: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><head><link rel="canonical" href="${href}"></head><body></body></html>`, 'text/html');

const BASE = 'chrome-extension://backstory/';

/**
 * The address a passage saved on the page at `location` is filed under, when the page names
 * `canonical`: the content script reads the page's metadata, the background files the passage.
 */
async function savedUnder(location: string, canonical: string): Promise<string> {
  const db = new BackstoryDatabase(`canonical-${Math.random()}`);
  const route = createRouter({
    db, ready: Promise.resolve(), ownId: 'backstory', ownBaseUrl: BASE,
    setBadge: async () => undefined, broadcast: async () => undefined, openAndReveal: async () => undefined,
    snapshotOf: async () => Promise.reject(new Error('unused')),
    sendToTab: async () => undefined,
  });
  const url = readPageMetadata(pageWithCanonical(canonical), location).url;
  const annotation = { url, quote: 'words', selectors: [{ type: 'TextQuoteSelector', exact: 'words' }], tags: [] };
  const reply = await route({ type: 'save-annotation', annotation }, { id: 'backstory', url: location, tab: { id: 1, url: location } });
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { url: string }).url;
}

describe('a page’s canonical URL, judged by the Public Suffix List', () => {
  // [what, page shown at, canonical URL it names, address the passage is filed under]
  const cases: [string, string, string, string][] = [
    ['evil.example.com cannot claim example.org',
      'https://evil.example.com/story/1', 'https://example.org/story/1', 'https://evil.example.com/story/1'],
    ['www.bbc.co.uk may name bbc.co.uk: one site under the co.uk suffix',
      'https://www.bbc.co.uk/news/1', 'https://bbc.co.uk/news/1', 'https://bbc.co.uk/news/1'],
    ['a.github.io cannot claim b.github.io: github.io is a public suffix',
      'https://a.github.io/post', 'https://b.github.io/post', 'https://a.github.io/post'],
    ['a blog on github.io cannot claim the suffix itself',
      'https://evil.github.io/post', 'https://github.io/post', 'https://evil.github.io/post'],
    ['an app on herokuapp.com cannot claim the suffix itself',
      'https://evil.herokuapp.com/news/1', 'https://herokuapp.com/news/1', 'https://evil.herokuapp.com/news/1'],
    ['a site under ltd.uk (a suffix no hand-written list named) cannot claim the suffix',
      'https://evil.ltd.uk/news/1', 'https://ltd.uk/news/1', 'https://evil.ltd.uk/news/1'],
    ['an attacker’s page in the AMP cache cannot claim a publisher',
      'https://attacker-example-com.cdn.ampproject.org/c/s/attacker.example.com/a', 'https://www.example.org/story/1',
      'https://attacker-example-com.cdn.ampproject.org/c/s/attacker.example.com/a'],
    ['a publisher’s page in the AMP cache names the publisher’s own page',
      'https://www-my--paper-co-uk.cdn.ampproject.org/c/s/www.my-paper.co.uk/story/1.amp', 'https://www.my-paper.co.uk/story/1',
      'https://www.my-paper.co.uk/story/1'],
    ['a sibling subdomain’s page stays under its own address (the content script takes editions, not siblings)',
      'https://sport.example.com/story/1', 'https://news.example.com/story/1', 'https://sport.example.com/story/1'],
    ['a mobile edition files under the desktop page it names',
      'https://m.example.com/story/1', 'https://www.example.com/story/1', 'https://www.example.com/story/1'],
  ];
  it.each(cases)('%s', async (_what, location, canonical, expected) => {
    expect(await savedUnder(location, canonical)).toBe(expected);
  });

  it('names sites by registrable domain, private suffixes included', () => {
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('WWW.Example.COM.')).toBe('example.com');
    expect(siteOf('a.github.io')).toBe('a.github.io');
    // Hosts with no registrable domain are sites of their own.
    expect(siteOf('github.io')).toBe('github.io');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(isSameSite('localhost', 'localhost')).toBe(true);
    expect(isSameSite('127.0.0.1', '127.0.0.2')).toBe(false);
    expect(isSameSite('example.com', 'example.com.evil.net')).toBe(false);
  });
});
