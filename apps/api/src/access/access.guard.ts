import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessLog } from '@app/access/audit/access-log';
import { Directory } from '@app/access/directory/directory';
import type { Role } from '@app/access/directory/roles';
import { AuthenticationError, TokenVerifier } from '@app/access/identity/token-verifier';
import type { Policy } from '@app/access/policy/policy';
import { RestrictedRecords } from '@app/access/restriction/restricted-records';
import type { Actor } from '@app/domain/shared/actor';
import { requestIdOf } from '../platform/request-id';
import { ReadModelAccessFacts } from './access-facts';
import { POLICY, PUBLIC } from './policy.decorator';

interface AccessRequest extends Request {
  id?: string;
  actor?: Actor;
  /** What the guard allowed: a later refusal by the domain is logged against the same resource and child. */
  access?: { resource: string; childId?: string };
}

/**
 * Every request passes here: authenticate, then let the endpoint's one policy decide.
 * Default deny: an endpoint without a policy is refused to everyone. Child-level decisions,
 * and every refusal, are written to the access log before the handler runs.
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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const requestId = requestIdOf(request);

    const actor = await this.authenticate(request);
    request.actor = actor;
    const resource = `${request.method} ${request.route?.path ?? request.path}`;
    const policy = this.reflector.get<Policy | undefined>(POLICY, context.getHandler());
    const decision = policy
      ? await policy.decide({ actor, params: (request.params ?? {}) as Record<string, string>, query: request.query ?? {}, body: request.body, facts: this.facts })
      : ({ allowed: false, reason: 'this endpoint has no access policy' } as const);

    const restricted = decision.allowed && policy?.childLevel && decision.childId && !policy.opensRestricted
      ? await this.restrictedRecords.restrictionOf(decision.childId)
      : null;
    if (restricted && !restricted.namedUsers.includes(actor.userId)) {
      if (!(await this.restrictedRecords.hasOpenGlass(actor.userId, restricted.childId))) {
        await this.accessLog.append({ ...actor, childId: restricted.childId, resource, outcome: 'refused', reason: 'restricted record', requestId });
        throw new ForbiddenException({
          error: 'Forbidden',
          rule: 'access.restricted-record',
          message: `This record is restricted. If you have a legitimate need, open it with POST /children/${restricted.childId}/break-glass stating your reason: it is logged and reviewed`,
        });
      }
    }
    if (!decision.allowed) {
      await this.accessLog.append({ ...actor, childId: decision.childId, resource, outcome: 'refused', reason: decision.reason, requestId });
      throw new ForbiddenException({ error: 'Forbidden', rule: `access.${policy?.name ?? 'no-policy'}`, message: decision.reason });
    }
    request.access = { resource, childId: decision.childId };
    if (policy?.childLevel) {
      const basis = restricted ? `${decision.basis} + break-glass` : decision.basis;
      await this.accessLog.append({ ...actor, childId: decision.childId, resource, outcome: 'allowed', basis, requestId });
    }
    return true;
  }

  private async authenticate(request: AccessRequest): Promise<Actor & { role: Role }> {
    try {
      const userId = await this.tokens.subjectOf(request.header('authorization'));
      const user = await this.directory.user(userId);
      if (!user || !user.active) throw new AuthenticationError('unknown-user');
      return { userId: user.userId, role: user.role, agencyId: user.agencyId };
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw new UnauthorizedException({ error: 'Unauthorized', rule: `authentication.${error.failure}`, message: error.message });
      }
      throw error;
    }
  }
}
