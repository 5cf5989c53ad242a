import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../../lib/page/metadata/canonical-url';
import { readPageMetadata, readPageUrl, type PageMetadata } from '../../../../lib/page/metadata/page-metadata';
import { normalizeDate } from '../../../../lib/page/metadata/published-date';

const parse = (head: string, body = '') =>
  new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');

const ldJson = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('canonicalUrl', () => {
  const cases: [name: string, url: string, expected: string][] = [
    ['utm_* campaign parameters go, the article id stays',
      'https://www.example-news.com/world/2024/05/12/talks-resume?id=4471&utm_source=newsletter&utm_medium=email&utm_campaign=morning',
      'https://www.example-news.com/world/2024/05/12/talks-resume?id=4471'],
    ['a Facebook click id alone leaves no query at all',
      'https://example.org/politics/minister-resigns?fbclid=IwAR2x7sQ9kLmN0pQrStUvWxYz',
      'https://example.org/politics/minister-resigns'],
    ['Google, Microsoft and Yandex ad click ids',
      'https://shop.example.com/p?gclid=Cj0KCQ&msclkid=4b1f&yclid=123&dclid=abc&q=boots',
      'https://shop.example.com/p?q=boots'],
    ['Mailchimp and HubSpot newsletter ids',
      'https://example.com/letters/42?mc_cid=8f2a&mc_eid=77c1&_hsenc=p2ANqtz&_hsmi=2901',
      'https://example.com/letters/42'],
    ['Instagram share and Twitter embed parameters',
      'https://example.com/a?igshid=MzRlODBiNWFlZA==&ref_src=twsrc%5Etfw',
      'https://example.com/a'],
    ['other parameters keep their order and their exact encoding',
      'https://example.com/search?z=1&utm_term=x&q=caf%C3%A9+au+lait&a=%2F&page=2',
      'https://example.com/search?z=1&q=caf%C3%A9+au+lait&a=%2F&page=2'],
    ['tracking names are matched regardless of case',
      'https://example.com/a?UTM_Source=x&FBCLID=y&keep=1',
      'https://example.com/a?keep=1'],
    ['a parameter that merely contains a tracking name is kept',
      'https://example.com/a?my_utm_source=1&gclid_info=2&reference=3',
      'https://example.com/a?my_utm_source=1&gclid_info=2&reference=3'],
    ['the fragment goes, tracking or not',
      'https://example.com/live/elections#post-1234',
      'https://example.com/live/elections'],
    ['a text fragment goes',
      'https://example.com/story#:~:text=we%20will%20not',
      'https://example.com/story'],
    ['a hash-bang route names the page and stays',
      'https://example.com/#!/story/991?utm_source=x',
      'https://example.com/#!/story/991?utm_source=x'],
    ['a hash route stays; the real query is still cleaned',
      'https://example.com/?utm_campaign=x#/news/12',
      'https://example.com/#/news/12'],
    ['empty query parts and a bare "?" disappear',
      'https://example.com/a?&&utm_source=x&',
      'https://example.com/a'],
    ['host case and default port are normalised by URL itself',
      'HTTPS://Example.COM:443/Path?Q=1',
      'https://example.com/Path?Q=1'],
  ];
  it.each(cases)('%s', (_name, url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
  });

  it('refuses something that is not an absolute URL', () => {
    expect(() => canonicalUrl('/world/story')).toThrow(TypeError);
    expect(() => canonicalUrl('not a url')).toThrow(TypeError);
  });
});

