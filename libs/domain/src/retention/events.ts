import type { DomainEvent, EventSchema } from '../shared';
import type { IsoDate, IsoInstant } from '../shared/calendar';
import { date, instant, list, oneOf, optional, record, text } from '../shared/payload-shape';
import { practitioner, type Practitioner } from '../multi-agency';
import {
  ERASURE_CAUSES,
  ERASURE_EXEMPTIONS,
  ERASURE_GROUNDS,
  ERASURE_OUTCOMES,
  ERASURE_REQUESTERS,
  type ErasureCause,
  type ErasureExemption,
  type ErasureGround,
  type ErasureOutcome,
  type ErasureRequester,
  RECORD_CLASSES,
  type RecordClass,
} from './vocabulary';

/** One record of the child and the day its retention period ends. */
export interface RetainedRecord {
  readonly recordRef: string;
  readonly recordClass: RecordClass;
  readonly endsOn: IsoDate;
}

/** A notice owed to an agency that received the child's information. */
export interface ErasureRecipient {
  readonly disclosureId: string;
  readonly agencyId: string;
}

/** The daily job found that every record of the child has reached the end of its period. */
export type RetentionReviewDue = DomainEvent<
  'RetentionReviewDue',
  { childId: string; reviewId: string; dueOn: IsoDate; records: RetainedRecord[]; listedOn: IsoDate }
>;
/** The dpo decided to dispose: the child's data key is deleted next (ChildRecordErased). */
export type RecordDisposed = DomainEvent<
  'RecordDisposed',
  { childId: string; reviewId: string; decidedBy: Practitioner; decidedAt: IsoInstant }
>;
/** The dpo decided to keep the record for a stated period, with the reason. */
export type RetentionExtended = DomainEvent<
  'RetentionExtended',
  {
    childId: string;
    reviewId: string;
    keepUntil: IsoDate;
    reason: string;
    decidedBy: Practitioner;
    decidedAt: IsoInstant;
  }
>;
export type LegalHoldPlaced = DomainEvent<
  'LegalHoldPlaced',
  { childId: string; holdId: string; reason: string; placedBy: Practitioner; placedAt: IsoInstant }
>;
export type LegalHoldLifted = DomainEvent<
  'LegalHoldLifted',
  { childId: string; holdId: string; reason: string; liftedBy: Practitioner; liftedAt: IsoInstant }
>;
/** UK GDPR Art. 17: someone asked for the child's record to be erased. */
export type ErasureRequested = DomainEvent<
  'ErasureRequested',
  {
    childId: string;
    requestId: string;
    requester: { kind: ErasureRequester; name: string };
    receivedOn: IsoDate;
    recordedBy: Practitioner;
    recordedAt: IsoInstant;
  }
>;
export type ErasureDecided = DomainEvent<
  'ErasureDecided',
  {
    childId: string;
    requestId: string;
    outcome: ErasureOutcome;
    /** Art. 17(1), when approved. */
    ground?: ErasureGround;
    /** Art. 17(3), when refused: why the record must be kept. */
    exemption?: ErasureExemption;
    reasons: string;
    decidedBy: Practitioner;
    decidedAt: IsoInstant;
  }
>;
/** An agency that received the child's information is told the record was erased. */
export type ErasureNoticeIssued = DomainEvent<
  'ErasureNoticeIssued',
  {
    childId: string;
    noticeId: string;
    requestId: string;
    disclosureId: string;
    recipientAgencyId: string;
    issuedBy: Practitioner;
    issuedAt: IsoInstant;
  }
>;
/**
 * The child's data key is deleted (crypto-shredding, ADR 003): every read model drops the
 * child's personal values. Carries no personal data, so it can follow the key's deletion.
 */
export type ChildRecordErased = DomainEvent<
  'ChildRecordErased',
  { childId: string; cause: ErasureCause; erasedBy: Practitioner; erasedAt: IsoInstant }
>;

export type RetentionEvent =
  | RetentionReviewDue
  | RecordDisposed
  | RetentionExtended
  | LegalHoldPlaced
  | LegalHoldLifted
  | ErasureRequested
  | ErasureDecided
  | ErasureNoticeIssued
  | ChildRecordErased;

const ofChild = { childId: text };
const retained = record({ recordRef: text, recordClass: oneOf(RECORD_CLASSES), endsOn: date });

/** Reasons and names may speak about the family: sealed with the child's key, gone with it. */
export const retentionEventSchemas: EventSchema[] = [
  {
    type: 'RetentionReviewDue',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofChild, reviewId: text, dueOn: date, records: list(retained), listedOn: date },
  },
  {
    type: 'RecordDisposed',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofChild, reviewId: text, decidedBy: practitioner, decidedAt: instant },
  },
  {
    type: 'RetentionExtended',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: { ...ofChild, reviewId: text, keepUntil: date, reason: text, decidedBy: practitioner, decidedAt: instant },
  },
  {
    type: 'LegalHoldPlaced',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: { ...ofChild, holdId: text, reason: text, placedBy: practitioner, placedAt: instant },
  },
  {
    type: 'LegalHoldLifted',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: { ...ofChild, holdId: text, reason: text, liftedBy: practitioner, liftedAt: instant },
  },
  {
    type: 'ErasureRequested',
    schemaVersion: 1,
    personalFields: ['requester'],
    payload: {
      ...ofChild,
      requestId: text,
      requester: record({ kind: oneOf(ERASURE_REQUESTERS), name: text }),
      receivedOn: date,
      recordedBy: practitioner,
      recordedAt: instant,
    },
  },
  {
    type: 'ErasureDecided',
    schemaVersion: 1,
    personalFields: ['reasons'],
    payload: {
      ...ofChild,
      requestId: text,
      outcome: oneOf(ERASURE_OUTCOMES),
      ground: optional(oneOf(ERASURE_GROUNDS)),
      exemption: optional(oneOf(ERASURE_EXEMPTIONS)),
      reasons: text,
      decidedBy: practitioner,
      decidedAt: instant,
    },
  },
  {
    type: 'ErasureNoticeIssued',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      ...ofChild,
      noticeId: text,
      requestId: text,
      disclosureId: text,
      recipientAgencyId: text,
      issuedBy: practitioner,
      issuedAt: instant,
    },
  },
  {
    type: 'ChildRecordErased',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofChild, cause: oneOf(ERASURE_CAUSES), erasedBy: practitioner, erasedAt: instant },
  },
];

/** One stream per child: its retention reviews, legal holds and erasure requests. */
export const retentionStream = (childId: string): string => `retention-${childId}`;
