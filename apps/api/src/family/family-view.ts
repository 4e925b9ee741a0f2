import { CAF_ELEMENT_CATEGORIES } from '@app/domain/caf/vocabulary';
import type { ConsentDecision } from '@app/domain/consent/state';
import { dayOf, type InformationCategory } from '@app/domain/shared';
import type { FamilyCopy } from '@app/projections/caf/family-copy';

/** Who is reading: a parent or carer, or the young person, as the policy's view says. */
export type FamilyAudience = 'parent-carer' | 'young-person';

/**
 * The family-held CAF as this reader may see it. The young person sees their copy whole; a
 * parent does not see the assessment entries in a category a competent child refused them,
 * nor, then, the child's own views, which may tell the same thing in the child's words.
 */
export function cafCopyFor(copy: FamilyCopy, withheld: ReadonlySet<InformationCategory>): FamilyCopy {
  if (withheld.size === 0) return copy;
  const shown = (element: string) => {
    const category = CAF_ELEMENT_CATEGORIES[element as keyof typeof CAF_ELEMENT_CATEGORIES];
    return category !== undefined && !withheld.has(category);
  };
  return { ...copy, assessment: copy.assessment.filter((entry) => shown(entry.element)), views: copy.views.filter((v) => v.whose !== 'child') };
}

export interface FamilyConsent {
  readonly consentId: string;
  readonly decision: 'given' | 'refused';
  readonly decidedBy: 'parent-carer' | 'child';
  readonly relationship: string | null;
  readonly purposes: readonly string[];
  readonly recipients: readonly string[];
  readonly categories: readonly string[];
  /** The day a consent starts covering, or the day of a refusal. */
  readonly from: string;
  readonly expiresOn: string | null;
  readonly withdrawnAt: string | null;
  readonly status: 'in-force' | 'not-yet-started' | 'withdrawn' | 'expired' | 'refused';
}

function statusOf(d: ConsentDecision, now: Date): FamilyConsent['status'] {
  const today = dayOf(now.toISOString());
  if (d.kind === 'refused') return 'refused';
  if (d.withdrawnAt && d.withdrawnAt <= now.toISOString()) return 'withdrawn';
  if ((d.expiresOn && d.expiresOn <= today) || d.expiryRecordedOn) return 'expired';
  return d.effectiveOn > today ? 'not-yet-started' : 'in-force';
}

/**
 * The consent decisions this reader sees: a parent, the parents' side (what they may
 * withdraw); the young person, every decision about their own information.
 */
export function consentsFor(decisions: readonly ConsentDecision[], audience: FamilyAudience, now: Date): FamilyConsent[] {
  return decisions
    .filter((d) => audience === 'young-person' || d.giver.kind === 'parent-carer')
    .map((d) => ({
      consentId: d.consentId,
      decision: d.kind,
      decidedBy: d.giver.kind,
      relationship: d.giver.kind === 'parent-carer' ? d.giver.relationship : null,
      purposes: d.scope.purposes,
      recipients: d.scope.recipients,
      categories: d.scope.categories,
      from: d.effectiveOn,
      expiresOn: d.expiresOn ?? null,
      withdrawnAt: d.withdrawnAt ?? null,
      status: statusOf(d, now),
    }));
}
