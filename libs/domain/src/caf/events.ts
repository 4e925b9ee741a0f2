import type { DomainEvent, EventSchema, IsoDate } from '../shared';
import type { Practitioner } from '../multi-agency';
import { namedPractitioner, practitioner } from '../multi-agency';
import { boolean, date, list, oneOf, optional, text } from '../shared/payload-shape';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type CafDomain,
  type CafElement,
  CAF_OUTCOMES,
  type CafOutcome,
} from './vocabulary';

export type NamedPractitioner = Practitioner & { readonly name?: string };

export type CafStarted = DomainEvent<
  'CafStarted',
  {
    cafId: string;
    childId: string;
    startedBy: Practitioner;
    startedOn: IsoDate;
    consentId: string;
    reasonForAssessment: string;
  }
>;

/**
 * One practitioner's contribution to one element, attributed and never edited. A
 * correction is a new contribution that supersedes an earlier one by reference.
 */
export type CafContributionRecorded = DomainEvent<
  'CafContributionRecorded',
  {
    cafId: string;
    childId: string;
    contributionId: string;
    domain: CafDomain;
    element: CafElement;
    text: string;
    contributor: Practitioner;
    recordedOn: IsoDate;
    /** Box 7: information heard from someone else is marked as such. */
    secondHand: boolean;
    /**
     * Kept out of the family-held copy (telling would put the child at risk). The flag is
     * not personal data, so an erased record still keeps the entry out; the reason is.
     */
    withheldFromFamily: boolean;
    withheldReason?: string;
    supersedes?: string;
    correctionReason?: string;
  }
>;

export type CafViewsRecorded = DomainEvent<
  'CafViewsRecorded',
  {
    cafId: string;
    childId: string;
    viewsId: string;
    whose: 'child' | 'family';
    views: string;
    recordedBy: Practitioner;
    recordedOn: IsoDate;
  }
>;

export type CafCompleted = DomainEvent<
  'CafCompleted',
  { cafId: string; childId: string; completedOn: IsoDate; completedBy: Practitioner; summary: string }
>;

export type TeamAroundTheChildMeetingHeld = DomainEvent<
  'TeamAroundTheChildMeetingHeld',
  {
    cafId: string;
    childId: string;
    meetingId: string;
    heldOn: IsoDate;
    attendees: NamedPractitioner[];
    familyPresent: boolean;
    notes: string;
    nextReviewOn?: IsoDate;
  }
>;

export type LeadProfessionalAppointed = DomainEvent<
  'LeadProfessionalAppointed',
  {
    cafId: string;
    childId: string;
    leadProfessional: NamedPractitioner;
    appointedOn: IsoDate;
    appointedBy: Practitioner;
    agreedWithFamily: boolean;
  }
>;

export type LeadProfessionalHandedOver = DomainEvent<
  'LeadProfessionalHandedOver',
  {
    cafId: string;
    childId: string;
    from: NamedPractitioner;
    to: NamedPractitioner;
    handedOverOn: IsoDate;
    reason: string;
  }
>;

export type IntegratedPlanActionAgreed = DomainEvent<
  'IntegratedPlanActionAgreed',
  {
    cafId: string;
    childId: string;
    actionId: string;
    action: string;
    ownerAgencyId: string;
    ownerUserId?: string;
    dueBy: IsoDate;
    agreedOn: IsoDate;
    agreedBy: Practitioner;
  }
>;

export type IntegratedPlanActionUpdated = DomainEvent<
  'IntegratedPlanActionUpdated',
  {
    cafId: string;
    childId: string;
    actionId: string;
    status: ActionStatus;
    note?: string;
    updatedOn: IsoDate;
    updatedBy: Practitioner;
  }
>;

export type CafReviewed = DomainEvent<
  'CafReviewed',
  {
    cafId: string;
    childId: string;
    reviewId: string;
    reviewedOn: IsoDate;
    summary: string;
    nextReviewOn?: IsoDate;
    reviewedBy: Practitioner;
  }
>;

