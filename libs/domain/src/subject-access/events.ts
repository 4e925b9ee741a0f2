import type { DomainEvent, EventSchema, IsoDate, IsoInstant } from '../shared';
import type { Practitioner } from '../multi-agency';
import { practitioner } from '../multi-agency';
import {
  boolean,
  date,
  instant,
  integer,
  json,
  list,
  nullable,
  oneOf,
  optional,
  record,
  text,
} from '../shared/payload-shape';
import { DISCLOSURE_CHANNELS, type DisclosureChannel } from '../sharing/vocabulary';
import {
  IDENTITY_CHECKS,
  type IdentityCheckMethod,
  PACK_SECTIONS,
  type PackSection,
  REQUEST_CLOCKS,
  REQUEST_KINDS,
  REQUESTER_RELATIONSHIPS,
  type RequestClock,
  type RequesterRelationship,
  type RequestKind,
} from './vocabulary';

export interface Requester {
  readonly name: string;
  readonly relationship: RequesterRelationship;
}

export interface IdentityCheck {
  readonly method: IdentityCheckMethod;
  /** What was seen or checked, by whom. */
  readonly details: string;
}

/** One item of the response pack: its part of the report, its ledger id where it has one, and the SHA-256 of what was sent. */
export interface PackItem {
  readonly section: PackSection;
  readonly ref: string | null;
  readonly digest: string;
}

/** An entry the family's copy left out, and the exemption it was left out under. */
export interface ExemptionApplied {
  readonly section: PackSection;
  readonly ref: string | null;
  readonly exemption: string;
}

/** What was sent: the digest of the whole pack as released, and of each item in it. */
export interface SentPack {
  readonly digest: string;
  readonly items: PackItem[];
}

export interface Breach {
  readonly dueBy: IsoDate;
  readonly reason: string;
}

export type SubjectAccessRequestReceived = DomainEvent<
  'SubjectAccessRequestReceived',
  {
    requestId: string;
    childId: string;
    kind: RequestKind;
    requester: Requester;
    identityCheck: IdentityCheck;
    receivedOn: IsoDate;
    clock: RequestClock;
    /** The school whose calendar the 15 school days are counted on. */
    schoolId?: string;
    dueBy: IsoDate;
    recordedBy: Practitioner;
    recordedAt: IsoInstant;
  }
>;

/** Art. 12(3): once, for a complex request, the requester told within the first month. */
export type SubjectAccessRequestExtended = DomainEvent<
  'SubjectAccessRequestExtended',
  {
    requestId: string;
    childId: string;
    months: number;
    reason: string;
    requesterToldOn: IsoDate;
    firstDueBy: IsoDate;
    dueBy: IsoDate;
    extendedBy: Practitioner;
    extendedAt: IsoInstant;
  }
>;

/** The response pack went to the requester: a disclosure, in the ledger with its basis. */
export type SubjectAccessResponseReleased = DomainEvent<
  'SubjectAccessResponseReleased',
  {
    requestId: string;
    childId: string;
    disclosureId: string;
    recipient: Requester;
    basis: { kind: string; law: string };
    channel: DisclosureChannel;
    /** The pack as it went (the family's copy of the report): sealed with the child's data key, erased with it. */
    pack: object;
    sent: SentPack;
    exemptionsApplied: ExemptionApplied[];
    releasedBy: Practitioner;
    releasedAt: IsoInstant;
  }
>;

/** The request answered: on which day, against which due day, and why late if it was. */
export type SubjectAccessRequestClosed = DomainEvent<
  'SubjectAccessRequestClosed',
  {
    requestId: string;
    childId: string;
    answeredOn: IsoDate;
    dueBy: IsoDate;
    onTime: boolean;
    breach?: Breach;
    disclosureId: string;
    sentDigest: string;
    itemsSent: number;
    closedBy: Practitioner;
    closedAt: IsoInstant;
  }
>;

export type SubjectAccessEvent =
  | SubjectAccessRequestReceived
  | SubjectAccessRequestExtended
  | SubjectAccessResponseReleased
  | SubjectAccessRequestClosed;

const ofRequest = { requestId: text, childId: text };
const requester = record({ name: text, relationship: oneOf(REQUESTER_RELATIONSHIPS) });
const packItem = record({ section: oneOf(PACK_SECTIONS), ref: nullable(text), digest: text });

export const subjectAccessEventSchemas: EventSchema[] = [
  {
    type: 'SubjectAccessRequestReceived',
    schemaVersion: 1,
    personalFields: ['requester', 'identityCheck'],
    payload: {
      ...ofRequest,
      kind: oneOf(REQUEST_KINDS),
      requester,
      identityCheck: record({ method: oneOf(IDENTITY_CHECKS), details: text }),
      receivedOn: date,
      clock: oneOf(REQUEST_CLOCKS),
      schoolId: optional(text),
      dueBy: date,
      recordedBy: practitioner,
      recordedAt: instant,
    },
  },
  {
    type: 'SubjectAccessRequestExtended',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: {
      ...ofRequest,
      months: integer,
      reason: text,
      requesterToldOn: date,
      firstDueBy: date,
      dueBy: date,
      extendedBy: practitioner,
      extendedAt: instant,
    },
  },
  {
    type: 'SubjectAccessResponseReleased',
    schemaVersion: 1,
    personalFields: ['recipient', 'pack'],
    payload: {
      ...ofRequest,
      disclosureId: text,
      recipient: requester,
      basis: record({ kind: text, law: text }),
      channel: oneOf(DISCLOSURE_CHANNELS),
      pack: json,
      sent: record({ digest: text, items: list(packItem) }),
      exemptionsApplied: list(record({ section: oneOf(PACK_SECTIONS), ref: nullable(text), exemption: text })),
      releasedBy: practitioner,
      releasedAt: instant,
    },
  },
  {
    type: 'SubjectAccessRequestClosed',
    schemaVersion: 1,
    personalFields: ['breach'],
    payload: {
      ...ofRequest,
      answeredOn: date,
      dueBy: date,
      onTime: boolean,
      breach: optional(record({ dueBy: date, reason: text })),
      disclosureId: text,
      sentDigest: text,
      itemsSent: integer,
      closedBy: practitioner,
      closedAt: instant,
    },
  },
];

export const subjectAccessStream = (requestId: string): string => `subject-access-${requestId}`;
