import { describe, expect, it } from 'vitest';
import { isSameSite, siteOf } from '../../../../lib/page/metadata/canonical-url';
import { readPageMetadata } from '../../../../lib/page/metadata/page-metadata';

const pageWithCanonical = (href: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><head><link rel="canonical" href="${href}"></head><body></body></html>`, 'text/html');

/** The address a passage saved on the page at `location` is filed under, when the page names `canonical`. */
const savedUnder = (location: string, canonical: string) => readPageMetadata(pageWithCanonical(canonical), location).url;

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
    ['two subdomains of one site agree, whichever their labels',
      'https://sport.example.com/story/1', 'https://news.example.com/story/1', 'https://news.example.com/story/1'],
  ];
  it.each(cases)('%s', (_what, location, canonical, expected) => {
    expect(savedUnder(location, canonical)).toBe(expected);
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
