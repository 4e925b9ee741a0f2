import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { dayOf } from '@app/domain';
import { referralPolicies } from '@app/access';
import { RestrictedRecords } from '@app/access';
import {
  actionPlans,
  caseOutcomes,
  endingsAndFollowUpsDue,
  mentorCaseloads,
  PUPIL_REGISTER,
  pupilRegisterPage,
  REFERRALS_AWAITING_TRIAGE,
  referralsAwaitingTriagePage,
  reviewsDue,
  schoolOutcomes,
} from '@app/projections';
import { Policy } from '../access/policy.decorator';
import { PageQuery, pageRequestOf, sendPage } from '../http/paging';
import { Requester, type RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';

export class AsOfQuery {
  /** The day the list is for; today when absent. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** The school's read models: what the SENCo and learning mentors work from. */
@ApiTags('school')
@ApiBearerAuth()
@Controller('schools/:schoolId')
export class SchoolListsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly restrictedRecords: RestrictedRecords,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  private today(): string {
    return dayOf(this.clock().toISOString());
  }

  @Get('referrals-awaiting-triage')
  @Policy(referralPolicies.schoolLists)
  async awaitingTriage(
    @Param('schoolId') schoolId: string,
    @Query() query: PageQuery,
    @Requester() { actor }: RequestContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendPage(
      request,
      response,
      await referralsAwaitingTriagePage(
        this.dataSource.manager,
        { schoolId },
        pageRequestOf(REFERRALS_AWAITING_TRIAGE, query, await this.restrictedRecords.allHiddenFrom(actor)),
      ),
    );
  }

  /** The Learning Mentor Pupil Register (001), a page at a time (`?limit=`, `?cursor=`; `X-Total-Count`, `Link` rel=next). */
  @Get('pupil-register')
  @Policy(referralPolicies.schoolLists)
  async register(
    @Param('schoolId') schoolId: string,
    @Query() query: PageQuery,
    @Requester() { actor }: RequestContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return sendPage(
      request,
      response,
      await pupilRegisterPage(
        this.dataSource.manager,
        { schoolId },
        pageRequestOf(PUPIL_REGISTER, query, await this.restrictedRecords.allHiddenFrom(actor)),
      ),
    );
  }

  /** One-to-one caseload per mentor, overloaded above 15 (4e). */
  @Get('caseloads')
  @Policy(referralPolicies.schoolLists)
  caseloads(@Param('schoolId') schoolId: string) {
    return mentorCaseloads(this.dataSource.manager, { schoolId });
  }

  @Get('action-plans')
  @Policy(referralPolicies.schoolLists)
  plans(@Param('schoolId') schoolId: string) {
    return actionPlans(this.dataSource.manager, { schoolId });
  }

  @Get('reviews-due')
  @Policy(referralPolicies.schoolLists)
  reviews(@Param('schoolId') schoolId: string, @Query() query: AsOfQuery) {
    return reviewsDue(this.dataSource.manager, { schoolId, asOf: query.asOf ?? this.today() });
  }

  @Get('endings-and-follow-ups')
  @Policy(referralPolicies.schoolLists)
  endings(@Param('schoolId') schoolId: string, @Query() query: AsOfQuery) {
    return endingsAndFollowUpsDue(this.dataSource.manager, { schoolId, asOf: query.asOf ?? this.today() });
  }

  /** Attendance and behaviour at referral against exit, per case and for the school. */
  @Get('outcomes')
  @Policy(referralPolicies.schoolLists)
  async outcomes(@Param('schoolId') schoolId: string) {
    const manager = this.dataSource.manager;
    return { school: await schoolOutcomes(manager, { schoolId }), cases: await caseOutcomes(manager, { schoolId }) };
  }
}
