import { CAF_ELEMENT_CATEGORIES } from '@app/domain';
import type { ConsentDecision } from '@app/domain';
import { dayOf, type InformationCategory } from '@app/domain';
import type { ShownItem } from '@app/domain';
import type { FamilyCopy } from '@app/projections';
import type { SubjectAccessReport } from '../sharing/subject-access-report';

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
  return {
    ...copy,
    assessment: copy.assessment.filter((entry) => shown(entry.element)),
    views: copy.views.filter((v) => v.whose !== 'child'),
  };
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
export function consentsFor(
  decisions: readonly ConsentDecision[],
  audience: FamilyAudience,
  now: Date,
): FamilyConsent[] {
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

/** A CAF copy's parts as the ledger names them: the assessment by its elements' categories, the rest by what it holds. */
export function cafItemsShown(copies: readonly FamilyCopy[]): ShownItem[] {
  return copies.flatMap((copy) => {
    const recordRef = `caf:${copy.cafId}`;
    const byCategory = new Map<InformationCategory, string[]>();
    for (const entry of copy.assessment) {
      const category = CAF_ELEMENT_CATEGORIES[entry.element as keyof typeof CAF_ELEMENT_CATEGORIES];
      if (category) byCategory.set(category, [...new Set([...(byCategory.get(category) ?? []), entry.element])]);
    }
    const parts = {
      reasonForAssessment: copy.reasonForAssessment,
      views: copy.views.length,
      summary: copy.summary,
      leadProfessional: copy.leadProfessional,
      plan: copy.plan.length,
      meetings: copy.meetings.length,
      reviews: copy.reviews.length,
      closure: copy.closure,
    };
    return [
      {
        recordRef,
        category: null,
        fields: [
          'startedOn',
          ...Object.entries(parts)
            .filter(([, held]) => Boolean(held))
            .map(([part]) => part),
        ],
      },
      ...[...byCategory].map(([category, elements]) => ({ recordRef, category, fields: elements })),
    ];
  });
}

const CONSENT_FIELDS = [
  'decision',
  'decidedBy',
  'purposes',
  'recipients',
  'categories',
  'from',
  'expiresOn',
  'withdrawnAt',
  'status',
];

export const consentItemsShown = (consents: readonly FamilyConsent[]): ShownItem[] =>
  consents.map((c) => ({ recordRef: `consent:${c.consentId}`, category: null, fields: CONSENT_FIELDS }));

/** The report's parts that had something in them, with the child it names. */
export const reportItemsShown = (report: SubjectAccessReport): ShownItem[] => [
  {
    recordRef: `subject-access-report:${report.child.childId}`,
    category: null,
    fields: [
      'child',
      ...(['disclosures', 'decisionsNotToShare', 'listsNamingChild'] as const).filter(
        (part) => report[part].length > 0,
      ),
    ],
  },
];
