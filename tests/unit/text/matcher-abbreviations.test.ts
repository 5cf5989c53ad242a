// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../lib/text';
import { marks } from './marks';

// Dotted abbreviations (U.S., E.U., St. Petersburg) and the period after them.
describe('Matcher marks dotted abbreviations with their period', () => {
  const dotted = new Matcher([
    { entityId: 'usa', text: 'U.S.' },
    { entityId: 'usa', text: 'US' },
    { entityId: 'uk', text: 'U.K.' },
    { entityId: 'un', text: 'U.N.' },
    { entityId: 'eu', text: 'E.U.' },
    { entityId: 'ussr', text: 'U.S.S.R.' },
    { entityId: 'us-states', text: 'EE. UU.' },
    { entityId: 'dc', text: 'Washington, D.C.' },
    { entityId: 'lukashenka', text: 'Lukashenka' },
  ]);
  it.each([
    ['U.S. troops', ['U.S.=usa']],
    // The abbreviation's period is also the full stop.
    ['troops left the U.S.', ['U.S.=usa']],
    ['troops left the U.S. Then they came back.', ['U.S.=usa']],
    ['“They left the U.S.”', ['U.S.=usa']],
    ['(U.S.)', ['U.S.=usa']],
    ['He met Lukashenka.', ['Lukashenka=lukashenka']],
    ['He met Lukashenka.Then he left.', ['Lukashenka=lukashenka']],
    ['the U.S., the U.K. and the E.U.', ['U.S.=usa', 'U.K.=uk', 'E.U.=eu']],
    ['a U.N.-brokered truce', ['U.N.=un']],
    ['the U.S.’s allies', ['U.S.=usa']],
    ['the U.S.S.R. fell in 1991.', ['U.S.S.R.=ussr']],
    ['the U.S./U.K. talks', ['U.S.=usa', 'U.K.=uk']],
    ['in Washington, D.C., on Monday', ['Washington, D.C.=dc']],
    ['en EE. UU. y en EE.UU.', ['EE. UU.=us-states', 'EE.UU.=us-states']],
    // A page may leave out the last period, or write full-width ones.
    ['the U.S-China talks', ['U.S=usa']],
    ['the U．S． Senate', ['U．S．=usa']],
    // The same letters going on, either way, are another abbreviation.
    ['made in the U.S.A.', []],
    ['made in the U.S.A', []],
    ['the W.E.U. treaty', []],
  ])('%s', (text, expected) => {
    expect(marks(text, dotted)).toEqual(expected);
  });

  it.each([
    ['the U.S.S.R. fell', []],
    ['made in the U.S.A.', []],
  ])('does not find U.S. inside a longer abbreviation the aliases do not list: %s', (text, expected) => {
    expect(marks(text, new Matcher([{ entityId: 'usa', text: 'U.S.' }]))).toEqual(expected);
  });
});

describe('Matcher keeps dotted and undotted acronyms apart, and to their case', () => {
  const apart = new Matcher([
    { entityId: 'usa', text: 'U.S.' },
    { entityId: 'uk', text: 'UK' },
    { entityId: 'un', text: 'U.N.', caseSensitive: false },
  ]);
  it.each([
    ['U.S. troops', ['U.S.=usa']],
    ['US troops', []],
    ['he told us', []],
    ['u.s. troops', []],
    ['U.s. troops', []],
    ['the UK said', ['UK=uk']],
    ['the U.K. said', []],
    ['the uk said', []],
    ['the U.N. said', ['U.N.=un']],
    ['the u.n. said', ['u.n.=un']],
    ['the UN said', []],
    ['un-American', []],
  ])('%s', (text, expected) => {
    expect(marks(text, apart)).toEqual(expected);
  });
});

describe('Matcher lets a text leave out the period after an abbreviated word, not after an initial', () => {
  const abbreviated = new Matcher([
    { entityId: 'spb', text: 'St. Petersburg' },
    { entityId: 'gerasimov', text: 'Gen. Gerasimov' },
    { entityId: 'us-states', text: 'EE. UU.' },
    { entityId: 'lukashenka', text: 'A. Lukashenka' },
    { entityId: 'rowling', text: 'J. K. Rowling' },
  ]);
  it.each([
    ['in St. Petersburg', ['St. Petersburg=spb']],
    ['in St Petersburg', ['St Petersburg=spb']],
    ['in St.Petersburg', ['St.Petersburg=spb']],
    ['in St Petersburg.', ['St Petersburg=spb']],
    ['in st petersburg', ['st petersburg=spb']],
    ['Gen Gerasimov said', ['Gen Gerasimov=gerasimov']],
    ['en EE UU', ['EE UU=us-states']],
    ['en ee uu', []],
    ['in St, Petersburg', []],
    ['A. Lukashenka', ['A. Lukashenka=lukashenka']],
    ['a Lukashenka ally', []],
    ['J.K. Rowling', ['J.K. Rowling=rowling']],
    ['J K Rowling', []],
  ])('%s', (text, expected) => {
    expect(marks(text, abbreviated)).toEqual(expected);
  });

  it('but does not take a period where the alias has none: it may end a sentence', () => {
    expect(marks('in St. Petersburg', new Matcher([{ entityId: 'spb', text: 'St Petersburg' }]))).toEqual([]);
  });
});
