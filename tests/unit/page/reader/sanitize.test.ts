import './dompurify-on-happy-dom';
import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { sanitizeArticle } from '../../../../lib/page/reader/sanitize';

const BASE = 'https://news.example.org/world/2024/harbour-report.html';

const sanitize = (html: string, base = BASE) => sanitizeArticle(html, base);

/** The sanitised markup as nodes, to ask about elements and attributes. */
function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

const textOf = (html: string) => fragmentOf(html).textContent!.replace(/\s+/g, ' ');

describe('sanitizeArticle: hostile markup', () => {
  const cases: [name: string, input: string, gone: string[], kept: string[]][] = [
    ['a script element',
      '<p>The ferry resumed<script>alert("pwned")</script> service on Monday.</p>',
      ['<script', 'alert', 'pwned'], ['The ferry resumed', 'service on Monday.']],
    ['an image with an onerror handler',
      '<p>Harbour at dawn <img src=x onerror="alert(1)"> as seen from the pier.</p>',
      ['onerror', 'alert'], ['Harbour at dawn', 'as seen from the pier.']],
    ['handlers on harmless elements, in any case',
      '<p onclick="steal()" ONMOUSEOVER="steal()">Tides were <b onfocus="steal()">high</b>.</p>',
      ['steal', 'onclick', 'onmouseover', 'onfocus'], ['Tides were high.']],
    ['a javascript: link',
      '<p>Read <a href="javascript:alert(1)">the full report</a> online.</p>',
      ['javascript:', 'href', 'alert'], ['Read the full report online.']],
    ['a javascript: link hidden by case, an encoded tab and leading spaces',
      '<p><a href="  JaVa&#x09;ScRiPt:alert(1)">Timetable</a> changes.</p>',
      ['href', 'alert'], ['Timetable changes.']],
    ['a data: link',
      '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Minutes</a> of the meeting.</p>',
      ['data:', 'href'], ['Minutes of the meeting.']],
    ['a vbscript: link',
      '<p><a href="vbscript:msgbox(1)">Budget</a> tables.</p>',
      ['vbscript', 'href'], ['Budget tables.']],
    ['an iframe, with srcdoc',
      '<p>Map below.</p><iframe src="https://evil.example/frame" srcdoc="<script>alert(1)</script>"></iframe><p>Map above.</p>',
      ['<iframe', 'srcdoc', 'evil.example', 'alert'], ['Map below.', 'Map above.']],
    ['a frame',
      // The end tag, which browsers ignore, keeps happy-dom from parsing what follows into the frame.
      '<p>Before the frame.</p><frame src="https://evil.example/frame"></frame><p>After the frame.</p>',
      ['<frame', 'evil.example'], ['Before the frame.', 'After the frame.']],
    ['a form and its controls',
      '<form action="https://evil.example/collect"><p>Sign up for the harbour newsletter.</p>' +
        '<input name="email" value="you@example.org"><select><option>Weekly</option></select>' +
        '<textarea>Dear editor</textarea><button formaction="https://evil.example/x">Send</button></form><p>Next story.</p>',
      ['<form', '<input', '<select', '<textarea', '<button', 'formaction', 'evil.example', 'Weekly', 'Dear editor', 'Send'],
      ['Sign up for the harbour newsletter.', 'Next story.']],
    // happy-dom's parser loses whatever follows a script inside an SVG, hence no text after this one.
    ['an SVG carrying a script',
      '<p>Chart:<svg><script>alert(1)</script></svg></p>',
      ['<svg', '<script', 'alert'], ['Chart:']],
    ['an SVG carrying a javascript: link',
      '<p>Chart:<svg><a href="javascript:alert(2)"><text>label</text></a></svg> follows.</p>',
      ['<svg', 'javascript:', 'alert', 'label'], ['Chart: follows.']],
    ['MathML wrapping an image with a handler',
      '<p>Formula <math><mtext><img src=x onerror=alert(1)></mtext></math> ends.</p>',
      ['<math', '<mtext', 'onerror', 'alert'], ['Formula ends.']],
    ['a meta refresh',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>The council meets on Tuesday.</p>',
      ['<meta', 'refresh', 'evil.example'], ['The council meets on Tuesday.']],
    ['a style attribute with a CSS url()',
      '<p style="background:url(https://evil.example/x)">Interest rates were held.</p>',
      ['style', 'url(', 'evil.example'], ['Interest rates were held.']],
    ['a style element with a CSS url()',
      '<style>p { background: url(https://evil.example/x) }</style><p>Interest rates were held.</p>',
      ['<style', 'url(', 'evil.example'], ['Interest rates were held.']],
    ['a stylesheet link',
      '<link rel="stylesheet" href="https://evil.example/s.css"><p>Weather: mild.</p>',
      ['<link', 'evil.example'], ['Weather: mild.']],
    ['a base element',
      '<base href="https://evil.example/"><p>See <a href="/next">the next story</a>.</p>',
      ['<base', 'evil.example'], ['See the next story.']],
    ['an object and an embed',
      '<p>Video:</p><object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf"><p>Transcript follows.</p>',
      ['<object', '<embed', 'evil.example'], ['Video:', 'Transcript follows.']],
    ['a template',
      '<p>Results</p><template><img src=x onerror=alert(1)></template><p>by district.</p>',
      ['<template', 'onerror', 'alert'], ['Results', 'by district.']],
    ['a noscript and what it holds',
      '<p>Poll results.</p><noscript><p>Enable scripts to vote.</p></noscript>',
      ['<noscript', 'Enable scripts'], ['Poll results.']],
    ['class and id attributes',
      '<p class="reader-toolbar" id="article-body">Fishing quotas were cut.</p>',
      ['class=', 'id=', 'reader-toolbar', 'article-body'], ['Fishing quotas were cut.']],
    ['data and ARIA attributes',
      '<p data-track="x" aria-hidden="true">Quotas will be reviewed.</p>',
      ['data-track', 'aria-hidden'], ['Quotas will be reviewed.']],
  ];

  it.each(cases)('%s: the danger goes, the text around it stays', (_, input, gone, kept) => {
    const output = sanitize(input);
    for (const fragment of gone) expect(output.toLowerCase()).not.toContain(fragment.toLowerCase());
    for (const text of kept) expect(textOf(output)).toContain(text);
  });

  it('keeps no image source that is not http(s)', () => {
    const output = fragmentOf(sanitize(
      '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel"><img src="javascript:alert(1)" alt="trap"></p>',
    ));
    for (const image of output.querySelectorAll('img')) expect(image.hasAttribute('src')).toBe(false);
    expect([...output.querySelectorAll('img')].map((image) => image.alt)).toEqual(['pixel', 'trap']);
  });

  it('keeps only the http(s) candidates of a srcset', () => {
    const output = fragmentOf(sanitize(
      '<picture><source srcset="data:image/gif;base64,R0lGODlh 1x, /img/quay-800.webp 2x" type="image/webp">' +
        '<img srcset="javascript:alert(1) 1x, img/quay-400.jpg 400w" src="img/quay.jpg" alt="The quay"></picture>',
    ));
    expect(output.querySelector('source')!.getAttribute('srcset')).toBe('https://news.example.org/img/quay-800.webp 2x');
    expect(output.querySelector('img')!.getAttribute('srcset')).toBe('https://news.example.org/world/2024/img/quay-400.jpg 400w');
  });

  it('drops a srcset with no http(s) candidate at all', () => {
    const image = fragmentOf(sanitize('<img srcset="data:image/gif;base64,R0lGODlh 1x" src="quay.jpg">')).querySelector('img')!;
    expect(image.hasAttribute('srcset')).toBe(false);
    expect(image.getAttribute('src')).toBe('https://news.example.org/world/2024/quay.jpg');
  });

  it('drops a URL attribute on an element that has no business with one', () => {
    const output = sanitize('<p><source src="https://news.example.org/a.mp4"><span href="https://news.example.org/">Tide tables</span></p>');
    expect(output).not.toContain('href');
    expect(output).not.toContain('src=');
    expect(textOf(output)).toContain('Tide tables');
  });
});

