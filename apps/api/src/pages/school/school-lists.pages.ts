import { Controller, Get, Inject, Param, Query, Render } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { referralPolicies } from '@app/access';
import { RestrictedRecords } from '@app/access';
import { dayOf } from '@app/domain';
import {
  caseOutcomes,
  endingsAndFollowUpsDue,
  mentorCaseload,
  mentorCaseloads,
  ONE_TO_ONE_CASELOAD_LIMIT,
  REFERRALS_AWAITING_TRIAGE,
  referralsAwaitingTriagePage,
  reviewsDue,
  schoolOutcomes,
} from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { PageQuery, pageRequestOf } from '../../http/paging';
import { Requester, type RequestContext } from '../../http/request-context';
import { CLOCK } from '../../http/tokens';
import { pageLinks } from '../page-links';
import { Page } from '../page.decorator';
import { outcomeBars } from './outcome-chart';

/**
 * The school's lists as pages, behind `school.lists`, the policy of GET /schools/:schoolId/…,
 * from the same read-model queries: each read is logged naming every child it shows.
 */
@Page()
@Controller('app/schools/:schoolId')
export class SchoolListPages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly restrictedRecords: RestrictedRecords,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('triage')
  @Policy(referralPolicies.schoolLists)
  @Render('school/triage-list')
  async triage(@Param('schoolId') schoolId: string, @Query() query: PageQuery, @Requester() { actor }: RequestContext) {
    const page = await referralsAwaitingTriagePage(
      this.dataSource.manager,
      { schoolId },
      pageRequestOf(REFERRALS_AWAITING_TRIAGE, query, await this.restrictedRecords.allHiddenFrom(actor)),
    );
    return {
      title: 'Referrals to triage',
      schoolId,
      referrals: page.rows,
      total: page.total,
      pagination: pageLinks(`/app/schools/${encodeURIComponent(schoolId)}/triage`, query, page),
    };
  }

  @Get('caseloads')
  @Policy(referralPolicies.schoolLists)
  @Render('school/caseloads')
  async caseloads(@Param('schoolId') schoolId: string) {
    const names = await this.names();
    const caseloads = await mentorCaseloads(this.dataSource.manager, { schoolId });
    return {
      title: 'Caseloads',
      schoolId,
      limit: ONE_TO_ONE_CASELOAD_LIMIT,
      caseloads: caseloads.map((c) => ({ ...c, mentorName: names.get(c.mentorId) ?? c.mentorId })),
    };
  }

  /** One mentor's open cases at this school (a mentor's cases at another school stay that school's). */
  @Get('caseloads/:mentorId')
  @Policy(referralPolicies.schoolLists)
  @Render('school/caseload')
  async caseload(@Param('schoolId') schoolId: string, @Param('mentorId') mentorId: string) {
    const caseload = await mentorCaseload(this.dataSource.manager, { mentorId });
    const names = await this.names();
    return {
      title: `Caseload: ${names.get(mentorId) ?? mentorId}`,
      schoolId,
      limit: ONE_TO_ONE_CASELOAD_LIMIT,
      mentorName: names.get(mentorId) ?? mentorId,
      caseload: { ...caseload, cases: caseload.cases.filter((c) => c.schoolId === schoolId) },
      today: this.today(),
    };
  }

  @Get('reviews')
  @Policy(referralPolicies.schoolLists)
  @Render('school/reviews')
  async reviews(@Param('schoolId') schoolId: string) {
    return {
      title: 'Reviews due and overdue',
      schoolId,
      names: Object.fromEntries(await this.names()),
      ...(await reviewsDue(this.dataSource.manager, { schoolId, asOf: this.today() })),
    };
  }

  @Get('endings')
  @Policy(referralPolicies.schoolLists)
  @Render('school/endings')
  async endings(@Param('schoolId') schoolId: string) {
    return {
      title: 'Endings and follow-ups',
      schoolId,
      names: Object.fromEntries(await this.names()),
      ...(await endingsAndFollowUpsDue(this.dataSource.manager, { schoolId, asOf: this.today() })),
    };
  }

  @Get('outcomes')
  @Policy(referralPolicies.schoolLists)
  @Render('school/outcomes')
  async outcomes(@Param('schoolId') schoolId: string) {
    const manager = this.dataSource.manager;
    const [school, cases] = await Promise.all([
      schoolOutcomes(manager, { schoolId }),
      caseOutcomes(manager, { schoolId }),
    ]);
    return {
      title: 'Outcomes at referral and exit',
      schoolId,
      school,
      cases,
      charts: [
        outcomeBars('Average attendance', '%', school.averageAttendanceAtReferral, school.averageAttendanceAtExit, 100),
        outcomeBars(
          'Average behaviour incidents',
          '',
          school.averageBehaviourIncidentsAtReferral,
          school.averageBehaviourIncidentsAtExit,
        ),
      ].filter((chart) => chart !== null),
    };
  }

  private async names(): Promise<Map<string, string>> {
    return new Map((await this.directory.users()).map((u) => [u.userId, u.displayName]));
  }

  private today(): string {
    return dayOf(this.clock().toISOString());
  }
}