export type CafClosed = DomainEvent<
  'CafClosed',
  {
    cafId: string;
    childId: string;
    closedOn: IsoDate;
    outcome: CafOutcome;
    summary: string;
    openActions: string[];
    closedBy: Practitioner;
  }
>;

export type CafEvent =
  | CafStarted
  | CafContributionRecorded
  | CafViewsRecorded
  | CafCompleted
  | TeamAroundTheChildMeetingHeld
  | LeadProfessionalAppointed
  | LeadProfessionalHandedOver
  | IntegratedPlanActionAgreed
  | IntegratedPlanActionUpdated
  | CafReviewed
  | CafClosed;

const ofCaf = { cafId: text, childId: text };

export const cafEventSchemas: EventSchema[] = [
  {
    type: 'CafStarted',
    schemaVersion: 1,
    personalFields: ['reasonForAssessment'],
    payload: { ...ofCaf, startedBy: practitioner, startedOn: date, consentId: text, reasonForAssessment: text },
  },
  {
    type: 'CafContributionRecorded',
    schemaVersion: 1,
    personalFields: ['text', 'withheldReason', 'correctionReason'],
    payload: {
      ...ofCaf,
      contributionId: text,
      domain: text,
      element: text,
      text,
      contributor: practitioner,
      recordedOn: date,
      secondHand: boolean,
      withheldFromFamily: boolean,
      withheldReason: optional(text),
      supersedes: optional(text),
      correctionReason: optional(text),
    },
  },
  {
    type: 'CafViewsRecorded',
    schemaVersion: 1,
    personalFields: ['views'],
    payload: {
      ...ofCaf,
      viewsId: text,
      whose: oneOf(['child', 'family']),
      views: text,
      recordedBy: practitioner,
      recordedOn: date,
    },
  },
  {
    type: 'CafCompleted',
    schemaVersion: 1,
    personalFields: ['summary'],
    payload: { ...ofCaf, completedOn: date, completedBy: practitioner, summary: text },
  },
  {
    type: 'TeamAroundTheChildMeetingHeld',
    schemaVersion: 1,
    personalFields: ['notes'],
    payload: {
      ...ofCaf,
      meetingId: text,
      heldOn: date,
      attendees: list(namedPractitioner),
      familyPresent: boolean,
      notes: text,
      nextReviewOn: optional(date),
    },
  },
  {
    type: 'LeadProfessionalAppointed',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      ...ofCaf,
      leadProfessional: namedPractitioner,
      appointedOn: date,
      appointedBy: practitioner,
      agreedWithFamily: boolean,
    },
  },
  {
    type: 'LeadProfessionalHandedOver',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: { ...ofCaf, from: namedPractitioner, to: namedPractitioner, handedOverOn: date, reason: text },
  },
  {
    type: 'IntegratedPlanActionAgreed',
    schemaVersion: 1,
    personalFields: ['action'],
    payload: {
      ...ofCaf,
      actionId: text,
      action: text,
      ownerAgencyId: text,
      ownerUserId: optional(text),
      dueBy: date,
      agreedOn: date,
      agreedBy: practitioner,
    },
  },
  {
    type: 'IntegratedPlanActionUpdated',
    schemaVersion: 1,
    personalFields: ['note'],
    payload: {
      ...ofCaf,
      actionId: text,
      status: oneOf(ACTION_STATUSES),
      note: optional(text),
      updatedOn: date,
      updatedBy: practitioner,
    },
  },
  {
    type: 'CafReviewed',
    schemaVersion: 1,
    personalFields: ['summary'],
    payload: {
      ...ofCaf,
      reviewId: text,
      reviewedOn: date,
      summary: text,
      nextReviewOn: optional(date),
      reviewedBy: practitioner,
    },
  },
  {
    type: 'CafClosed',
    schemaVersion: 1,
    personalFields: ['summary'],
    payload: {
      ...ofCaf,
      closedOn: date,
      outcome: oneOf(CAF_OUTCOMES),
      summary: text,
      openActions: list(text),
      closedBy: practitioner,
    },
  },
];

export const cafStream = (cafId: string): string => `caf-${cafId}`;
