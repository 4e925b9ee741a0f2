import type { DomainEvent, EventSchema, IsoDate, IsoInstant } from '../shared';
import type { Practitioner } from '../multi-agency';
import type { LawfulBasis } from '../sharing/events';
import { practitioner } from '../multi-agency';
import { date, instant, integer, list, oneOf, optional, record, text } from '../shared/payload-shape';

/** KCSIE: the child-protection file reaches the new school within 5 school days of the child starting there. */
export const TRANSFER_SCHOOL_DAYS = 5;

/**
 * The statutory duty the transfer is made under, as the ledger records every basis: no
 * consent is asked, the sending DSL must send it (Keeping children safe in education).
 */
export const CHILD_PROTECTION_FILE_BASIS: Extract<LawfulBasis, { kind: 'without-consent' }> = {
  kind: 'without-consent',
  ground: 'statutory-function',
  justification:
    'Keeping children safe in education (DfE statutory guidance): on a school move the child-protection file goes to the new school within 5 school days, separately from the main file, and receipt is confirmed',
};

/** A late act carries its breach: the day it was due and why it was late (as the concern's clocks, ADR 011). */
export interface TransferBreach {
  readonly dueBy: IsoDate;
  readonly reason: string;
}

/**
 * The child leaves one school for another: the pupil record moves with this event. When the
 * leaving school holds a child-protection file, it lists the records in it (the platform
 * finds them, never the caller) and the day it is due at the new school, counted on the
 * new school's calendar from the day the child starts there.
 */
export type SchoolMoveRecorded = DomainEvent<
  'SchoolMoveRecorded',
  {
    childId: string;
    moveId: string;
    fromSchoolId: string;
    toSchoolId: string;
    startsOn: IsoDate;
    reason: string;
    recordedBy: Practitioner;
    recordedAt: IsoInstant;
    childProtectionFile?: { records: string[]; transferDueBy: IsoDate };
  }
>;

/** The leaving school's DSL sent the file to the new school's DSL: a disclosure under the statutory duty. */
export type ChildProtectionFileSent = DomainEvent<
  'ChildProtectionFileSent',
  {
    childId: string;
    moveId: string;
    toSchoolId: string;
    records: string[];
    basis: typeof CHILD_PROTECTION_FILE_BASIS;
    sentBy: Practitioner;
    sentOn: IsoDate;
    sentAt: IsoInstant;
    /** Which school day at the new school, the start day being day 1 (0: before the child started). */
    schoolDay: number;
    breach?: TransferBreach;
    receiptDueBy: IsoDate;
  }
>;

/** The new school's DSL confirmed the file arrived: from now the new school reads it. */
export type ChildProtectionFileReceived = DomainEvent<
  'ChildProtectionFileReceived',
  { childId: string; moveId: string; receivedBy: Practitioner; receivedOn: IsoDate; breach?: TransferBreach }
>;

export type SchoolMoveEvent = SchoolMoveRecorded | ChildProtectionFileSent | ChildProtectionFileReceived;

const ofMove = { childId: text, moveId: text };
const breach = optional(record({ dueBy: date, reason: text }));

export const schoolMoveEventSchemas: EventSchema[] = [
  {
    type: 'SchoolMoveRecorded',
    schemaVersion: 1,
    // Why a child moves can say a great deal about the family: it is kept under the child's key.
    personalFields: ['reason'],
    payload: {
      ...ofMove,
      fromSchoolId: text,
      toSchoolId: text,
      startsOn: date,
      reason: text,
      recordedBy: practitioner,
      recordedAt: instant,
      childProtectionFile: optional(record({ records: list(text), transferDueBy: date })),
    },
  },
  {
    type: 'ChildProtectionFileSent',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      ...ofMove,
      toSchoolId: text,
      records: list(text),
      basis: record({ kind: oneOf(['without-consent']), ground: oneOf(['statutory-function']), justification: text }),
      sentBy: practitioner,
      sentOn: date,
      sentAt: instant,
      schoolDay: integer,
      breach,
      receiptDueBy: date,
    },
  },
  {
    type: 'ChildProtectionFileReceived',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofMove, receivedBy: practitioner, receivedOn: date, breach },
  },
];
