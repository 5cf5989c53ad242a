import { describe, expect, it } from 'vitest';
import { isBlockStale, rangeFor, walkBlocks, walkBlockSteps } from '../../../lib/page/blocks';

function blocksOf(html: string): string[] {
  document.body.innerHTML = html;
  return [...walkBlocks(document.body)].map((block) => block.text);
}

describe('text blocks', () => {
  const cases: [string, string, string[]][] = [
    ['joins text across inline elements', '<p><b>Kassym-Jomart</b> Tokayev met <a href="#">Nikol <span>Pashinyan</span></a>.</p>', ['Kassym-Jomart Tokayev met Nikol Pashinyan.']],
    ['splits paragraphs, list items and table cells', '<p>One</p><ul><li>Two</li><li>Three</li></ul><table><tr><td>Four</td><td>Five</td></tr></table>', ['One', 'Two', 'Three', 'Four', 'Five']],
    ['splits at <br>', '<p>Kassym-Jomart<br>Tokayev</p>', ['Kassym-Jomart', 'Tokayev']],
    ['splits text around a nested block', '<div>Before <p>inside</p> after</div>', ['Before ', 'inside', ' after']],
    [
      'skips what is not prose',
      '<p>Prose</p><script>Lukashenka</script><style>.x{}</style><noscript>Lukashenka</noscript><template><p>Lukashenka</p></template><textarea>Lukashenka</textarea><select><option>Lukashenka</option></select><code>Lukashenka</code><pre>Lukashenka</pre><div contenteditable="true">Lukashenka</div><backstory-ui>Lukashenka</backstory-ui>',
      ['Prose'],
    ],
    ['keeps an element marked contenteditable="false"', '<div contenteditable="false">Read only</div>', ['Read only']],
    ['drops blocks of white space only', '<p>  \n </p><p>Text</p>', ['Text']],
  ];

  it.each(cases)('%s', (_label, html, expected) => {
    expect(blocksOf(html)).toEqual(expected);
  });

  it('walks the shadow root of the element it starts from, as for a web component added to the page', () => {
    document.body.innerHTML = '<news-card id="card"></news-card>';
    const card = document.getElementById('card')!;
    card.attachShadow({ mode: 'open' }).innerHTML = '<p>Murat Nurtleu spoke.</p>';
    expect([...walkBlocks(card)].map((b) => b.text)).toEqual(['Murat Nurtleu spoke.']);
  });

  it('walks open shadow roots as blocks of their own', () => {
    document.body.innerHTML = '<p>Outside</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside the shadow</p>';
    expect([...walkBlocks(document.body)].map((b) => b.text)).toEqual(['Outside', 'Inside the shadow']);
  });

  it('maps block offsets back to ranges over the original nodes', () => {
    document.body.innerHTML = '<p>Met <b>Kassym-Jomart</b> Tokayev today</p>';
    const [block] = walkBlocks(document.body);
    const start = block.text.indexOf('Kassym');
    const end = block.text.indexOf(' today');
    const range = rangeFor(block, start, end);
    expect(range.toString()).toBe('Kassym-Jomart Tokayev');
    expect(range.startContainer.parentElement?.tagName).toBe('B');
    const inner = rangeFor(block, block.text.indexOf('Tokayev'), end);
    expect(inner.startContainer).toBe(inner.endContainer);
  });

  it('knows when a block went stale', () => {
    document.body.innerHTML = '<p id="p">Lukashenka <i>spoke</i></p>';
    const [block] = walkBlocks(document.body);
    expect(isBlockStale(block)).toBe(false);
    document.querySelector('i')!.firstChild!.textContent = 'spoke again';
    expect(isBlockStale(block)).toBe(true);
    const [fresh] = walkBlocks(document.body);
    document.getElementById('p')!.remove();
    expect(isBlockStale(fresh)).toBe(true);
  });
});

describe('walking in steps', () => {
  it('pauses every few hundred nodes in markup without prose, so a slicer can give the page its thread back', () => {
    document.body.innerHTML = `${'<div><span></span></div>'.repeat(2000)}<p>Lukashenka spoke.</p>`;
    const steps = [...walkBlockSteps(document.body)];
    expect(steps.filter((step) => step === null).length).toBeGreaterThan(10);
    expect(steps.filter((step) => step !== null).map((block) => block!.text)).toEqual(['Lukashenka spoke.']);
    expect([...walkBlocks(document.body)].map((block) => block.text)).toEqual(['Lukashenka spoke.']);
  });
});
