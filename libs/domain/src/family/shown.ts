import type { IsoInstant } from '../shared';
import type { FamilyMemberKind, FamilyRecordShown, FamilyView, ShownItem } from './events';

/**
 * The law a family view rests on (ADR 024): the child's right of access to their own
 * information, which the young person exercises for themselves and a parent for the child,
 * through the link the school made on parental responsibility. The link is the evidence; the
 * access policy has already decided it (and what a competent child refused a parent).
 */
export const FAMILY_ACCESS_LAW: Readonly<Record<FamilyMemberKind, string>> = {
  'young-person': "UK GDPR Article 15: the young person's own right of access to their information",
  'parent-carer':
    'UK GDPR Article 15, exercised for the child by a parent with parental responsibility (checked when the school linked the account)',
};

/** A view that showed something is one ledger entry; one that showed nothing is none. */
export function familyRecordShown(view: {
  viewId: string;
  childId: string;
  shownTo: { userId: string; kind: FamilyMemberKind; relationship: string };
  view: FamilyView;
  items: readonly ShownItem[];
  shownAt: IsoInstant;
}): FamilyRecordShown[] {
  const items = view.items.filter((item) => item.fields.length > 0);
  if (items.length === 0) return [];
  return [
    {
      type: 'FamilyRecordShown',
      data: { ...view, items, basis: { kind: 'family-right-of-access', law: FAMILY_ACCESS_LAW[view.shownTo.kind] } },
    },
  ];
}