describe('normalizeDate', () => {
  const cases: [input: string, expected: string | undefined][] = [
    ['2015-07-10', '2015-07-10'],
    ['2015-07-10T09:53:00-04:00', '2015-07-10T09:53:00-04:00'],
    ['2015-07-10 09:53:00 -0400', '2015-07-10T09:53:00-04:00'],
    ['2015-03-17T16:27:40.294Z', '2015-03-17T16:27:40.294Z'],
    ['2024-04-20T04:20:00+00:00', '2024-04-20T04:20:00Z'],
    ['2024-04-20T23:30', '2024-04-20T23:30:00'],
    ['2024-02', '2024-02'],
    ['2024/02/29', '2024-02-29'],
    ['20240229', '2024-02-29'],
    ['Fri, 10 Jul 2015 13:53:00 GMT', '2015-07-10T13:53:00Z'],
    ['July 10, 2015', '2015-07-10'],
    ['1436536380', '2015-07-10T13:53:00Z'],
    ['2023-02-29', undefined],
    ['2015-13-01', undefined],
    ['0001-01-01T00:00:00', undefined],
    ['yesterday', undefined],
    ['10/07/2015', undefined],
    ['', undefined],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('readPageMetadata', () => {
  interface Case {
    name: string;
    head: string;
    body?: string;
    location?: string;
    expected: Partial<PageMetadata>;
  }
  const location = 'https://www.example-news.com/world/2024/05/12/talks-resume?utm_source=feed';

  const cases: Case[] = [
    {
      name: 'a bare page: <title>, the location without tracking, the host as the site',
      head: '<title>Talks resume in Geneva</title>',
      expected: { url: 'https://www.example-news.com/world/2024/05/12/talks-resume', title: 'Talks resume in Geneva', site: 'example-news.com' },
    },
    {
      name: 'no <title>: the article\'s <h1>',
      head: '',
      body: '<header><h1>Site banner</h1></header><article><h1> Talks  resume\nin Geneva </h1></article>',
      expected: { title: 'Talks resume in Geneva' },
    },
    {
      name: '<title> loses the site name standing apart at its end',
      head: '<title>Talks resume in Geneva | Example News</title><meta property="og:site_name" content="Example News">',
      expected: { title: 'Talks resume in Geneva', site: 'Example News' },
    },
    {
      name: '<title> loses the site name standing apart at its start; other dashes stay',
      head: '<title>Example News – Iran - the talks resume</title><meta name="application-name" content="Example News">',
      expected: { title: 'Iran - the talks resume', site: 'Example News' },
    },
    {
      name: 'Open Graph: og:title, og:site_name, article:published_time, article:author',
      head: `<title>Talks resume | EN</title>
        <meta property="og:title" content="Talks resume in Geneva after a year">
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2015-07-10 09:53:00 -0400">
        <meta property="article:author" content="Laura Reyes">`,
      expected: { title: 'Talks resume in Geneva after a year', site: 'Example News', published: '2015-07-10T09:53:00-04:00', author: 'Laura Reyes' },
    },
    {
      name: 'article:author as a profile URL is no name: <meta name=author> instead',
      head: `<meta property="article:author" content="https://www.facebook.com/lreyes">
        <meta name="author" content="Laura Reyes">`,
      expected: { author: 'Laura Reyes' },
    },
    {
      name: 'a byline meta loses its "By"',
      head: '<meta name="byl" content="By Tariq Hale">',
      expected: { author: 'Tariq Hale' },
    },
    {
      name: 'one element with several properties (property="dc:title og:title")',
      head: '<meta property="x:title og:title" content="Preferred title"><meta name="title" content="Meta name title">',
      expected: { title: 'Preferred title' },
    },
    {
      name: 'Open Graph beats other meta names, which beat <title>',
      head: `<title>Document title</title>
        <meta name="twitter:title" content="Twitter title">
        <meta name="DC.title" content="Dublin Core title">
        <meta property="og:title" content="Open Graph title">`,
      expected: { title: 'Open Graph title' },
    },
    {
      name: 'Dublin Core and Parse.ly names when there is no Open Graph',
      head: `<meta name="parsely-title" content="Some other title">
        <meta name="parsely-author" content="Jane Doe">
        <meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">
        <meta name="DC.publisher" content="The Daily Example">`,
      expected: { title: 'Some other title', author: 'Jane Doe', published: '2024-04-20T04:20:00.000Z', site: 'The Daily Example' },
    },
    {
      name: 'several citation_author values are all authors',
      head: `<meta name="citation_title" content="Sanctions and trade">
        <meta name="citation_author" content="Ivanova, Anna"><meta name="citation_author" content="Okafor, Chidi">
        <meta name="citation_publication_date" content="2021/03/04">`,
      expected: { title: 'Sanctions and trade', author: 'Ivanova, Anna, Okafor, Chidi', published: '2021-03-04' },
    },
    {
      name: 'a <time datetime> in the article when no metadata gives the date',
      head: '<title>Talks</title>',
      body: '<nav><time datetime="2099-01-01">today</time></nav><article><p>By A. Writer, <time datetime="2024-05-12T08:00:00+02:00">12 May</time></p></article>',
      expected: { published: '2024-05-12T08:00:00+02:00' },
    },
    {
      name: 'an unparsable date is passed over for the next candidate',
      head: '<meta property="article:published_time" content="Updated recently"><meta name="date" content="2024-05-12">',
      expected: { published: '2024-05-12' },
    },
    {
      name: 'JSON-LD NewsArticle beats Open Graph for every field',
      head: `<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG site">
        <meta property="article:published_time" content="2020-01-01"><meta name="author" content="Meta author">
        ${ldJson({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Talks resume in Geneva',
          datePublished: '2024-05-12T07:30:00+02:00', author: { '@type': 'Person', name: 'Laura Reyes' },
          publisher: { '@type': 'Organization', name: 'Example News' } })}`,
      expected: { title: 'Talks resume in Geneva', published: '2024-05-12T07:30:00+02:00', author: 'Laura Reyes', site: 'Example News' },
    },
    {
      name: 'JSON-LD authors as a string, an object and an array of both; repeats dropped',
      head: ldJson({ '@type': 'BlogPosting', headline: 'H', author: ['Ann Lee', { name: 'Bo Chen' }, { name: 'Ann Lee' }] }),
      expected: { author: 'Ann Lee, Bo Chen' },
    },
    {
      name: 'JSON-LD @graph (Yoast style) with author and publisher given by @id',
      head: ldJson({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://example.org/#website', name: 'Website name' },
          { '@type': 'Organization', '@id': 'https://example.org/#org', name: 'Example Org News' },
          { '@type': 'Person', '@id': 'https://example.org/#/person/1', name: 'Mira Patel' },
          { '@type': ['Article', 'NewsArticle'], headline: 'Harbour budget passes', datePublished: '2023-11-02',
            author: { '@id': 'https://example.org/#/person/1' }, publisher: { '@id': 'https://example.org/#org' } },
        ],
      }),
      expected: { title: 'Harbour budget passes', author: 'Mira Patel', site: 'Example Org News', published: '2023-11-02' },
    },
    {
      name: 'JSON-LD in an array, types written as schema.org URLs, HTML-escaped strings decoded',
      head: ldJson([{ '@type': 'BreadcrumbList' }, { '@type': 'http://schema.org/ReportageNewsArticle', headline: 'Q&amp;A: the minister&#8217;s plan' }]),
      expected: { title: 'Q&A: the minister’s plan' },
    },
    {
      name: 'broken JSON-LD is skipped, and the next script is still read',
      head: `<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Broken", }</script>
        ${ldJson({ '@type': 'NewsArticle', headline: 'Second script' })}`,
      expected: { title: 'Second script' },
    },
    {
      name: 'JSON-LD with raw line breaks inside a string and an HTML comment wrapper still parses',
      head: `<script type="application/ld+json"><!--{"@type":"NewsArticle","headline":"Line one\nline two"}--></script>`,
      expected: { title: 'Line one line two' },
    },
    {
      name: 'JSON-LD of no article type (a WebPage) gives nothing; meta fills in',
      head: `${ldJson({ '@type': 'WebPage', name: 'Web page name' })}<meta property="og:title" content="OG title">`,
      expected: { title: 'OG title' },
    },
    {
      name: 'JSON-LD that is not even an object (null, a number) is harmless',
      head: `<script type="application/ld+json">null</script><script type="application/ld+json">42</script><title>T</title>`,
      expected: { title: 'T' },
    },
  ];

  it.each(cases)('$name', ({ head, body, expected, ...rest }) => {
    expect(readPageMetadata(parse(head, body), rest.location ?? location)).toMatchObject(expected);
  });

  it('leaves out what the page does not say (no author, no date)', () => {
    const metadata = readPageMetadata(parse('<title>Only a title</title>'), 'https://example.org/a');
    expect(metadata).toEqual({ url: 'https://example.org/a', title: 'Only a title', site: 'example.org' });
  });

  describe('the URL', () => {
    const urlCases: [name: string, head: string, location: string, expected: string][] = [
      ['the canonical link, tracking parameters removed',
        '<link rel="canonical" href="https://www.example-news.com/world/talks-resume?utm_source=rss&amp;id=7">',
        'https://www.example-news.com/world/talks-resume?id=7&fbclid=x', 'https://www.example-news.com/world/talks-resume?id=7'],
      ['a relative canonical link, resolved against the page',
        '<link rel="canonical" href="/world/talks-resume">', 'https://example.com/w/t?page=1', 'https://example.com/world/talks-resume'],
      ['a relative canonical link, resolved against <base href>',
        '<base href="https://example.com/edition/"><link rel="canonical" href="talks-resume">', 'https://example.com/x', 'https://example.com/edition/talks-resume'],
      ['rel with several tokens, in capitals',
        '<link rel="Canonical alternate" href="https://example.com/a">', 'https://example.com/a?x=1', 'https://example.com/a'],
      ['the mobile edition names the desktop page of the same site',
        '<link rel="canonical" href="https://www.example.com/story/1">', 'https://m.example.com/story/1', 'https://www.example.com/story/1'],
      ['a sibling subdomain of the same site',
        '<link rel="canonical" href="https://www.example.co.uk/news/1">', 'https://news.example.co.uk/1', 'https://www.example.co.uk/news/1'],
      ['the AMP cache names the publisher\'s page',
        '<link rel="canonical" href="https://www.example.com/story/1">', 'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story/1.amp', 'https://www.example.com/story/1'],
      ['og:url when there is no canonical link',
        '<meta property="og:url" content="https://example.com/story/1">', 'https://example.com/story/1?ref_src=x', 'https://example.com/story/1'],
      ['a canonical link to another site is refused: the page where the quote was read',
        '<link rel="canonical" href="https://other-publisher.com/story/1">', 'https://example.com/story/1', 'https://example.com/story/1'],
      ['a refused canonical link lets og:url of the same site stand',
        '<link rel="canonical" href="https://evil.example/x"><meta property="og:url" content="https://example.com/story/1">', 'https://example.com/story/1?a=b', 'https://example.com/story/1'],
      ['a look-alike domain is another site',
        '<link rel="canonical" href="https://example.com.evil.net/story/1">', 'https://example.com/story/1', 'https://example.com/story/1'],
      ['a bare shared suffix is no site',
        '<link rel="canonical" href="https://co.uk/story/1">', 'https://example.co.uk/story/1', 'https://example.co.uk/story/1'],
      ['a co.uk neighbour is another site',
        '<link rel="canonical" href="https://other.co.uk/story/1">', 'https://example.co.uk/story/1', 'https://example.co.uk/story/1'],
      ['a canonical link to the home page from an article is a CMS mistake',
        '<link rel="canonical" href="https://example.com/">', 'https://example.com/story/1', 'https://example.com/story/1'],
      ['a javascript: canonical link is refused',
        '<link rel="canonical" href="javascript:alert(1)">', 'https://example.com/story/1', 'https://example.com/story/1'],
      ['a canonical link that is no URL at all is refused',
        '<link rel="canonical" href="http://[bad">', 'https://example.com/story/1', 'https://example.com/story/1'],
      ['an empty og:url is passed over for the next one',
        '<meta property="og:url" content="  "><meta property="og:title OG:URL" content="https://example.com/story/2">', 'https://example.com/story/2?x=1', 'https://example.com/story/2'],
      ['the JSON-LD article\'s url when neither the canonical link nor og:url stands',
        `<link rel="canonical" href="https://other.net/a">${ldJson({ '@type': 'NewsArticle', url: 'https://example.com/story/3' })}`, 'https://example.com/story/3?utm_source=x', 'https://example.com/story/3'],
    ];
    // readPageUrl, which a page runs as it opens (to find its saved passages), gives the same URL
    // as the whole reading does: the passages saved from the page are found by it.
    it.each(urlCases)('%s', (_name, head, here, expected) => {
      expect(readPageMetadata(parse(head), here).url).toBe(expected);
      expect(readPageUrl(parse(head), here)).toBe(expected);
    });
  });
});