describe('sanitizeArticle: links', () => {
  it('resolves a relative link against the page and opens it in a new tab, without opener or referrer', () => {
    const link = fragmentOf(sanitize('<p>See <a href="../2023/earlier-report.html?part=2#table">last year</a>.</p>')).querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://news.example.org/world/2023/earlier-report.html?part=2#table');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('overrides the page\'s own target and rel', () => {
    const link = fragmentOf(sanitize('<a href="https://news.example.org/" target="_self" rel="opener">Home</a>')).querySelector('a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps mailto links', () => {
    const link = fragmentOf(sanitize('<a href="mailto:desk@news.example.org">Write to the desk</a>')).querySelector('a')!;
    expect(link.getAttribute('href')).toBe('mailto:desk@news.example.org');
  });

  it.each([
    ['ftp:', 'ftp://files.example.org/report.pdf'],
    ['tel:', 'tel:+15550100'],
    ['a browser-internal scheme', 'chrome://settings'],
  ])('drops a %s href and keeps the link text, with no new-tab attributes', (_, href) => {
    const link = fragmentOf(sanitize(`<p>Call <a href="${href}">the harbour office</a>.</p>`)).querySelector('a')!;
    expect(link.hasAttribute('href')).toBe(false);
    expect(link.hasAttribute('target')).toBe(false);
    expect(link.textContent).toBe('the harbour office');
  });
});

describe('sanitizeArticle: images', () => {
  it('resolves a relative source and loads it lazily, without referrer', () => {
    const image = fragmentOf(sanitize('<figure><img src="/media/quay.jpg" alt="The quay" width="800" height="450"><figcaption>The quay.</figcaption></figure>'))
      .querySelector('img')!;
    expect(image.getAttribute('src')).toBe('https://news.example.org/media/quay.jpg');
    expect(image.getAttribute('alt')).toBe('The quay');
    expect(image.getAttribute('width')).toBe('800');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(image.getAttribute('decoding')).toBe('async');
  });

  it('keeps commas inside a srcset candidate\'s URL, as image CDNs write them', () => {
    const image = fragmentOf(sanitize('<img srcset="https://cdn.example.org/w_400,h_300/quay.jpg 400w,https://cdn.example.org/w_800,h_600/quay.jpg 800w">'))
      .querySelector('img')!;
    expect(image.getAttribute('srcset')).toBe(
      'https://cdn.example.org/w_400,h_300/quay.jpg 400w, https://cdn.example.org/w_800,h_600/quay.jpg 800w',
    );
  });
});

describe('sanitizeArticle: structure', () => {
  it('keeps the semantic markup of an article', () => {
    const input =
      '<h2>Harbour works</h2><p>Work <em>began</em> <strong>early</strong> on <time datetime="2024-05-12">Sunday</time>.</p>' +
      '<blockquote><p>It will take <abbr title="about">c.</abbr> two years.</p></blockquote>' +
      '<ul><li>Dredging</li><li>New <mark>pier</mark></li></ul><ol start="3"><li>Third</li></ol>' +
      '<table><caption>Costs</caption><thead><tr><th scope="col">Item</th></tr></thead><tbody><tr><td colspan="2">Pier</td></tr></tbody></table>' +
      '<pre><code>tide = 4.2</code></pre><dl><dt>Quay</dt><dd>A landing place.</dd></dl><p>H<sub>2</sub>O, x<sup>2</sup><br><small>Note</small></p><hr>';
    expect(sanitize(input)).toBe(input);
  });

  it('keeps the language and direction of quoted passages', () => {
    const input = '<p>The sign read <q lang="ar" dir="rtl">الميناء</q>.</p>';
    expect(sanitize(input)).toBe(input);
  });
});

describe('sanitizeArticle: hooks', () => {
  it('resolves against each call\'s own base: one call\'s hooks do not linger into the next', () => {
    const first = sanitize('<a href="next.html">Next</a>', 'https://first.example/a/');
    const second = sanitize('<a href="next.html">Next</a>', 'https://second.example/b/');
    expect(first).toContain('href="https://first.example/a/next.html"');
    expect(second).toContain('href="https://second.example/b/next.html"');
  });

  it('leaves DOMPurify\'s shared instance untouched', () => {
    sanitize('<a href="next.html">Next</a>');
    expect(DOMPurify.sanitize('<a href="next.html">Next</a>')).toBe('<a href="next.html">Next</a>');
  });
});
