import { Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { AccessLog } from '@app/access/audit/access-log';
import { Directory } from '@app/access/directory/directory';
import { PRACTITIONER_ROLES } from '@app/access/directory/roles';
import { administrationPolicies } from '@app/access/policy/administration.policies';
import { childPolicies } from '@app/access/policy/children.policies';
import { RestrictedRecords } from '@app/access/restriction/restricted-records';
import { Requester, type RequestContext } from '../platform/request-context';
import { namedUser } from './directory-references';
import { Policy } from './policy.decorator';

export class Restriction {
  @IsString()
  @Length(10, 500, { message: 'reason must say why the record is restricted (10 to 500 characters)' })
  reason!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,62}$/, { each: true, message: 'namedUsers must be directory user ids' })
  namedUsers!: string[];
}

export class StatedReason {
  @IsString()
  @Length(10, 500, { message: 'reason must state the need in 10 to 500 characters' })
  reason!: string;
}

export class ReviewNote {
  @IsString()
  @Length(2, 500)
  note!: string;
}

@ApiTags('restricted records')
@ApiBearerAuth()
@Controller()
export class RestrictionController {
  constructor(
    private readonly restricted: RestrictedRecords,
    private readonly accessLog: AccessLog,
    private readonly directory: Directory,
  ) {}

  @Put('children/:childId/restriction')
  @Policy(childPolicies.restrict)
  async restrict(@Param('childId') childId: string, @Body() body: Restriction, @Requester() { actor }: RequestContext) {
    for (const [index, userId] of body.namedUsers.entries()) {
      await namedUser(this.directory, `namedUsers[${index}]`, userId, { roles: PRACTITIONER_ROLES, as: 'a practitioner' });
    }
    return this.restricted.restrict(childId, actor, body.reason, body.namedUsers);
  }

  @Delete('children/:childId/restriction')
  @HttpCode(204)
  @Policy(childPolicies.restrict)
  async lift(@Param('childId') childId: string) {
    if (!(await this.restricted.lift(childId))) throw new NotFoundException({ message: `The record of ${childId} is not restricted`, field: 'childId' });
  }

  /** Opens a restricted record for an hour; the stated reason goes into the access log and to the dpo. */
  @Post('children/:childId/break-glass')
  @Policy(childPolicies.breakGlass)
  async breakGlass(@Param('childId') childId: string, @Body() body: StatedReason, @Requester() { actor, requestId }: RequestContext) {
    // Nothing to break: an unrestricted record is read through the relationship alone, and an opening would only clutter the dpo's review.
    if (!(await this.restricted.restrictionOf(childId))) {
      throw new ConflictException({ error: 'Conflict', rule: 'restriction.not-restricted', message: `The record of ${childId} is not restricted; there is no glass to break`, field: 'childId' });
    }
    const opening = await this.restricted.breakGlass(childId, actor, body.reason);
    await this.accessLog.append({ ...actor, childId, resource: 'break-glass', outcome: 'allowed', basis: 'break-glass', reason: body.reason, requestId });
    return opening;
  }

  @Get('audit/break-glass')
  @Policy(administrationPolicies.reviewBreakGlass)
  awaitingReview() {
    return this.restricted.awaitingReview();
  }

  @Post('audit/break-glass/:id/review')
  @HttpCode(200)
  @Policy(administrationPolicies.reviewBreakGlass)
  async review(@Param('id') id: string, @Body() body: ReviewNote, @Requester() { actor }: RequestContext) {
    if (!/^\d+$/.test(id) || !(await this.restricted.review(id, actor, body.note))) {
      throw new NotFoundException({ message: `No break-glass opening ${id} awaiting review`, field: 'id' });
    }
    return { id, reviewedBy: actor.userId };
  }
}
