import { describe, expect, it } from 'vitest';
import { walkBlocks, rangeFor } from '../../../lib/page/blocks';
import type { Mark } from '../../../lib/page/highlights';
import { proposedEntities, savableRange } from '../../../lib/page/selection';

const KINDS: Record<string, string> = { nurtleu: 'person', lukashenka: 'person', belarus: 'country', mfa: 'organization', astana: 'place' };

/** Marks every listed name in the page, as the marker would. */
function marksFor(names: Record<string, string>): Mark[] {
  const marks: Mark[] = [];
  for (const block of walkBlocks(document.body)) {
    for (const [name, id] of Object.entries(names)) {
      for (let at = block.text.indexOf(name); at >= 0; at = block.text.indexOf(name, at + 1)) {
        marks.push({ range: rangeFor(block, at, at + name.length), entityIds: [id], kind: KINDS[id] });
      }
    }
  }
  return marks.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
}

function select(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  throw new Error(`no "${text}"`);
}

const NAMES = { 'Murat Nurtleu': 'nurtleu', Lukashenka: 'lukashenka', Belarus: 'belarus', 'Foreign Ministry': 'mfa', Astana: 'astana' };

describe('who said it', () => {
  const cases: [string, string, string, string[]][] = [
    ['a person whose own sentence says they asked it', '<p>Murat Nurtleu asked Belarus to take an objective view of where Astana stands.</p>', 'to take an objective view', ['nurtleu']],
    ['a person named inside the quote, and no organisation', '<p>He said that Lukashenka and the Foreign Ministry disagreed.</p>', 'Lukashenka and the Foreign Ministry disagreed', ['lukashenka']],
    ['the person after the quote who said it', '<p>“We will not give in,” Lukashenka said on Tuesday.</p>', 'We will not give in', ['lukashenka']],
    ['the person the sentence quotes by “according to”', '<p>The talks failed, according to Murat Nurtleu, who left early.</p>', 'The talks failed', ['nurtleu']],
    ['nobody for an organisation that spoke (organisations are never proposed)', '<p>The Foreign Ministry said relations would be reviewed.</p>', 'relations would be reviewed', []],
    ['nobody for a person merely named in the sentence before', '<p>Lukashenka arrived in Astana on Monday. Officials expect a deal soon.</p>', 'Officials expect a deal soon', []],
    ['nobody for a person spoken about', '<p>He said that Lukashenka was wrong about the deal.</p>', 'was wrong about the deal', []],
    ['nobody for a person’s spokesman', '<p>“No comment,” Lukashenka’s spokesman said.</p>', 'No comment', []],
    ['nobody when only places and countries are near', '<p>Crowds in Astana and Belarus waited for news.</p>', 'waited for news', []],
    ['nobody from two sentences back', '<p>Murat Nurtleu spoke first. Then came the others. They all agreed it was over.</p>', 'They all agreed', []],
  ];
  it.each(cases)('proposes %s', (_label, html, quote, expected) => {
    document.body.innerHTML = html;
    expect(proposedEntities(select(quote), marksFor(NAMES), (id) => KINDS[id])).toEqual(expected);
  });
});

describe('what may be saved', () => {
  it('offers a selection of prose', () => {
    document.body.innerHTML = '<p>Lukashenka spoke.</p>';
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(select('Lukashenka spoke'));
    expect(savableRange(selection, document.body)?.toString()).toBe('Lukashenka spoke');
  });

  const refused: [string, string, string][] = [
    ['white space only', '<p>Lukashenka   spoke.</p>', '   '],
    ['text in a code block', '<pre>Lukashenka spoke</pre>', 'Lukashenka'],
    ['text in an editable area', '<div contenteditable="true">Lukashenka spoke</div>', 'Lukashenka'],
    ['text in Backstory’s own UI', '<backstory-ui>Save to Backstory</backstory-ui>', 'Save'],
  ];
  it.each(refused)('refuses %s', (_label, html, text) => {
    document.body.innerHTML = html;
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(select(text));
    expect(savableRange(selection, document.body)).toBeNull();
  });

  it('refuses a collapsed selection', () => {
    document.body.innerHTML = '<p>Lukashenka spoke.</p>';
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    const range = select('Lukashenka');
    range.collapse(true);
    selection.addRange(range);
    expect(savableRange(selection, document.body)).toBeNull();
  });
});
