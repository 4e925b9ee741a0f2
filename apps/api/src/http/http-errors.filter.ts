import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AccessLog } from '@app/access';
import type { Actor } from '@app/domain';
import type { Request, Response } from 'express';
import { describeDatabaseError, isDatabaseError } from '@app/platform';
import { EventRefusedError, IdempotencyConflictError, WrongExpectedRevisionError } from '@app/event-store';
import { HTTP_STATUS_OF_KIND } from '@app/domain';
import { ChildRecordErasedError } from '@app/event-store';
import { answerAsPage, type FormRequest, isPageRequest } from '../pages/error-pages';
import { DomainRefusal } from './decisions';
import { requestIdOf } from './request-id';

/** A database fault is named by its code and place, never its message (which can quote a child's data). */
const faultOf = (exception: unknown): string => {
  const stack = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
  if (!isDatabaseError(exception)) return stack;
  // A stack's first line is the message: keep only the frames.
  return `database error ${describeDatabaseError(exception)}\n${stack.split('\n').slice(1).join('\n')}`;
};

const isClientError = (e: unknown): e is { status: number; type: string; message: string } =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { status?: unknown }).status === 'number' &&
  (e as { status: number }).status >= 400 &&
  (e as { status: number }).status < 500 &&
  typeof (e as { type?: unknown }).type === 'string';

/**
 * One mapping from failures to HTTP: a broken domain rule is 400/403/409 naming the rule,
 * a stale revision is 409, and only a real fault is a 500 (logged with the request id).
 */
@Catch()
@Injectable()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  constructor(private readonly accessLog: AccessLog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { actor?: Actor; access?: { resource: string; childId?: string } }>();
    const requestId = requestIdOf(request);
    // The same answer, as a page for the web pages (ADR 018), as JSON for everyone else.
    const send = (status: number, body: Record<string, unknown>) =>
      isPageRequest(request)
        ? answerAsPage(request as FormRequest, response, status, { ...body, requestId })
        : response.status(status).json({ statusCode: status, ...body, requestId });

    if (exception instanceof DomainRefusal) {
      const { rule, message, kind, field, details } = exception.error;
      const status = HTTP_STATUS_OF_KIND[kind];
      // The details say more than the sentence (a missing consent says which one, so the user knows whom to ask).
      const answer = () =>
        send(status, { error: STATUS_CODES[status], rule, message, ...(field ? { field } : {}), ...details });
      // A refusal the domain makes (a disclosure beyond its decision, self-approval) is audited like one the policy makes.
      if (kind === 'forbidden' && request.actor && request.access) {
        const { resource, childId } = request.access;
        this.accessLog
          .append({ ...request.actor, childId, resource, outcome: 'refused', reason: `${rule}: ${message}`, requestId })
          .catch((error: Error) =>
            this.logger.error(`request ${requestId}: the refusal could not be logged: ${error.message}`),
          )
          .finally(answer);
        return;
      }
      answer();
      return;
    }
    if (exception instanceof WrongExpectedRevisionError) {
      send(HttpStatus.CONFLICT, {
        error: 'Conflict',
        rule: 'concurrency.stale-revision',
        message: `The record changed since you read it (you sent revision ${String(exception.expected)}, it is now at ${String(exception.actual)}); reload and try again`,
        currentRevision: String(exception.actual),
      });
      return;
    }
    if (exception instanceof EventRefusedError) {
      // What the command would have recorded breaks the event's shape: the request's values are at fault.
      const { rule, field, reason } = exception;
      send(HttpStatus.BAD_REQUEST, { error: 'Bad Request', rule, message: reason, ...(field ? { field } : {}) });
      return;
    }
    if (exception instanceof ChildRecordErasedError) {
      // Disposed of or erased on request: nothing personal may be recorded about the child again (ADR 016).
      send(HttpStatus.CONFLICT, { error: 'Conflict', rule: 'child.record-erased', message: exception.message });
      return;
    }
    if (exception instanceof IdempotencyConflictError) {
      send(HttpStatus.CONFLICT, {
        error: 'Conflict',
        rule: 'concurrency.idempotency-conflict',
        message: exception.message,
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      send(status, typeof body === 'string' ? { message: body } : (body as Record<string, unknown>));
      return;
    }
    if (isClientError(exception)) {
      // body-parser's refusals (malformed JSON, body too large) are the client's mistake.
      send(exception.status, {
        error: STATUS_CODES[exception.status] ?? 'Bad Request',
        rule: `request.${exception.type}`,
        message: exception.message,
      });
      return;
    }
    this.logger.error(`request ${requestId} failed: ${faultOf(exception)}`);
    send(HttpStatus.INTERNAL_SERVER_ERROR, {
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; quote the request id',
    });
  }
}
