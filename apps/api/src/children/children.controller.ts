import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { childPolicies } from '@app/access';
import type { Response } from 'express';
import type { ChildRecord } from '@app/projections';
import type { Decided } from '../http/decisions';
import { Policy } from '../access/policy.decorator';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { CorrectChildDetailsCommand, RegisterChildCommand } from './child-commands';
import { GetChildRecordQuery } from './child-queries';
import { CorrectChildDetailsDto, RegisterChildDto } from './child-details.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('children')
@ApiBearerAuth()
@Controller('children')
export class ChildrenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy(childPolicies.register)
  @ApiRecorded(201, 'childId')
  async register(
    @Body() body: RegisterChildDto,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { childId: string } = await this.commands.execute(
      new RegisterChildCommand(body, requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/children/${decided.childId}`);
    return { childId: decided.childId, revision: decided.revision.toString() };
  }

  @Patch(':childId')
  @Policy(childPolicies.correct)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  async correct(
    @Param('childId', uuid) childId: string,
    @Body() body: CorrectChildDetailsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { reason, ...changes } = body;
    const decided: Decided = await this.commands.execute(
      new CorrectChildDetailsCommand(childId, changes, reason, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return { childId, revision: decided.revision.toString() };
  }

  @Get(':childId')
  @Policy(childPolicies.read)
  async get(@Param('childId', uuid) childId: string, @Res({ passthrough: true }) res: Response): Promise<ChildRecord> {
    const record: ChildRecord = await this.queries.execute(new GetChildRecordQuery(childId));
    res.setHeader('ETag', etagOf(record.revision));
    return record;
  }
}
