import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type ConcernView, concernPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import { concern, concernAsReferred, concernsOfSchool, referralsToSocialCare } from '@app/projections';
import { Policy, PolicyView } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { CLOCK } from '../http/tokens';
import { RaiseConcernCommand, TakeConcernStepCommand } from './concern-commands';
import { RaiseConcernBody } from './concern-bodies';
import { CONCERN_STEPS } from './concern-steps';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Each audience's view of one concern, as `concernPolicies.read` assigns it. */
export const CONCERN_VIEWS: Record<ConcernView, typeof concern> = { school: concern, 'social-care': concernAsReferred };

/** A safeguarding concern from the first note to core groups (003 §1c; Working Together 2023). */
@ApiTags('safeguarding')
@ApiBearerAuth()
@Controller()
export class ConcernController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Post('concerns')
  @HttpCode(201)
  @Policy(concernPolicies.raise)
  @ApiRecorded(201, 'concernId')
  async raise(
    @Body() body: RaiseConcernBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { concernId: string } = await this.commands.execute(
      new RaiseConcernCommand(body, requester),
    );
    res.setHeader('Location', `/concerns/${decided.concernId}`);
    return { concernId: decided.concernId, revision: decided.revision.toString() };
  }

  /** review (DSL), social-care-decision, assessments, strategy-discussion, conferences, core-groups (social worker), mentor-reports (learning mentor). */
  @Post('concerns/:concernId/:step')
  @HttpCode(200)
  @Policy(concernPolicies.step)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  @ApiStepBodies(CONCERN_STEPS)
  @ApiRecorded(200, 'concernId', ['reportId'])
  async step(
    @Param('concernId', uuid) concernId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const step = stepNamed(CONCERN_STEPS, stepName);
    const fields = await stepBody(step, body);
    const decided: Decided & { assigned: Record<string, string> } = await this.commands.execute(
      new TakeConcernStepCommand(concernId, step, fields, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return { concernId, revision: decided.revision.toString(), ...decided.assigned };
  }

  @Get('concerns/:concernId')
  @Policy(concernPolicies.read)
  async read(@Param('concernId', uuid) concernId: string, @PolicyView() view: ConcernView) {
    const found = await CONCERN_VIEWS[view](this.dataSource.manager, concernId, dayOf(this.clock().toISOString()));
    if (!found) throw new NotFoundException({ message: `No concern ${concernId}`, field: 'concernId' });
    return found;
  }

  /** The DSL's queue: the school's concerns with each clock due, overdue, met or breached (with its reason). */
  @Get('schools/:schoolId/concerns')
  @Policy(concernPolicies.queue)
  queue(@Param('schoolId') schoolId: string) {
    return concernsOfSchool(this.dataSource.manager, schoolId, dayOf(this.clock().toISOString()));
  }

  /** Children's social care: referrals and concerns received, conference and core-group reports, clocks with breaches. */
  @Get('social-care/referrals')
  @Policy(concernPolicies.socialCare)
  referrals() {
    return referralsToSocialCare(this.dataSource.manager, dayOf(this.clock().toISOString()));
  }
}
