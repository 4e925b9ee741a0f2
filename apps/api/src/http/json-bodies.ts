import type { NextFunction, Request, Response } from 'express';
import { isPageRequest } from '../pages/error-pages';
import { requestIdOf } from './request-id';

const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * The API reads JSON only. A body in any other type would reach the endpoint as an empty object,
 * be judged by its policy as a request for nothing, and come back as a 403 for what is a mistake
 * of the client's: it is a 415 naming the header instead. The pages post forms (ADR 018).
 */
export function requireJsonBodies(request: Request, response: Response, next: NextFunction): void {
  if (!hasBody(request) || isPageRequest(request) || request.is('application/json')) return next();
  const sent = request.headers['content-type'] ?? 'none';
  response.status(415).json({
    statusCode: 415,
    error: 'Unsupported Media Type',
    field: 'Content-Type',
    rule: 'request.content-type',
    message: `The body must be JSON with Content-Type: application/json (sent: ${sent})`,
    requestId: requestIdOf(request),
  });
}
