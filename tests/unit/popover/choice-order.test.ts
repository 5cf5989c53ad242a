import { describe, expect, it } from 'vitest';
import { inOfficeAt, orderChoices, type ChoiceFacts } from '../../../lib/choice-order';

const HEYDAR = [{ title: 'President of Azerbaijan', since: '1993-06', until: '2003-10-31' }];
const ILHAM = [{ title: 'President of Azerbaijan', since: '2003-10-31' }];
const aliyevs = [{ id: 'heydar-aliyev' }, { id: 'ilham-aliyev' }, { id: 'mehriban-aliyeva' }];
const order = (facts: Record<string, ChoiceFacts>) => orderChoices(aliyevs, (id) => facts[id] ?? {}).map((c) => c.id);

describe('which Aliyev a page means', () => {
  it('knows who was in office on a date', () => {
    expect(inOfficeAt(HEYDAR, '2025-05-01')).toBe(false);
    expect(inOfficeAt(HEYDAR, '2003-10')).toBe(true);
    expect(inOfficeAt(ILHAM, '2025-05-01')).toBe(true);
    expect(inOfficeAt(ILHAM, '1999')).toBe(false);
  });

  it('prefers the person in office at the page’s date over the first in the list', () => {
    expect(order({ 'heydar-aliyev': { inOffice: false }, 'ilham-aliyev': { inOffice: true } })[0]).toBe('ilham-aliyev');
  });

  it('prefers a fuller name of the same entity on the page over everything else', () => {
    expect(order({ 'ilham-aliyev': { inOffice: true }, 'mehriban-aliyeva': { namedElsewhere: true } })[0]).toBe('mehriban-aliyeva');
  });

  it('then the pack’s priority', () => {
    expect(order({ 'mehriban-aliyeva': { priority: 2 }, 'ilham-aliyev': { priority: 1 } })).toEqual(['mehriban-aliyeva', 'ilham-aliyev', 'heydar-aliyev']);
  });

  it('keeps the knowledge base’s order when nothing tells them apart, not the alphabet', () => {
    const zebra = [{ id: 'zeta' }, { id: 'alpha' }];
    expect(orderChoices(zebra, () => ({})).map((c) => c.id)).toEqual(['zeta', 'alpha']);
  });
});
