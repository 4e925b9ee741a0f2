import { BadRequestException } from '@nestjs/common';
// A NUL or half of a surrogate pair: the same text the event catalogue refuses, refused here before any policy reads it.
import { malformedText as UNREADABLE } from '@app/domain';

/** Deeper than any body the platform takes (a CAF action plan is 4 levels); deeper is an attack on the stack. */
export const MAX_BODY_DEPTH = 16;

/** Field names every JavaScript object already has: as a key they rewrite a prototype instead of carrying a value. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export interface MalformedInput {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

const PLACES = { path: 'path parameter', query: 'query parameter', body: 'body field' } as const;

/**
 * The first part of a request no endpoint can take, named as the endpoint names it
 * (`childId`, `before`, `items.0.fields`; `body` for the body itself): unreadable characters in any string or key,
 * a key such as `__proto__`, or
 * nesting past MAX_BODY_DEPTH. Walked without recursion, so a body nested 10,000 deep is
 * refused here instead of overflowing the stack in class-transformer or the hash chain.
 */
export function malformedInput(parts: Readonly<Record<'path' | 'query' | 'body', unknown>>): MalformedInput | null {
  // A list where an object belongs would reach a policy that reads its fields as absent.
  if (Array.isArray(parts.body))
    return { field: 'body', rule: 'request.body-object', message: 'The body must be a JSON object, not a list' };
  type Pending = { value: unknown; place: keyof typeof PLACES; at: string; depth: number };
  const pending: Pending[] = (Object.keys(PLACES) as Array<keyof typeof PLACES>).map((place) => ({
    value: parts[place],
    place,
    at: '',
    depth: 0,
  }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, place, at, depth } = next;
    const field = at || place;
    const named = `${at ? PLACES[place] : 'the'} ${field}`;
    if (typeof value === 'string') {
      if (UNREADABLE.test(value))
        return {
          field,
          rule: 'request.unreadable-text',
          message: `${named} holds a NUL character or a lone surrogate, which no record can keep`,
        };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH)
      return { field, rule: 'request.too-deep', message: `${named} is nested more than ${MAX_BODY_DEPTH} levels deep` };
    for (const [key, inner] of Object.entries(value)) {
      if (UNREADABLE.test(key))
        return {
          field,
          rule: 'request.unreadable-text',
          message: `${named} has a field name holding a NUL character or a lone surrogate`,
        };
      if (RESERVED_NAMES.has(key)) {
        const reserved = at ? `${at}.${key}` : key;
        return {
          field: reserved,
          rule: 'request.reserved-name',
          message: `${reserved} is not a field of any record (${[...RESERVED_NAMES].join(', ')} are refused)`,
        };
      }
      pending.push({ value: inner, place, at: at ? `${at}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

export const malformedInputRefusal = (found: MalformedInput) =>
  new BadRequestException({ error: 'Bad Request', ...found });
