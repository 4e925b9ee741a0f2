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
import { mastPolicies } from '@app/access';
import { mastRequest, requestDecisions } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { MakeMastRequestCommand, TakeMastRequestStepCommand } from './mast-request-commands';
import { MakeMastRequestBody } from './mast-bodies';
import { MAST_REQUEST_STEPS } from './mast-request-steps';

const uuid = new ParseUUIDPipe({ version: '4' });

/** A request for MAST involvement (001): made by the SENCo with the parents, decided at the weekly panel. */
@ApiTags('mast')
@ApiBearerAuth()
@Controller('mast-requests')
export class MastRequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy(mastPolicies.makeRequest)
  @ApiRecorded(201, 'requestId')
  async make(
    @Body() body: MakeMastRequestBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { requestId: string } = await this.commands.execute(
      new MakeMastRequestCommand(body, requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/mast-requests/${decided.requestId}`);
    return { requestId: decided.requestId, revision: decided.revision.toString() };
  }

  /** response-sent, first-contact, breaches, ending. */
  @Post(':requestId/:step')
  @HttpCode(200)
  @Policy(mastPolicies.requestStep)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  @ApiStepBodies(MAST_REQUEST_STEPS)
  @ApiRecorded(200, 'requestId')
  async step(
    @Param('requestId', uuid) requestId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const step = stepNamed(MAST_REQUEST_STEPS, stepName);
    const fields = await stepBody(step, body);
    const decided: Decided = await this.commands.execute(
      new TakeMastRequestStepCommand(requestId, step, fields, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return { requestId, revision: decided.revision.toString() };
  }

  /** The request with every panel decision on it (a deferral, then an acceptance). */
  @Get(':requestId')
  @Policy(mastPolicies.readRequest)
  async read(@Param('requestId', uuid) requestId: string, @Res({ passthrough: true }) res: Response) {
    const request = await mastRequest(this.dataSource.manager, requestId);
    if (!request) throw new NotFoundException({ message: `No MAST request ${requestId}`, field: 'requestId' });
    res.setHeader('ETag', etagOf(BigInt(request.revision)));
    return { ...request, decisions: await requestDecisions(this.dataSource.manager, requestId) };
  }
}
