import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessLog } from '@app/access';
import { SecurityLog } from '@app/access';
import { Directory } from '@app/access';
import type { Role } from '@app/access';
import { AuthenticationError, TokenVerifier } from '@app/access';
import type { Policy } from '@app/access';
import { RestrictedRecords } from '@app/access';
import type { WebSession } from '@app/access';
import type { Actor } from '@app/domain';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { malformedInput, malformedInputRefusal } from '../http/malformed-input';
import { requestIdOf } from '../http/request-id';
import { ReadModelAccessFacts } from './access-facts';
import { PageSessions } from '../pages/page-sessions';
import { PAGE } from '../pages/page.decorator';
import { POLICY, PUBLIC } from './policy.decorator';
import { restrictedRecordRefusal } from './restricted-record.refusal';

export interface AccessRequest extends Request {
  actor?: Actor & { role: Role };
  /**
   * What the guard allowed: a later refusal by the domain is logged against the same resource
   * and child. `listBasis`: a child-level read of no one child (a list), logged once the
   * response shows which children it names. `view`: the audience's view the policy chose.
   * `restrictionChecked`: the child whose restriction the guard has already weighed for this actor.
   */
  access?: { resource: string; childId?: string; listBasis?: string; view?: string; restrictionChecked?: string };
  /** A web page's request: the session it came in (ADR 018). */
  webSession?: WebSession;
}

/**
 * Every request passes here: authenticate, then let the endpoint's one policy decide.
 * Default deny: an endpoint without a policy is refused to everyone. Child-level decisions,
 * and every refusal, are written to the access log before the handler runs; a list's read,
 * once its answer names the children (ChildrenNamedInterceptor).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly directory: Directory,
    private readonly accessLog: AccessLog,
    private readonly facts: ReadModelAccessFacts,
    private readonly restrictedRecords: RestrictedRecords,
    private readonly securityLog: SecurityLog,
    private readonly metrics: PlatformMetrics,
    private readonly pageSessions: PageSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AccessRequest>();
    // Junk no endpoint can take is refused before any policy reads it (a policy trusts its params' shape).
    const malformed = malformedInput({ path: request.params, query: request.query, body: request.body });
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) {
      if (malformed) throw malformedInputRefusal(malformed);
      return true;
    }
    const requestId = requestIdOf(request);
    const resource = `${request.method} ${request.route?.path ?? request.path}`;

    // A web page is the same request by another credential: its session, never a bearer token (ADR 018).
    const page = this.reflector.getAllAndOverride<boolean>(PAGE, targets) ?? false;
    const actor = await this.authenticate(request, resource, requestId, page);
    request.actor = actor;
    if (malformed) {
      await this.accessLog.append({
        ...actor,
        resource,
        outcome: 'refused',
        reason: `malformed request: ${malformed.message}`,
        requestId,
      });
      throw malformedInputRefusal(malformed);
    }
    const policy = this.reflector.get<Policy | undefined>(POLICY, context.getHandler());
    const decision = policy
      ? await policy.decide({
          actor,
          params: (request.params ?? {}) as Record<string, string>,
          query: request.query ?? {},
          body: request.body,
          facts: this.facts,
        })
      : ({ allowed: false, reason: 'this endpoint has no access policy' } as const);

    const weighsRestriction = decision.allowed && policy?.childLevel && decision.childId && !policy.opensRestricted;
    const restricted = weighsRestriction ? await this.restrictedRecords.restrictionOf(decision.childId!) : null;
    if (restricted && !restricted.namedUsers.includes(actor.userId)) {
      if (!(await this.restrictedRecords.hasOpenGlass(actor.userId, restricted.childId))) {
        await this.accessLog.append({
          ...actor,
          childId: restricted.childId,
          resource,
          outcome: 'refused',
          reason: 'restricted record',
          requestId,
        });
        throw restrictedRecordRefusal(restricted.childId);
      }
    }
    if (!decision.allowed) {
      await this.accessLog.append({
        ...actor,
        childId: decision.childId,
        resource,
        outcome: 'refused',
        reason: decision.reason,
        requestId,
      });
      if (decision.missing)
        throw new BadRequestException({
          error: 'Bad Request',
          field: decision.missing,
          rule: 'request.names-its-record',
          message: decision.reason,
        });
      throw new ForbiddenException({
        error: 'Forbidden',
        rule: `access.${policy?.name ?? 'no-policy'}`,
        message: decision.reason,
      });
    }
    if (policy?.childLevel && !decision.childId) {
      request.access = { resource, listBasis: decision.basis, view: decision.view };
      return true;
    }
    request.access = {
      resource,
      childId: decision.childId,
      view: decision.view,
      restrictionChecked: weighsRestriction ? decision.childId : undefined,
    };
    if (policy?.childLevel) {
      const basis = restricted ? `${decision.basis} + break-glass` : decision.basis;
      await this.accessLog.append({
        ...actor,
        childId: decision.childId,
        resource,
        outcome: 'allowed',
        basis,
        requestId,
      });
    }
    return true;
  }

  private async authenticate(
    request: AccessRequest,
    resource: string,
    requestId: string,
    page: boolean,
  ): Promise<Actor & { role: Role }> {
    try {
      const userId = page
        ? await this.pageSessions.userOf(request)
        : await this.tokens.subjectOf(request.header('authorization'));
      const user = await this.directory.user(userId);
      if (!user || !user.active) throw new AuthenticationError('unknown-user');
      return { userId: user.userId, role: user.role, agencyId: user.agencyId };
    } catch (error) {
      if (error instanceof AuthenticationError) {
        this.metrics.countFailedAuthentication(error.failure);
        // A hostile client chooses its request id: keep no more of it than an id needs.
        await this.securityLog.record({
          address: request.ip ?? request.socket.remoteAddress ?? 'unknown',
          reason: error.failure,
          resource,
          requestId: requestId.slice(0, 100),
        });
        throw new UnauthorizedException({
          error: 'Unauthorized',
          rule: `authentication.${error.failure}`,
          message: error.message,
        });
      }
      throw error;
    }
  }
}
