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
import { cafPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import { cafContributions, familyCopy, leadProfessionalView } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { CLOCK } from '../http/tokens';
import { StartCafCommand, TakeCafStepCommand } from './caf-commands';
import { StartCafBody } from './caf-bodies';
import { CAF_STEPS } from './caf-steps';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The Common Assessment (003 §1a) and the team around the child it gathers (§3b). */
@ApiTags('caf')
@ApiBearerAuth()
@Controller('cafs')
export class CafController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy(cafPolicies.start)
  @ApiRecorded(201, 'cafId')
  async start(
    @Body() body: StartCafBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { cafId: string } = await this.commands.execute(new StartCafCommand(body, requester));
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/cafs/${decided.cafId}`);
    return { cafId: decided.cafId, revision: decided.revision.toString() };
  }

  /** contributions, corrections, views, completion, tac-meetings, lead-professional, hand-over, actions, action-updates, reviews, closure. */
  @Post(':cafId/:step')
  @HttpCode(200)
  @Policy(cafPolicies.step)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  @ApiStepBodies(CAF_STEPS)
  @ApiRecorded(200, 'cafId', ['contributionId', 'viewsId', 'meetingId', 'actionId', 'reviewId'])
  async step(
    @Param('cafId', uuid) cafId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const step = stepNamed(CAF_STEPS, stepName);
    const fields = await stepBody(step, body);
    const decided: Decided & { assigned: Record<string, string> } = await this.commands.execute(
      new TakeCafStepCommand(cafId, step, fields, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return { cafId, revision: decided.revision.toString(), ...decided.assigned };
  }

  /** The lead professional's view: team, actions across agencies, overdue actions, next review; with every contribution as recorded. */
  @Get(':cafId')
  @Policy(cafPolicies.read)
  async read(@Param('cafId', uuid) cafId: string, @Res({ passthrough: true }) res: Response) {
    const view = await leadProfessionalView(this.dataSource.manager, cafId, dayOf(this.clock().toISOString()));
    if (!view) throw new NotFoundException({ message: `No CAF ${cafId}`, field: 'cafId' });
    res.setHeader('ETag', etagOf(BigInt(view.caf.revision)));
    return {
      ...view,
      contributions: await cafContributions(this.dataSource.manager, cafId, { includeSuperseded: true }),
    };
  }

  /** The family-held copy: only what the family may see. */
  @Get(':cafId/family-copy')
  @Policy(cafPolicies.familyCopy)
  async familyCopy(@Param('cafId', uuid) cafId: string) {
    const copy = await familyCopy(this.dataSource.manager, cafId);
    if (!copy) throw new NotFoundException({ message: `No CAF ${cafId}`, field: 'cafId' });
    return copy;
  }
}
