import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { administrationPolicies } from '@app/access';
import { childPolicies } from '@app/access';
import { RestrictedRecords } from '@app/access';
import { Requester, type RequestContext } from '../http/request-context';
import { Policy } from './policy.decorator';
import { RestrictionActs } from './restriction-acts';

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
    private readonly acts: RestrictionActs,
  ) {}

  @Put('children/:childId/restriction')
  @Policy(childPolicies.restrict)
  restrict(@Param('childId') childId: string, @Body() body: Restriction, @Requester() requester: RequestContext) {
    return this.acts.restrict(childId, body.reason, body.namedUsers, requester);
  }

  @Delete('children/:childId/restriction')
  @HttpCode(204)
  @Policy(childPolicies.restrict)
  async lift(@Param('childId') childId: string) {
    if (!(await this.restricted.lift(childId)))
      throw new NotFoundException({ message: `The record of ${childId} is not restricted`, field: 'childId' });
  }

  /** Opens a restricted record for an hour; the stated reason goes into the access log and to the dpo. */
  @Post('children/:childId/break-glass')
  @Policy(childPolicies.breakGlass)
  breakGlass(@Param('childId') childId: string, @Body() body: StatedReason, @Requester() requester: RequestContext) {
    return this.acts.breakGlass(childId, body.reason, requester);
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
