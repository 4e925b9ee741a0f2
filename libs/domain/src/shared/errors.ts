import type { ErrorCatalogue } from './errors-catalogue';

/** The rules every feature shares: values, dates, and the shape of an event (checked as it is stored). */
export const sharedErrors = {
  'date.before-preceding-act': { kind: 'invalid', message: 'A dated act is before the act it follows' },
  'event.boolean-required': { kind: 'invalid', message: 'The field must be true or false' },
  'event.date-required': { kind: 'invalid', message: 'The field must be a date YYYY-MM-DD' },
  'event.instant-required': { kind: 'invalid', message: 'The field must be an ISO-8601 date and time' },
  'event.integer-required': { kind: 'invalid', message: 'The field must be a whole number (32-bit)' },
  'event.json-required': { kind: 'invalid', message: 'The field must be a JSON value' },
  'event.list-required': { kind: 'invalid', message: 'The field must be a list' },
  'event.malformed-text': { kind: 'invalid', message: 'The field holds a NUL character or a lone surrogate' },
  'event.not-a-number': { kind: 'invalid', message: 'The field must be a finite number' },
  'event.not-allowed': { kind: 'invalid', message: 'The field must be one of: …' },
  'event.null': { kind: 'invalid', message: 'The field must not be null' },
  'event.number-required': { kind: 'invalid', message: 'The field must be a number' },
  'event.record-required': { kind: 'invalid', message: 'The field must be an object' },
  'event.required': { kind: 'invalid', message: 'The field is required' },
  'event.text-required': { kind: 'invalid', message: 'The field must be text' },
  'event.too-deep': { kind: 'invalid', message: 'The field is nested more than … levels deep' },
  'value.date-required': { kind: 'invalid', message: 'The field must be a date YYYY-MM-DD' },
  'value.instant-required': { kind: 'invalid', message: 'The field must be an ISO-8601 date and time' },
  'value.list-required': { kind: 'invalid', message: 'The field must list at least one item' },
  'value.not-allowed': { kind: 'invalid', message: 'The field must be one of the values allowed' },
  'value.out-of-range': { kind: 'invalid', message: 'The field must be a number in the range allowed' },
  'value.required': { kind: 'invalid', message: 'The field is required' },
  'value.text-required': { kind: 'invalid', message: 'The field must be a non-empty text' },
  'value.whole-number-required': {
    kind: 'invalid',
    message: 'The field must be a whole number of at least the minimum',
  },
} as const satisfies ErrorCatalogue;
