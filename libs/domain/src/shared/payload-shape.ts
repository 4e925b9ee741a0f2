import { DomainError } from './decider';
import { isIsoDate, isIsoInstant } from './calendar';

/**
 * The shape of an event payload as the read models rely on it. The log is immutable, so
 * an event a projection cannot apply stops that read model for good: the catalogue checks
 * every payload against its shape before it is appended and refuses it naming the field.
 * Besides the declared types, every string anywhere must be well-formed text PostgreSQL
 * can store (no NUL, no lone UTF-16 surrogate), and null is refused unless declared.
 */
export type Shape =
  | { readonly kind: 'text' | 'date' | 'instant' | 'integer' | 'number' | 'boolean' | 'json' }
  | { readonly kind: 'one-of'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly of: Shape }
  | { readonly kind: 'record'; readonly fields: Fields }
  | { readonly kind: 'nullable'; readonly of: Shape };

export type Fields = Readonly<Record<string, Shape | Optional>>;
interface Optional {
  readonly kind: 'optional';
  readonly of: Shape;
}

export const text: Shape = { kind: 'text' };
export const date: Shape = { kind: 'date' };
export const instant: Shape = { kind: 'instant' };
export const integer: Shape = { kind: 'integer' };
export const number: Shape = { kind: 'number' };
export const boolean: Shape = { kind: 'boolean' };
/** Any JSON value (a snapshot the projection stores whole); still well-formed and bounded. */
export const json: Shape = { kind: 'json' };
export const oneOf = (values: readonly string[]): Shape => ({ kind: 'one-of', values });
export const list = (of: Shape): Shape => ({ kind: 'list', of });
export const record = (fields: Fields): Shape => ({ kind: 'record', fields });
export const nullable = (of: Shape): Shape => ({ kind: 'nullable', of });
export const optional = (of: Shape): Optional => ({ kind: 'optional', of });

/** Deeper than any payload the deciders build; past it a value is junk, not a record. */
const MAX_DEPTH = 32;

// A NUL, or (in unicode mode a paired surrogate is one code point) a lone UTF-16 surrogate.
// eslint-disable-next-line no-control-regex -- matching NUL is the point: PostgreSQL text cannot hold it
export const malformedText = /[\u0000\ud800-\udfff]/u;

const refuse = (field: string, rule: string, message: string): DomainError =>
  new DomainError(`event.${rule}`, `${field} ${message}`, 'invalid', field);

const described: Record<Exclude<Shape['kind'], 'one-of' | 'list' | 'record' | 'nullable'>, string> = {
  text: 'must be text',
  date: 'must be a date YYYY-MM-DD',
  instant: 'must be an ISO-8601 date and time',
  integer: 'must be a whole number (32-bit)',
  number: 'must be a number',
  boolean: 'must be true or false',
  json: 'must be a JSON value',
};

const fits: Record<keyof typeof described, (value: unknown) => boolean> = {
  text: (v) => typeof v === 'string',
  date: isIsoDate,
  instant: isIsoInstant,
  // Read models keep whole numbers in PostgreSQL `integer` columns: 32 bits, signed.
  integer: (v) => typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  json: () => true,
};

/** Every string (keys too) well-formed, no undeclared null, no runaway nesting. */
function checkWellFormed(value: unknown, field: string, depth: number, nullAllowed: boolean): DomainError | undefined {
  if (depth > MAX_DEPTH) return refuse(field, 'too-deep', `is nested more than ${MAX_DEPTH} levels deep`);
  if (value === null) return nullAllowed ? undefined : refuse(field, 'null', 'must not be null');
  if (typeof value === 'string')
    return malformedText.test(value)
      ? refuse(field, 'malformed-text', 'holds a NUL character or a lone surrogate')
      : undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : refuse(field, 'not-a-number', 'must be a finite number');
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const error = checkWellFormed(item, `${field}[${index}]`, depth + 1, nullAllowed);
      if (error) return error;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (malformedText.test(key))
        return refuse(field, 'malformed-text', 'has a field name with a NUL character or a lone surrogate');
      const error = item === undefined ? undefined : checkWellFormed(item, `${field}.${key}`, depth + 1, nullAllowed);
      if (error) return error;
    }
  }
  return undefined;
}

function checkShape(shape: Shape, value: unknown, field: string, depth: number): DomainError | undefined {
  switch (shape.kind) {
    case 'nullable':
      return value === null ? undefined : checkShape(shape.of, value, field, depth);
    case 'one-of':
      return typeof value === 'string' && shape.values.includes(value)
        ? checkWellFormed(value, field, depth, false)
        : refuse(field, 'not-allowed', `must be one of: ${shape.values.join(', ')}`);
    case 'list': {
      if (!Array.isArray(value)) return refuse(field, 'list-required', 'must be a list');
      for (const [index, item] of value.entries()) {
        const error = checkShape(shape.of, item, `${field}[${index}]`, depth + 1);
        if (error) return error;
      }
      return undefined;
    }
    case 'record':
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return refuse(field, 'record-required', 'must be an object');
      return checkFields(shape.fields, value as Record<string, unknown>, `${field}.`, depth + 1);
    default:
      if (value === null) return refuse(field, 'null', 'must not be null');
      return fits[shape.kind](value)
        ? checkWellFormed(value, field, depth, shape.kind === 'json')
        : refuse(field, `${shape.kind}-required`, described[shape.kind]);
  }
}

function checkFields(
  fields: Fields,
  data: Record<string, unknown>,
  prefix: string,
  depth: number,
): DomainError | undefined {
  for (const [name, declared] of Object.entries(fields)) {
    const value = data[name];
    const field = `${prefix}${name}`;
    if (declared.kind === 'optional') {
      const error = value === undefined ? undefined : checkShape(declared.of, value, field, depth);
      if (error) return error;
    } else {
      const error =
        value === undefined ? refuse(field, 'required', 'is required') : checkShape(declared, value, field, depth);
      if (error) return error;
    }
  }
  // Fields the shape does not name are still stored: they must at least be well-formed.
  for (const [name, value] of Object.entries(data)) {
    if (name in fields || value === undefined) continue;
    const error = checkWellFormed(value, `${prefix}${name}`, depth, false);
    if (error) return error;
  }
  return undefined;
}

/** The first way `data` breaks `fields` (undefined when it fits), naming the field. */
export const checkPayload = (fields: Fields | undefined, data: Record<string, unknown>): DomainError | undefined =>
  checkFields(fields ?? {}, data, '', 0);
