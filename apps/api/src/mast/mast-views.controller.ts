import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { mastPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import {
  type DeadlineState,
  keyWorkerCaseload,
  keyWorkerCaseloads,
  mastDeadlines,
  panelDecisionLog,
} from '@app/projections';
import { Policy } from '../access/policy.decorator';
import { CLOCK } from '../http/tokens';
import { DayPipe } from './day.pipe';

const STATES: readonly DeadlineState[] = ['due', 'overdue', 'breached', 'met'];

/** MAST's working lists: decisions across panels, deadlines with their owners, key workers' caseloads. */
@ApiTags('mast')
@ApiBearerAuth()
@Controller('mast')
export class MastViewsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('decision-log')
  @Policy(mastPolicies.readPanel)
  decisionLog(
    @Query('from', new DayPipe('from', true)) from?: string,
    @Query('to', new DayPipe('to', true)) to?: string,
  ) {
    return panelDecisionLog(this.dataSource.manager, { from, to });
  }

  /** Response (5 working days after the panel) and first contact (10 after the decision): due, overdue, breached, met. */
  @Get('deadlines')
  @Policy(mastPolicies.deadlines)
  deadlines(
    @Query('today', new DayPipe('today', true)) today?: string,
    @Query('owner') owner?: string,
    @Query('state') state?: string,
  ) {
    const states = state === undefined ? undefined : state.split(',');
    if (states?.some((s) => !STATES.includes(s as DeadlineState))) {
      throw new BadRequestException({
        error: 'Bad Request',
        rule: 'request.deadline-state',
        message: `state is one or more of ${STATES.join(', ')}`,
        field: 'state',
      });
    }
    return mastDeadlines(this.dataSource.manager, {
      today: today ?? dayOf(this.clock().toISOString()),
      ownerUserId: owner,
      states: states as DeadlineState[] | undefined,
    });
  }

  @Get('caseloads')
  @Policy(mastPolicies.caseloads)
  caseloads() {
    return keyWorkerCaseloads(this.dataSource.manager);
  }

  @Get('caseloads/:workerId')
  @Policy(mastPolicies.caseload)
  caseload(@Param('workerId') workerId: string) {
    return keyWorkerCaseload(this.dataSource.manager, workerId);
  }
}
