import type { DomainEvent, EventSchema, IsoDate, IsoInstant } from '../shared';
import type { InformationCategory } from '../shared';
import type { ConsentCoverage, Practitioner } from '../multi-agency';
import type { FamilyTold } from '../sharing/events';
import type { WithoutConsentGround } from '../sharing/vocabulary';
import { practitioner } from '../multi-agency';
import { boolean, date, instant, integer, list, oneOf, optional, record, text } from '../shared/payload-shape';

export const DSL_OUTCOMES = ['no-further-action', 'monitor', 'early-help', 'refer-to-social-care'] as const;
export type DslOutcome = (typeof DSL_OUTCOMES)[number];

export const SOCIAL_CARE_DECISIONS = [
  'strategy-discussion',
  'child-in-need-assessment',
  'early-help',
  'no-further-action',
] as const;
export type SocialCareDecision = (typeof SOCIAL_CARE_DECISIONS)[number];

/** The Working Together 2023 clocks a concern runs on (DESIGN §3). */
export type ConcernClock =
  'social-care-decision' | 'assessment' | 'initial-conference' | 'core-group' | 'review-conference';

/** A late act carries its breach: the day it was due and why it was late. */
export interface Breach {
  readonly dueBy: IsoDate;
  readonly reason: string;
}

/** 003 §1c: what the learning mentor's report to a conference or core group carries. */
export interface MentorReport {
  readonly reasonForReferral: string;
  readonly sessions: { readonly held: number; readonly attended: number; readonly missed: number };
  readonly contactWithFamily: string;
  readonly workingRelationship: string;
  readonly focusedAreasOfWork: string[];
  readonly progress: string;
  readonly concerns: string;
  readonly signposting: string[];
}

export type ConcernRaised = DomainEvent<
  'ConcernRaised',
  { concernId: string; childId: string; raisedBy: Practitioner; seenOrHeard: string; raisedAt: IsoInstant }
>;
export type ConcernReviewed = DomainEvent<
  'ConcernReviewed',
  {
    concernId: string;
    childId: string;
    reviewedBy: Practitioner;
    outcome: DslOutcome;
    reasons: string;
    reviewedOn: IsoDate;
  }
