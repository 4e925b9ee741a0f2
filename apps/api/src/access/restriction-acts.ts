import { ConflictException, Injectable } from '@nestjs/common';
import { AccessLog } from '@app/access';
import { Directory } from '@app/access';
import { PRACTITIONER_ROLES } from '@app/access';
import { RestrictedRecords } from '@app/access';
import type { RequestContext } from '../http/request-context';
import { namedUser } from './directory-references';

/**
 * Restricting a record and breaking its glass: what the API's routes and the DSL's pages both
 * do, so a page can never restrict without checking the named users, or open a record
 * without its reason in the access log.
 */
@Injectable()
export class RestrictionActs {
  constructor(
    readonly restricted: RestrictedRecords,
    private readonly accessLog: AccessLog,
    private readonly directory: Directory,
  ) {}

  async restrict(childId: string, reason: string, namedUsers: readonly string[], { actor }: RequestContext) {
    for (const [index, userId] of namedUsers.entries()) {
      await namedUser(this.directory, `namedUsers[${index}]`, userId, {
        roles: PRACTITIONER_ROLES,
        as: 'a practitioner',
      });
    }
    return this.restricted.restrict(childId, actor, reason, namedUsers);
  }

  /** Opens a restricted record for an hour; the stated reason goes into the access log and to the dpo. */
  async breakGlass(childId: string, reason: string, { actor, requestId }: RequestContext) {
    // Nothing to break: an unrestricted record is read through the relationship alone, and an opening would only clutter the dpo's review.
    if (!(await this.restricted.restrictionOf(childId))) {
      throw new ConflictException({
        error: 'Conflict',
        rule: 'restriction.not-restricted',
        message: `The record of ${childId} is not restricted; there is no glass to break`,
        field: 'childId',
      });
    }
    const opening = await this.restricted.breakGlass(childId, actor, reason);
    await this.accessLog.append({
      ...actor,
      childId,
      resource: 'break-glass',
      outcome: 'allowed',
      basis: 'break-glass',
      reason,
      requestId,
    });
    return opening;
  }
}
