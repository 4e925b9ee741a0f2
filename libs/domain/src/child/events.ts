import type { DomainEvent, EventSchema } from '../shared';
import { date, type Fields, integer, list, oneOf, optional, text } from '../shared/payload-shape';

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
export type ChildDetailsCorrected = DomainEvent<
  'ChildDetailsCorrected',
  Partial<ChildDetails> & { childId: string; reason: string }
>;

export type ChildEvent = ChildRegistered | ChildDetailsCorrected;

const personal = ['givenName', 'familyName', 'dateOfBirth', 'upn'] as const;

const details = {
  givenName: text,
  familyName: text,
  dateOfBirth: date,
  upn: optional(text),
  schoolId: text,
  yearGroup: integer,
  flags: list(oneOf(CHILD_FLAGS)),
};
const corrections: Fields = Object.fromEntries(
  Object.entries(details).map(([name, shape]) => [name, shape.kind === 'optional' ? shape : optional(shape)]),
);

export const childEventSchemas: EventSchema[] = [
  { type: 'ChildRegistered', schemaVersion: 1, personalFields: personal, payload: { childId: text, ...details } },
  {
    type: 'ChildDetailsCorrected',
    schemaVersion: 1,
    personalFields: personal,
    payload: { childId: text, reason: text, ...corrections },
  },
];

export const childStream = (childId: string): string => `child-${childId}`;
