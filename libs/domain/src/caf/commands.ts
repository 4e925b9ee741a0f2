import type { Actor, IsoDate } from '../shared';
import type { ConsentCoverage } from '../multi-agency';
import type { NamedPractitioner } from './events';
import type { ActionStatus, CafDomain, CafOutcome } from './vocabulary';

export interface StartCaf {
  readonly type: 'StartCaf';
  readonly cafId: string;
  readonly childId: string;
  readonly by: Actor;
  readonly startedOn: IsoDate;
  readonly reasonForAssessment: string;
  /** The consent context's answer for 'common-assessment', asked by the caller. */
  readonly consent: ConsentCoverage;
}

export interface ContributeToCaf {
  readonly type: 'ContributeToCaf';
  readonly contributionId: string;
  readonly domain: CafDomain;
  readonly element: string;
  readonly text: string;
  readonly by: Actor;
  readonly recordedOn: IsoDate;
  readonly secondHand?: boolean;
  readonly withheldFromFamily?: { readonly reason: string };
  /**
   * The consent context's answer for 'common-assessment' with the agency that started the
   * CAF, on the category of the element (CAF_ELEMENT_CATEGORIES), asked by the platform now.
   */
  readonly consent: ConsentCoverage;
}

export interface CorrectCafContribution {
  readonly type: 'CorrectCafContribution';
  readonly contributionId: string;
  readonly supersedes: string;
  readonly text: string;
  readonly correctionReason: string;
  readonly by: Actor;
  readonly recordedOn: IsoDate;
  readonly secondHand?: boolean;
  readonly withheldFromFamily?: { readonly reason: string };
}

export interface RecordCafViews {
  readonly type: 'RecordCafViews';
  readonly viewsId: string;
  readonly whose: 'child' | 'family';
  readonly views: string;
  readonly by: Actor;
  readonly recordedOn: IsoDate;
}

export interface CompleteCaf {
  readonly type: 'CompleteCaf';
  readonly completedOn: IsoDate;
  readonly summary: string;
  readonly by: Actor;
}

export interface HoldTeamAroundTheChildMeeting {
  readonly type: 'HoldTeamAroundTheChildMeeting';
  readonly meetingId: string;
  readonly heldOn: IsoDate;
  readonly attendees: readonly NamedPractitioner[];
  readonly familyPresent: boolean;
  readonly notes: string;
  readonly nextReviewOn?: IsoDate;
}

export interface AppointLeadProfessional {
  readonly type: 'AppointLeadProfessional';
  readonly leadProfessional: NamedPractitioner;
  readonly appointedOn: IsoDate;
  readonly agreedWithFamily: boolean;
  readonly by: Actor;
}

export interface HandOverLeadProfessional {
  readonly type: 'HandOverLeadProfessional';
  readonly to: NamedPractitioner;
  readonly handedOverOn: IsoDate;
  readonly reason: string;
}

export interface AgreePlanAction {
  readonly type: 'AgreePlanAction';
  readonly actionId: string;
  readonly action: string;
  readonly ownerAgencyId: string;
  readonly ownerUserId?: string;
  readonly dueBy: IsoDate;
  readonly agreedOn: IsoDate;
  readonly by: Actor;
}

export interface UpdatePlanAction {
  readonly type: 'UpdatePlanAction';
  readonly actionId: string;
  readonly status: ActionStatus;
  readonly note?: string;
  readonly updatedOn: IsoDate;
  readonly by: Actor;
}

export interface ReviewCaf {
  readonly type: 'ReviewCaf';
  readonly reviewId: string;
  readonly reviewedOn: IsoDate;
  readonly summary: string;
  readonly nextReviewOn?: IsoDate;
  readonly by: Actor;
}

export interface CloseCaf {
  readonly type: 'CloseCaf';
  readonly closedOn: IsoDate;
  readonly outcome: CafOutcome;
  readonly summary: string;
  readonly by: Actor;
}

export type CafCommand =
  | StartCaf
  | ContributeToCaf
  | CorrectCafContribution
  | RecordCafViews
  | CompleteCaf
  | HoldTeamAroundTheChildMeeting
  | AppointLeadProfessional
  | HandOverLeadProfessional
  | AgreePlanAction
  | UpdatePlanAction
  | ReviewCaf
  | CloseCaf;

/** 003 §1a: the assessment covers the child's development, parents and carers, family and environment. */
export const CAF_CONSENT_CATEGORIES = ['education', 'health', 'family-circumstances'] as const;
