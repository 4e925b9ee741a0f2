import { type Actor, DomainError } from '../shared';
import { isIsoDate, type IsoDate } from '../shared/calendar';
import { optional, record, text } from '../shared/payload-shape';

/**
 * Values the MAST request, the MAST panel and the CAF share. Days are `YYYY-MM-DD`
 * strings (they compare as strings), instants full ISO-8601 timestamps. No clock is read
 * in the domain: every "today" and "now" comes in with the command.
 */
export { isIsoDate, isIsoInstant, dayOf } from '../shared/calendar';
export type { IsoDate, IsoInstant } from '../shared/calendar';

/** 0 = Sunday … 6 = Saturday, the day of the week a calendar day falls on. */
export const weekdayOf = (day: IsoDate): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * Consent coverage as the consent context (libs/domain/src/consent) answers it for a
 * purpose: the caller asks it and passes the answer in, so these deciders stay pure and
 * never read another stream. Structurally a subset of that context's CoverageAnswer.
 */
export type ConsentCoverage =
  | { readonly covered: true; readonly consentId: string }
  | { readonly covered: false; readonly reason: string; readonly explanation?: string };

/** A named practitioner of one agency, as recorded in an event (attribution). */
export interface Practitioner {
  readonly userId: string;
  readonly role: string;
  readonly agencyId: string;
}

/** The payload shape of a Practitioner, and of one named as well (catalogue checks). */
export const practitioner = record({ userId: text, role: text, agencyId: text });
export const namedPractitioner = record({ userId: text, role: text, agencyId: text, name: optional(text) });

export const practitionerOf = (actor: Actor): Practitioner => ({ userId: actor.userId, role: actor.role, agencyId: actor.agencyId });

/** Families and children hold their own records; they do not write practitioners' ones. */
export const isFamily = (actor: Actor): boolean => actor.role === 'parent-carer' || actor.role === 'young-person';

export const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim().length === 0;

/** A required free-text field, refused as `invalid` naming the field when empty. */
export function requireText(rule: string, field: string, value: unknown): DomainError | undefined {
  return blank(value) ? new DomainError(rule, `${field} is required`, 'invalid', field) : undefined;
}

export function requireDay(rule: string, field: string, value: unknown): DomainError | undefined {
  return isIsoDate(value) ? undefined : new DomainError(rule, `${field} must be a day (YYYY-MM-DD)`, 'invalid', field);
}

/**
 * Working days (weekends and England & Wales bank holidays excluded), from a configured
 * calendar the caller supplies. The deciders only need to move forward by N working days.
 */
export interface WorkingDayCalendar {
  /** The day `days` working days after `from` (from itself not counted). */
  addWorkingDays(from: IsoDate, days: number): IsoDate;
}

/**
 * Which working day after `from` a day falls on (1 = the next working day), for
 * "first contact on working day 9". A day that is not a working day counts as the next one.
 */
export function workingDayNumber(calendar: WorkingDayCalendar, from: IsoDate, day: IsoDate, limit = 366): number {
  if (day <= from) return 0;
  for (let n = 1; n <= limit; n += 1) if (calendar.addWorkingDays(from, n) >= day) return n;
  return limit;
}

/** Refuses a command whose first failing check is an error: `firstError(a, b, c)`. */
export const firstError = (...checks: Array<DomainError | undefined>): DomainError | undefined => checks.find((c) => c !== undefined);
