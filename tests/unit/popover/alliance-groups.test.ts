import { describe, expect, it } from 'vitest';
import { groupAlliances, tenureOf, withinTenure } from '../../../lib/alliance-groups';
import type { AllianceView, EntityKind } from '../../../lib/messages';

const ref = (id: string, kind: EntityKind = 'organization') => ({ id, name: id.toUpperCase(), kind });
const azerbaijan = ref('azerbaijan', 'country');
const armenia = ref('armenia', 'country');

const names = (views: AllianceView[]) => views.map((v) => `${v.structure.id} ${v.status}`);

describe('allied structures grouped as Current, Suspended and Former', () => {
  it('lists a structure once: a suspension outranks the membership it suspends', () => {
    const groups = groupAlliances(
      [
        { structure: ref('csto'), status: 'member_of', since: '2002', via: armenia },
        { structure: ref('csto'), status: 'suspended', since: '2024-02', via: armenia },
        { structure: ref('cis'), status: 'member_of', since: '1991-12', via: armenia },
      ],
      '2026-01-01',
    );
    expect({ current: names(groups.current), suspended: names(groups.suspended), former: names(groups.former) }).toEqual({
      current: ['cis member_of'],
      suspended: ['csto suspended'],
      former: [],
    });
  });

  it('shows the membership in force over an observer status that ended', () => {
    const groups = groupAlliances(
      [
        { structure: ref('sco'), status: 'observer_of', since: '2015', until: '2024-07' },
        { structure: ref('sco'), status: 'member_of', since: '2024-07' },
      ],
      '2026-01-01',
    );
    expect(names(groups.current)).toEqual(['sco member_of']);
    expect(groups.former).toEqual([]);
  });

  it('puts what was left, or has ended, under Former', () => {
    const groups = groupAlliances([{ structure: ref('csto'), status: 'left', since: '1993', until: '1999' }, { structure: ref('guam'), status: 'member_of', since: '1997', until: '2005' }], '2026-01-01');
    expect(names(groups.former)).toEqual(['csto left', 'guam member_of']);
  });
});

describe('a person’s memberships through their country', () => {
  const heydar = [
    { title: 'First Secretary', since: '1969', until: '1982' },
    { title: 'President of Azerbaijan', since: '1993-06', until: '2003-10-31' },
  ];
  const viaAzerbaijan: AllianceView[] = [
    { structure: ref('cis'), status: 'member_of', since: '1993-09', via: azerbaijan },
    { structure: ref('ots'), status: 'member_of', since: '2009', via: azerbaijan },
    { structure: ref('sco'), status: 'partner_of', since: '2015', via: azerbaijan },
    { structure: ref('un'), status: 'member_of', since: '1992-03-02', via: azerbaijan },
  ];

  it('end with their tenure: none after 2003 for Heydar Aliyev', () => {
    const tenure = tenureOf(heydar);
    expect(tenure).toEqual({ from: '1969', to: '2003-10-31' });
    expect(names(withinTenure(viaAzerbaijan, tenure))).toEqual(['cis member_of', 'un member_of']);
  });

  it('are all kept for a person still in office', () => {
    const tenure = tenureOf([{ title: 'President of Azerbaijan', since: '2003-10-31' }]);
    expect(tenure.to).toBeUndefined();
    expect(withinTenure(viaAzerbaijan, tenure)).toHaveLength(4);
  });

  it('are grouped as of the day the tenure ended', () => {
    const groups = groupAlliances([{ structure: ref('csto'), status: 'left', since: '1993', until: '1999', via: azerbaijan }, ...viaAzerbaijan], '2003-10-31');
    expect(names(groups.current)).toEqual(['cis member_of', 'un member_of']);
    expect(names(groups.former)).toEqual(['csto left']);
  });
});
