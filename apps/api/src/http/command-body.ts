import { BadRequestException } from '@nestjs/common';

export type Body = Record<string, unknown>;

/**
 * A request body that becomes a domain command. The fields the platform fills in (ids it
 * assigns, the actor, consent it reads, "now") may not be smuggled in by the caller.
 */
export function commandBody(body: unknown, platformFields: readonly string[]): Body {
  bodyObject(body);
  const given = platformFields.find((field) => field in body);
  if (given)
    throw new BadRequestException({
      error: 'Bad Request',
      rule: 'request.platform-field',
      message: `${given} is set by the platform, not the request`,
      field: given,
    });
  return body as Body;
}

/** A body is one JSON object, never a list or a bare value. */
export function bodyObject(body: unknown): asserts body is Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException({
      error: 'Bad Request',
      rule: 'request.body-object',
      message: 'The body must be a JSON object',
      field: 'body',
    });
  }
}