>;
export const REFERRAL_URGENCIES = ['immediate', 'within-one-working-day', 'standard'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/**
 * What the DSL sends with a referral: its basis, how urgent, what it is about. The basis is
 * a Box 13 `ground`, or `withConsent`, in which case the platform (never the caller) puts in
 * `consent`: what the consent context answers for information-sharing with social care.
 * `familyTold` says whether the family is told of the referral, or why not (1d).
 */
export interface ReferralDetails {
  readonly ground?: WithoutConsentGround;
  readonly withConsent?: boolean;
  readonly consent?: ConsentCoverage;
  readonly urgency: ReferralUrgency;
  readonly categories: InformationCategory[];
  readonly summary: string;
  readonly familyTold?: FamilyTold;
}

/** A referral's lawful basis, in the shape the sharing ledger records every basis. */
export type ReferralBasis =
  { kind: 'consent'; consentIds: string[] } | { kind: 'without-consent'; ground: WithoutConsentGround };

export type ConcernReferredToSocialCare = DomainEvent<
  'ConcernReferredToSocialCare',
  {
    concernId: string;
    childId: string;
    referredBy: Practitioner;
    referredOn: IsoDate;
    referredAt: IsoInstant;
    /** v1 as first written held only the without-consent kind; the consent kind widens it, no older event changes meaning. */
    basis: ReferralBasis;
    urgency: ReferralUrgency;
    categories: InformationCategory[];
    summary: string;
    /** Absent on referrals recorded before it was asked. */
    familyTold?: FamilyTold;
    decisionDueBy: IsoDate;
  }
>;
export type SocialCareDecisionMade = DomainEvent<
  'SocialCareDecisionMade',
  {
    concernId: string;
    childId: string;
    decision: SocialCareDecision;
    reasons: string;
    decidedBy: Practitioner;
    decidedOn: IsoDate;
    breach?: Breach;
    /** When an assessment follows: 45 working days from the referral. */
    assessmentDueBy?: IsoDate;
  }
>;
export type AssessmentCompleted = DomainEvent<
  'AssessmentCompleted',
  {
    concernId: string;
    childId: string;
    completedOn: IsoDate;
    outcome: string;
    recordedBy: Practitioner;
    breach?: Breach;
  }
>;
export type StrategyDiscussionHeld = DomainEvent<
  'StrategyDiscussionHeld',
  {
    concernId: string;
    childId: string;
    heldOn: IsoDate;
    outcome: string;
    recordedBy: Practitioner;
    initialConferenceDueBy: IsoDate;
  }
>;
export type ChildProtectionConferenceHeld = DomainEvent<
  'ChildProtectionConferenceHeld',
  {
    concernId: string;
    childId: string;
    kind: 'initial' | 'review';
    heldOn: IsoDate;
    childProtectionPlan: boolean;
    recordedBy: Practitioner;
    breach?: Breach;
    /** With a plan: the core group within 10 working days of the initial conference. */
    coreGroupDueBy?: IsoDate;
    /** With a plan: 3 months after the initial conference, then every 6 months. */
    nextReviewDueBy?: IsoDate;
  }
>;
export type CoreGroupMet = DomainEvent<
  'CoreGroupMet',
  { concernId: string; childId: string; heldOn: IsoDate; recordedBy: Practitioner; breach?: Breach }
>;
export type MentorReportSubmitted = DomainEvent<
  'MentorReportSubmitted',
  {
    concernId: string;
    childId: string;
    reportId: string;
    forMeeting: 'conference' | 'core-group';
    report: MentorReport;
    submittedBy: Practitioner;
    submittedOn: IsoDate;
  }
>;

export type ConcernEvent =
  | ConcernRaised
  | ConcernReviewed
  | ConcernReferredToSocialCare
  | SocialCareDecisionMade
  | AssessmentCompleted
  | StrategyDiscussionHeld
  | ChildProtectionConferenceHeld
  | CoreGroupMet
  | MentorReportSubmitted;

const ofConcern = { concernId: text, childId: text };
const breach = optional(record({ dueBy: date, reason: text }));
/** Of the concern, by whom and on which day. */
const recorded = (by: string, on: string) => ({ ...ofConcern, [by]: practitioner, [on]: date });

export const concernEventSchemas: EventSchema[] = [
  {
    type: 'ConcernRaised',
    schemaVersion: 1,
    personalFields: ['seenOrHeard'],
    payload: { ...ofConcern, raisedBy: practitioner, seenOrHeard: text, raisedAt: instant },
  },
  {
    type: 'ConcernReviewed',
    schemaVersion: 1,
    personalFields: ['reasons'],
    payload: { ...ofConcern, reviewedBy: practitioner, outcome: oneOf(DSL_OUTCOMES), reasons: text, reviewedOn: date },
  },
  {
    type: 'ConcernReferredToSocialCare',
    schemaVersion: 1,
    personalFields: ['summary'],
    payload: {
      ...ofConcern,
      referredBy: practitioner,
      referredOn: date,
      referredAt: instant,
      // A Box 13 ground, or the consents the platform read (the kind's own fields are still held to well-formed values).
      basis: record({ kind: oneOf(['consent', 'without-consent']) }),
      urgency: oneOf(REFERRAL_URGENCIES),
      categories: list(text),
      summary: text,
      familyTold: optional(record({ informed: boolean })),
      decisionDueBy: date,
    },
  },
  {
    type: 'SocialCareDecisionMade',
    schemaVersion: 1,
    personalFields: ['reasons'],
    payload: {
      ...recorded('decidedBy', 'decidedOn'),
      decision: oneOf(SOCIAL_CARE_DECISIONS),
      reasons: text,
      breach,
      assessmentDueBy: optional(date),
    },
  },
  {
    type: 'AssessmentCompleted',
    schemaVersion: 1,
    personalFields: ['outcome'],
    payload: { ...recorded('recordedBy', 'completedOn'), outcome: text, breach },
  },
  {
    type: 'StrategyDiscussionHeld',
    schemaVersion: 1,
    personalFields: ['outcome'],
    payload: { ...recorded('recordedBy', 'heldOn'), outcome: text, initialConferenceDueBy: date },
  },
  {
    type: 'ChildProtectionConferenceHeld',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      ...recorded('recordedBy', 'heldOn'),
      kind: oneOf(['initial', 'review']),
      childProtectionPlan: boolean,
      breach,
      coreGroupDueBy: optional(date),
      nextReviewDueBy: optional(date),
    },
  },
  {
    type: 'CoreGroupMet',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...recorded('recordedBy', 'heldOn'), breach },
  },
  {
    type: 'MentorReportSubmitted',
    schemaVersion: 1,
    personalFields: ['report'],
    payload: {
      ...recorded('submittedBy', 'submittedOn'),
      reportId: text,
      forMeeting: oneOf(['conference', 'core-group']),
      report: record({
        reasonForReferral: text,
        sessions: record({ held: integer, attended: integer, missed: integer }),
        contactWithFamily: text,
        workingRelationship: text,
        focusedAreasOfWork: list(text),
        progress: text,
        concerns: text,
        signposting: list(text),
      }),
    },
  },
];

export const concernStream = (concernId: string): string => `concern-${concernId}`;
