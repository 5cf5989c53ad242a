import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceLink } from '../../../components/page/SourceLink';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const shown = (url: string) => {
  render(<SourceLink source={{ title: 'Press release', url }} />, container);
  return { link: container.querySelector('a'), cite: container.querySelector('cite'), text: container.textContent };
};

describe('SourceLink', () => {
  it.each([
    ['http', 'http://example.org/a'],
    ['https', 'https://example.org/a?b=1#c'],
  ])('links a source on the web (%s)', (_scheme, url) => {
    const { link } = shown(url);
    expect(link?.getAttribute('href')).toBe(url);
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toBe('Press release');
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals, after spaces', '  JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a relative address', '/somewhere'],
  ])('shows the title as text, with no link, for %s', (_what, url) => {
    const { link, cite, text } = shown(url);
    expect(link).toBeNull();
    expect(container.querySelector('[href]')).toBeNull();
    expect(cite?.textContent).toBe('Press release');
    expect(text).toBe('Press release');
  });
});
