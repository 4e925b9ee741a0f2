import { DomainError } from './decider';
import { isIsoDate, isIsoInstant } from './calendar';

/**
 * Value checks shared by the deciders. Each returns a DomainError of kind `invalid`
 * naming the field (the API turns it into a 400 {field, rule}), or undefined.
 */
export const invalid = (rule: string, field: string, message: string): DomainError =>
  new DomainError(rule, message, 'invalid', field);

export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** A required free text; a feature names its own rule where its callers know it by that name. */
export function requireText(value: unknown, field: string, rule = 'value.text-required'): DomainError | undefined {
  return isText(value) ? undefined : invalid(rule, field, `${field} must be a non-empty text`);
}

export function requireDate(value: unknown, field: string, rule = 'value.date-required'): DomainError | undefined {
  return isIsoDate(value) ? undefined : invalid(rule, field, `${field} must be a date YYYY-MM-DD`);
}

/** The act a dated act follows, and the day it happened (absent when it has not). */
export interface PrecedingAct {
  readonly what: string;
  readonly on: string | undefined;
}

/**
 * Acts happen in order: one dated before the act it follows (a review before the concern was
 * raised, a decision before the referral) is refused, naming its day field. A later act can
 * then never move a clock that the earlier act started.
 */
export function notBefore(field: string, day: unknown, preceding: PrecedingAct): DomainError | undefined {
  return preceding.on !== undefined && typeof day === 'string' && day < preceding.on
    ? invalid('date.before-preceding-act', field, `${field} (${day}) is before ${preceding.what} (${preceding.on})`)
    : undefined;
}

export function requireInstant(value: unknown, field: string): DomainError | undefined {
  return isIsoInstant(value)
    ? undefined
    : invalid('value.instant-required', field, `${field} must be an ISO-8601 date and time`);
}

export function requireOneOf<T>(value: unknown, allowed: readonly T[], field: string): DomainError | undefined {
  return (allowed as readonly unknown[]).includes(value)
    ? undefined
    : invalid('value.not-allowed', field, `${field} must be one of: ${allowed.join(', ')}`);
}

export function requireNumberBetween(value: unknown, min: number, max: number, field: string): DomainError | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? undefined
    : invalid('value.out-of-range', field, `${field} must be a number from ${min} to ${max}`);
}

export function requireWholeNumber(value: unknown, field: string, min = 0): DomainError | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min
    ? undefined
    : invalid('value.whole-number-required', field, `${field} must be a whole number of at least ${min}`);
}

export function requireNonEmptyList(value: unknown, field: string): DomainError | undefined {
  return Array.isArray(value) && value.length > 0
    ? undefined
    : invalid('value.list-required', field, `${field} must list at least one item`);
}

/** The first failing check, in the order written: callers list checks field by field. */
export const firstError = (
  ...checks: ReadonlyArray<DomainError | undefined | (() => DomainError | undefined)>
): DomainError | undefined => {
  for (const check of checks) {
    const result = typeof check === 'function' ? check() : check;
    if (result) return result;
  }
  return undefined;
};
