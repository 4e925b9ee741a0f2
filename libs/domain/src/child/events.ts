import type { DomainEvent, EventSchema } from '../shared';

export const CHILD_FLAGS = ['looked-after', 'young-carer', 'forces-family', 'sen'] as const;
export type ChildFlag = (typeof CHILD_FLAGS)[number];

export interface ChildDetails {
  readonly givenName: string;
  readonly familyName: string;
  /** ISO date, YYYY-MM-DD. */
  readonly dateOfBirth: string;
  /** Unique Pupil Number, when the child has one. */
  readonly upn?: string;
  readonly schoolId: string;
  readonly yearGroup: number;
  readonly flags: readonly ChildFlag[];
}

export type ChildRegistered = DomainEvent<'ChildRegistered', ChildDetails & { childId: string }>;
/** Only the fields that changed, with the reason for the correction. */
export type ChildDetailsCorrected = DomainEvent<'ChildDetailsCorrected', Partial<ChildDetails> & { childId: string; reason: string }>;

export type ChildEvent = ChildRegistered | ChildDetailsCorrected;

const personal = ['givenName', 'familyName', 'dateOfBirth', 'upn'] as const;

export const childEventSchemas: EventSchema[] = [
  { type: 'ChildRegistered', schemaVersion: 1, personalFields: personal },
  { type: 'ChildDetailsCorrected', schemaVersion: 1, personalFields: personal },
];

export const childStream = (childId: string): string => `child-${childId}`;
