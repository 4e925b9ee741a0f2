import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * What a client's x-request-id may be to be kept: it is stored in the hash-chained access log
 * and on every event as the correlation id, so it is short and plain (a UUID, a trace id).
 */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

interface IdentifiedRequest extends Request {
  id?: string;
}

/**
 * The request's id, assigned once: the client's x-request-id when it is well-formed, else
 * one generated here. Every response names it (X-Request-Id), and a refused client id is
 * said so (X-Request-Id-Refused), so a client correlating its calls knows to look again.
 */
export function requestIdOf(request: IdentifiedRequest): string {
  if (request.id) return request.id;
  const sent = request.header('x-request-id');
  const kept = sent !== undefined && CLIENT_REQUEST_ID.test(sent);
  request.id = kept ? sent : randomUUID();
  const response = request.res;
  if (response && !response.headersSent) {
    response.setHeader('X-Request-Id', request.id);
    if (sent !== undefined && !kept) {
      response.setHeader('X-Request-Id-Refused', 'x-request-id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -; the X-Request-Id given here replaces it');
    }
  }
  return request.id;
}

/** Express middleware: the id is fixed before anything else reads the request. */
export function assignRequestId(request: Request, _response: Response, next: NextFunction): void {
  requestIdOf(request);
  next();
}
