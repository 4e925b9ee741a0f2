import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { AccessLog } from '@app/access';
import { childrenNamedIn, withoutChildren } from '@app/access';
import { AUDITOR_ROLE, RestrictedRecords } from '@app/access';
import type { AccessRequest } from './access.guard';
import { restrictedRecordRefusal } from './restricted-record.refusal';
import { requestIdOf } from '../http/request-id';

/**
 * Every answer passes here on its way out. A restricted child is left out of it for anyone
 * not named on the restriction, whatever list or read model it comes
 * from; and a list's read is logged once, with every child it named (item 10), so each
 * child's access history shows it.
 */
@Injectable()
export class ChildrenNamedInterceptor implements NestInterceptor {
  constructor(
    private readonly accessLog: AccessLog,
    private readonly restrictedRecords: RestrictedRecords,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AccessRequest>();
    if (context.getType() !== 'http' || !request.actor) return next.handle();
    return next.handle().pipe(
      // A list that failed named no one, but the read was allowed and asked: it is logged as before.
      catchError((error: unknown) => from(this.logList(request, [])).pipe(mergeMap(() => throwError(() => error)))),
      mergeMap((body: unknown) => this.answer(request, body)),
    );
  }

  private async answer(request: AccessRequest, body: unknown): Promise<unknown> {
    // Only JSON names children; a printed page is built from what its own endpoint allows.
    if (typeof body !== 'object' || body === null) {
      await this.logList(request, []);
      return body;
    }
    const actor = request.actor!;
    const sent: unknown = JSON.parse(JSON.stringify(body));
    const named = childrenNamedIn(sent);
    // The guard has just let this actor see the child the request named, restricted or not.
    const unweighed = named.filter((id) => id !== request.access?.restrictionChecked);
    const hidden =
      actor.role === AUDITOR_ROLE || unweighed.length === 0
        ? new Set<string>()
        : await this.restrictedRecords.hiddenFrom(actor.userId, unweighed);
    const seen = withoutChildren(sent, hidden);
    if (!seen) {
      const [childId] = [...hidden];
      await this.accessLog.append({
        ...actor,
        childId,
        resource: request.access?.resource ?? `${request.method} ${request.path}`,
        outcome: 'refused',
        reason: 'restricted record',
        requestId: requestIdOf(request),
      });
      throw restrictedRecordRefusal(childId);
    }
    await this.logList(
      request,
      named.filter((id) => !hidden.has(id)),
    );
    return seen.value;
  }

  private async logList(request: AccessRequest, namedChildren: readonly string[]): Promise<void> {
    const { access, actor } = request;
    if (access?.listBasis === undefined || !actor) return;
    await this.accessLog.append({
      ...actor,
      resource: access.resource,
      outcome: 'allowed',
      basis: access.listBasis,
      requestId: requestIdOf(request),
      namedChildren,
    });
  }
}
