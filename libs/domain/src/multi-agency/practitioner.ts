import type { Actor } from '../shared';
import { optional, record, text } from '../shared/payload-shape';

/** A named practitioner of one agency, as recorded in an event (attribution). */
export interface Practitioner {
  readonly userId: string;
  readonly role: string;
  readonly agencyId: string;
}

/** The payload shape of a Practitioner, and of one named as well (catalogue checks). */
export const practitioner = record({ userId: text, role: text, agencyId: text });
export const namedPractitioner = record({ userId: text, role: text, agencyId: text, name: optional(text) });

export const practitionerOf = (actor: Actor): Practitioner => ({
  userId: actor.userId,
  role: actor.role,
  agencyId: actor.agencyId,
});

/** Families and children hold their own records; they do not write practitioners' ones. */
export const isFamily = (actor: Actor): boolean => actor.role === 'parent-carer' || actor.role === 'young-person';
