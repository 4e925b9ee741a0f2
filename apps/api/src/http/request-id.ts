import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * What a client's x-request-id may be to be kept: it is stored in the hash-chained access log
 * and on every event as the correlation id, so it is short and plain (a UUID, a trace id).
 */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Express's request or the bare one pino-http sees first: whichever asks first fixes the id. */
type IdentifiedRequest = IncomingMessage & { id?: unknown; res?: ServerResponse };

/**
 * The request's id, assigned once: the client's x-request-id when it is well-formed, else
 * one generated here. Every response names it (X-Request-Id), and a refused client id is
 * said so (X-Request-Id-Refused), so a client correlating its calls knows to look again.
 */
export function requestIdOf(request: IdentifiedRequest, response: ServerResponse | undefined = request.res): string {
  if (typeof request.id === 'string') return request.id;
  const header = request.headers['x-request-id'];
  const sent = Array.isArray(header) ? header.join(',') : header;
  const kept = sent !== undefined && CLIENT_REQUEST_ID.test(sent);
  const id = kept ? sent : randomUUID();
  request.id = id;
  if (response && !response.headersSent) {
    response.setHeader('X-Request-Id', id);
    if (sent !== undefined && !kept) {
      response.setHeader(
        'X-Request-Id-Refused',
        'x-request-id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -; the X-Request-Id given here replaces it',
      );
    }
  }
  return id;
}

/** Express middleware: the id is fixed before anything else reads the request. */
export function assignRequestId(request: Request, _response: Response, next: NextFunction): void {
  requestIdOf(request);
  next();
}
