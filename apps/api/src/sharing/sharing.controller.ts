import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
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
import { sharingPolicies } from '@app/access';
import { sharingDecision } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { ProposeSharingCommand, TakeSharingStepCommand } from './sharing-commands';
import { ProposeSharingBody } from './sharing-bodies';
import { SHARING_STEPS } from './sharing-steps';

const uuid = new ParseUUIDPipe({ version: '4' });

/** A sharing decision (003 §1d, Boxes 13–16) and the disclosures made under it. */
@ApiTags('sharing')
@ApiBearerAuth()
@Controller('sharing')
export class SharingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy(sharingPolicies.propose)
  @ApiRecorded(201, 'sharingId')
  async propose(
    @Body() body: ProposeSharingBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { sharingId: string } = await this.commands.execute(
      new ProposeSharingCommand(body, requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/sharing/${decided.sharingId}`);
    return { sharingId: decided.sharingId, revision: decided.revision.toString() };
  }

  /** basis, checklist, approval, decision, disclosures, correction-notices. */
  @Post(':sharingId/:step')
  @HttpCode(200)
  @Policy(sharingPolicies.step)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  @ApiStepBodies(SHARING_STEPS)
  @ApiRecorded(200, 'sharingId', ['disclosureId', 'correctionId'])
  async step(
    @Param('sharingId', uuid) sharingId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const step = stepNamed(SHARING_STEPS, stepName);
    const fields = await stepBody(step, body);
    const decided: Decided & { assigned: Record<string, string> } = await this.commands.execute(
      new TakeSharingStepCommand(sharingId, step, fields, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return { sharingId, revision: decided.revision.toString(), events: decided.events.length, ...decided.assigned };
  }

  @Get(':sharingId')
  @Policy(sharingPolicies.read)
  async read(@Param('sharingId', uuid) sharingId: string) {
    const decision = await sharingDecision(this.dataSource.manager, sharingId);
    if (!decision) throw new NotFoundException({ message: `No sharing decision ${sharingId}`, field: 'sharingId' });
    return decision;
  }
}
