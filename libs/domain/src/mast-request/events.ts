import type { DomainEvent, EventSchema, IsoDate, IsoInstant } from '../shared';
import type { Practitioner } from '../multi-agency';
import { practitioner } from '../multi-agency';
import { date, instant, integer, list, oneOf, optional, record, text } from '../shared/payload-shape';

/** Level of need on the threshold continuum (001): 1 universal … 4 statutory/specialist. */
export type LevelOfNeed = 1 | 2 | 3 | 4;

/** The parents or carers the SENCo made the request with (001: "in collaboration with parents/carers"). */
export interface ParentInvolved {
  readonly name: string;
  readonly relationship: string;
}

/** Who MAST allocates when it accepts a request: a key worker or a family learning mentor (001). */
export interface Allocation {
  readonly workerId: string;
  readonly kind: 'key-worker' | 'family-learning-mentor';
}

export type MastDecision =
  | { readonly outcome: 'accept-allocate'; readonly allocation: Allocation }
  | { readonly outcome: 'accept-for-service'; readonly service: string }
  | { readonly outcome: 'signpost'; readonly signpostTo: string }
  | { readonly outcome: 'decline' }
  /** Back to a later agenda once the school has sent what the panel asked for. */
  | { readonly outcome: 'defer'; readonly informationNeeded: string };

export type MastOutcome = MastDecision['outcome'];
export const MAST_OUTCOMES: readonly MastOutcome[] = [
  'accept-allocate',
  'accept-for-service',
  'signpost',
  'decline',
  'defer',
];

export type MastDeadline = 'response' | 'first-contact';

export type MastRequestMade = DomainEvent<
  'MastRequestMade',
  {
    requestId: string;
    childId: string;
    schoolId: string;
    requestedBy: Practitioner;
    parentsInvolved: ParentInvolved[];
    needs: string;
    alreadyTried: string;
    levelOfNeed: LevelOfNeed;
    /** The consent covering mast-involvement the request was made under. */
    consentId: string;
    receivedAt: IsoInstant;
  }
>;

export type MastRequestListed = DomainEvent<
  'MastRequestListed',
  { requestId: string; childId: string; panelDate: IsoDate; listedBy: Practitioner }
>;

export type MastRequestDecided = DomainEvent<
  'MastRequestDecided',
  {
    requestId: string;
    childId: string;
    panelDate: IsoDate;
    decision: MastDecision;
    reason: string;
    /** 5 working days after the panel: the school hears the outcome, deferrals included. */
    responseDueBy: IsoDate;
    /** Who owes the school its response: the co-ordinator who listed the request. */
    responseOwner: Practitioner;
    /** 10 working days after the decision, for an allocation only. */
    firstContactDueBy?: IsoDate;
  }
>;

export type ResponseSentToSchool = DomainEvent<
  'ResponseSentToSchool',
  { requestId: string; childId: string; panelDate: IsoDate; sentOn: IsoDate; sentBy: Practitioner; workingDay: number }
>;

export type FirstContactMade = DomainEvent<
  'FirstContactMade',
  { requestId: string; childId: string; workerId: string; contactOn: IsoDate; workingDay: number }
>;

/** A deadline missed, recorded with its reason (at the late act, or once it has passed). */
export type MastDeadlineBreached = DomainEvent<
  'MastDeadlineBreached',
  {
    requestId: string;
    childId: string;
    deadline: MastDeadline;
    dueBy: IsoDate;
    owner: Practitioner;
    reason: string;
    recordedOn: IsoDate;
  }
>;

export type MastInvolvementEnded = DomainEvent<
  'MastInvolvementEnded',
  { requestId: string; childId: string; endedOn: IsoDate; reason: string }
>;

export type MastRequestEvent =
  | MastRequestMade
  | MastRequestListed
  | MastRequestDecided
  | ResponseSentToSchool
  | FirstContactMade
  | MastDeadlineBreached
  | MastInvolvementEnded;

const ofRequest = { requestId: text, childId: text };
/** Each outcome's own fields (allocation, service, ...) are still held to well-formed values. */
export const mastDecision = record({ outcome: oneOf(MAST_OUTCOMES) });

export const mastRequestEventSchemas: EventSchema[] = [
  {
    type: 'MastRequestMade',
    schemaVersion: 1,
    personalFields: ['parentsInvolved', 'needs', 'alreadyTried'],
    payload: {
      ...ofRequest,
      schoolId: text,
      requestedBy: practitioner,
      parentsInvolved: list(record({ name: text, relationship: text })),
      needs: text,
      alreadyTried: text,
      levelOfNeed: integer,
      consentId: text,
      receivedAt: instant,
    },
  },
  {
    type: 'MastRequestListed',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofRequest, panelDate: date, listedBy: practitioner },
  },
  // The reasons talk about the child and family; the outcome itself is not personal.
  {
    type: 'MastRequestDecided',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: {
      ...ofRequest,
      panelDate: date,
      decision: mastDecision,
      reason: text,
      responseDueBy: date,
      responseOwner: practitioner,
      firstContactDueBy: optional(date),
    },
  },
  {
    type: 'ResponseSentToSchool',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofRequest, panelDate: date, sentOn: date, sentBy: practitioner, workingDay: integer },
  },
  {
    type: 'FirstContactMade',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofRequest, workerId: text, contactOn: date, workingDay: integer },
  },
  {
    type: 'MastDeadlineBreached',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: {
      ...ofRequest,
      deadline: oneOf(['response', 'first-contact']),
      dueBy: date,
      owner: practitioner,
      reason: text,
      recordedOn: date,
    },
  },
  {
    type: 'MastInvolvementEnded',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: { ...ofRequest, endedOn: date, reason: text },
  },
];

export const mastRequestStream = (requestId: string): string => `mast-request-${requestId}`;

/** 001: "a quick response to school within a week"; "within a week or two of the panel decision". */
export const RESPONSE_WORKING_DAYS = 5;
export const FIRST_CONTACT_WORKING_DAYS = 10;
