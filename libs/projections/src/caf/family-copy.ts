import type { CafEvent } from '@app/domain';

/** How the family sees a practitioner: by role and agency (and name where given), never by account id. */
export interface FamilyFacingPractitioner {
  readonly role: string;
  readonly agencyId: string;
  readonly name?: string;
}

export interface FamilyCopy {
  readonly cafId: string;
  readonly status: 'assessing' | 'completed' | 'closed';
  readonly startedOn: string;
  readonly startedBy: FamilyFacingPractitioner;
  readonly reasonForAssessment: string | null;
  readonly assessment: ReadonlyArray<{
    readonly contributionId: string;
    readonly domain: string;
    readonly element: string;
    readonly text: string | null;
    readonly by: FamilyFacingPractitioner;
    readonly recordedOn: string;
    readonly secondHand: boolean;
    /** This entry corrects an earlier one, which the family copy no longer shows. */
    readonly correction: boolean;
  }>;
  readonly views: ReadonlyArray<{
    readonly whose: 'child' | 'family';
    readonly views: string | null;
    readonly recordedOn: string;
  }>;
  readonly completedOn: string | null;
  readonly summary: string | null;
  readonly meetings: ReadonlyArray<{
    readonly heldOn: string;
    readonly attendees: readonly FamilyFacingPractitioner[];
    readonly familyPresent: boolean;
    readonly notes: string | null;
    readonly nextReviewOn: string | null;
  }>;
  readonly leadProfessional: (FamilyFacingPractitioner & { readonly since: string }) | null;
  readonly plan: ReadonlyArray<{
    readonly actionId: string;
    readonly action: string | null;
    readonly ownerAgencyId: string;
    readonly dueBy: string;
    readonly status: string;
  }>;
  readonly reviews: ReadonlyArray<{
    readonly reviewedOn: string;
    readonly summary: string | null;
    readonly nextReviewOn: string | null;
  }>;
  readonly nextReviewOn: string | null;
  readonly closure: { readonly closedOn: string; readonly outcome: string; readonly summary: string | null } | null;
}

const facing = (p: { role: string; agencyId: string; name?: string }): FamilyFacingPractitioner => ({
  role: p.role,
  agencyId: p.agencyId,
  ...(p.name ? { name: p.name } : {}),
});

/**
 * Folds one CAF event into the family-held copy. What a practitioner withheld to protect
 * the child never enters it; a correction replaces what it corrects; practitioners'
 * working notes on actions and the reasons for a hand-over stay in the practitioners' record.
 */
export function applyToFamilyCopy(copy: FamilyCopy | null, event: CafEvent): FamilyCopy | null {
  if (event.type === 'CafStarted') {
    const d = event.data;
    return {
      cafId: d.cafId,
      status: 'assessing',
      startedOn: d.startedOn,
      startedBy: facing(d.startedBy),
      reasonForAssessment: d.reasonForAssessment ?? null,
      assessment: [],
      views: [],
      completedOn: null,
      summary: null,
      meetings: [],
      leadProfessional: null,
      plan: [],
      reviews: [],
      nextReviewOn: null,
      closure: null,
    };
  }
  if (!copy) return copy;
  switch (event.type) {
    case 'CafContributionRecorded': {
      const d = event.data;
      const kept = copy.assessment.filter((entry) => entry.contributionId !== d.supersedes);
      // Anything but an explicit false stays out: the family copy fails closed.
      if (d.withheldFromFamily !== false) return { ...copy, assessment: kept };
      return {
        ...copy,
        assessment: [
          ...kept,
          {
            contributionId: d.contributionId,
            domain: d.domain,
            element: d.element,
            text: d.text ?? null,
            by: facing(d.contributor),
            recordedOn: d.recordedOn,
            secondHand: d.secondHand,
            correction: d.supersedes !== undefined,
          },
        ],
      };
    }
    case 'CafViewsRecorded':
      return {
        ...copy,
        views: [
          ...copy.views,
          { whose: event.data.whose, views: event.data.views ?? null, recordedOn: event.data.recordedOn },
        ],
      };
    case 'CafCompleted':
      return { ...copy, status: 'completed', completedOn: event.data.completedOn, summary: event.data.summary ?? null };
    case 'TeamAroundTheChildMeetingHeld': {
      const d = event.data;
      return {
        ...copy,
        meetings: [
          ...copy.meetings,
          {
            heldOn: d.heldOn,
            attendees: d.attendees.map(facing),
            familyPresent: d.familyPresent,
            notes: d.notes ?? null,
            nextReviewOn: d.nextReviewOn ?? null,
          },
        ],
        nextReviewOn: d.nextReviewOn ?? copy.nextReviewOn,
      };
    }
    case 'LeadProfessionalAppointed':
      return { ...copy, leadProfessional: { ...facing(event.data.leadProfessional), since: event.data.appointedOn } };
    case 'LeadProfessionalHandedOver':
      return { ...copy, leadProfessional: { ...facing(event.data.to), since: event.data.handedOverOn } };
    case 'IntegratedPlanActionAgreed': {
      const d = event.data;
      return {
        ...copy,
        plan: [
          ...copy.plan,
          {
            actionId: d.actionId,
            action: d.action ?? null,
            ownerAgencyId: d.ownerAgencyId,
            dueBy: d.dueBy,
            status: 'agreed',
          },
        ],
      };
    }
    case 'IntegratedPlanActionUpdated':
      return {
        ...copy,
        plan: copy.plan.map((a) => (a.actionId === event.data.actionId ? { ...a, status: event.data.status } : a)),
      };
    case 'CafReviewed': {
      const d = event.data;
      return {
        ...copy,
        reviews: [
          ...copy.reviews,
          { reviewedOn: d.reviewedOn, summary: d.summary ?? null, nextReviewOn: d.nextReviewOn ?? null },
        ],
        nextReviewOn: d.nextReviewOn ?? null,
      };
    }
    case 'CafClosed':
      return {
        ...copy,
        status: 'closed',
        nextReviewOn: null,
        closure: { closedOn: event.data.closedOn, outcome: event.data.outcome, summary: event.data.summary ?? null },
      };
  }
}

/** The family copy once the child's record is erased: the same outline, every personal value gone. */
export function erasedFamilyCopy(copy: FamilyCopy): FamilyCopy {
  return {
    ...copy,
    reasonForAssessment: null,
    assessment: copy.assessment.map((entry) => ({ ...entry, text: null })),
    views: copy.views.map((entry) => ({ ...entry, views: null })),
    summary: null,
    meetings: copy.meetings.map((meeting) => ({ ...meeting, notes: null })),
    plan: copy.plan.map((action) => ({ ...action, action: null })),
    reviews: copy.reviews.map((review) => ({ ...review, summary: null })),
    closure: copy.closure ? { ...copy.closure, summary: null } : null,
  };
}
