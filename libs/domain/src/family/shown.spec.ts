import { FAMILY_ACCESS_LAW, familyRecordShown } from './shown';

const view = { viewId: 'v-1', childId: 'c-1', view: 'caf' as const, shownAt: '2026-12-01T09:00:00.000Z' };

describe('a family view as a disclosure (ADR 024)', () => {
  it("is one event naming what was shown, on the reader's right of access", () => {
    const [event] = familyRecordShown({
      ...view,
      shownTo: { userId: 'parent.demo', kind: 'parent-carer', relationship: 'mother' },
      items: [{ recordRef: 'caf:1', category: 'education', fields: ['learning'] }],
    });
    expect(event).toEqual({
      type: 'FamilyRecordShown',
      data: {
        ...view,
        shownTo: { userId: 'parent.demo', kind: 'parent-carer', relationship: 'mother' },
        items: [{ recordRef: 'caf:1', category: 'education', fields: ['learning'] }],
        basis: { kind: 'family-right-of-access', law: FAMILY_ACCESS_LAW['parent-carer'] },
      },
    });
    expect(FAMILY_ACCESS_LAW['young-person']).toMatch(/Article 15: the young person's own right of access/);
  });

  it('is nothing when the view showed nothing', () => {
    expect(
      familyRecordShown({
        ...view,
        shownTo: { userId: 'young.person', kind: 'young-person', relationship: 'self' },
        items: [],
      }),
    ).toEqual([]);
    expect(
      familyRecordShown({
        ...view,
        shownTo: { userId: 'young.person', kind: 'young-person', relationship: 'self' },
        items: [{ recordRef: 'caf:1', category: null, fields: [] }],
      }),
    ).toEqual([]);
  });
});
