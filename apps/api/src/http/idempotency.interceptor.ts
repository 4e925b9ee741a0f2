import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, map, of, type Observable } from 'rxjs';
import type { Actor } from '@app/domain';
import { IdempotencyKeys } from '@app/platform';
import { CLOCK } from './tokens';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_FORMAT = /^[A-Za-z0-9._:-]{1,255}$/;
/** What a retry must see again besides the body: where the created record is, and its revision. */
const REPLAYED_HEADERS = ['location', 'etag'] as const;

const keyProblem = (message: string) => ({ field: IDEMPOTENCY_KEY_HEADER, message });

/**
 * Every POST may carry an Idempotency-Key: a client whose reply was lost retries with the same
 * key and gets the first answer (status, body, Location, ETag, and Idempotency-Replayed: true)
 * without anything being written again. Keys are per user; the same key for another request
 * is a 422, and a key whose first request has not answered yet is a 409. Runs after the
 * access guard, so a retry is authorised (and logged) like the first request.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyKeys,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const key = request.header(IDEMPOTENCY_KEY_HEADER);
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
      throw new BadRequestException({
        error: 'Bad Request',
        rule: 'request.idempotency-key',
        ...keyProblem(
          `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 characters of A-Z a-z 0-9 . _ : - (a fresh UUID per request is a good choice)`,
        ),
      });
    }
    const { userId } = request.actor;
    const response = http.getResponse<Response>();
    const requested = `POST ${request.originalUrl}`;
    const claim = await this.keys.claim({ userId, key, request: requested, body: request.body, now: this.clock() });
    switch (claim.kind) {
      case 'replay': {
        response.status(claim.response.statusCode);
        for (const [name, value] of Object.entries(claim.response.headers)) response.setHeader(name, value);
        response.setHeader('Idempotency-Replayed', 'true');
        return of(claim.response.body);
      }
      case 'other-request':
        throw new UnprocessableEntityException({
          error: 'Unprocessable Entity',
          rule: 'idempotency.key-reused',
          ...keyProblem(
            `This ${IDEMPOTENCY_KEY_HEADER} was first used for ${claim.request === requested ? 'this endpoint with a different body' : claim.request}: ` +
              'a retry repeats the same request; a new request needs a new key',
          ),
        });
      case 'in-progress':
        throw new ConflictException({
          error: 'Conflict',
          rule: 'idempotency.in-progress',
          ...keyProblem(
            `The first request with this ${IDEMPOTENCY_KEY_HEADER} has not answered: it is still running, or was cut off by a restart. ` +
              'Retry shortly; if it stays so, check whether it took effect before sending it under a new key',
          ),
        });
      case 'claimed':
        return next.handle().pipe(
          concatMap((body: unknown) => {
            const headers = Object.fromEntries(
              REPLAYED_HEADERS.flatMap((name) =>
                response.getHeader(name) === undefined ? [] : [[name, String(response.getHeader(name))]],
              ),
            );
            return from(this.keys.complete(userId, key, { statusCode: response.statusCode, body, headers })).pipe(
              map(() => body),
            );
          }),
          // A refused or failed request wrote nothing: its key is free for the corrected retry.
          catchError((error: unknown) =>
            from(this.keys.release(userId, key)).pipe(
              concatMap(() => {
                throw error;
              }),
            ),
          ),
        );
    }
  }
}

/** The header in OpenAPI, on every POST the interceptor serves (all of them), with its two refusals. */
export function documentIdempotencyKey(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    const operation = path.post;
    if (!operation) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY_FORMAT.source, maxLength: 255 },
        description:
          'Makes a retry safe: the same key, from the same user, with the same request, answers the first response ' +
          '(with Idempotency-Replayed: true) and writes nothing again. Kept for 24 hours.',
      },
    ];
    operation.responses = {
      ...operation.responses,
      '409': operation.responses['409'] ?? {
        description: 'Conflict (among others: the first request with this Idempotency-Key has not answered yet)',
      },
      '422': { description: 'The Idempotency-Key was first used for a different request' },
    };
  }
}
