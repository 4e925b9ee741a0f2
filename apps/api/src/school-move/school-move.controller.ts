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
import { type ChildProtectionFileView, schoolMovePolicies } from '@app/access';
import { dayOf } from '@app/domain';
import { childProtectionTransfers, schoolMove } from '@app/projections';
import { Policy, PolicyView } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { CLOCK } from '../http/tokens';
import { childProtectionFile } from './child-protection-file';
import { RecordSchoolMoveBody, SCHOOL_MOVE_STEPS } from './school-move-bodies';
import { RecordSchoolMoveCommand, TakeSchoolMoveStepCommand } from './school-move-commands';

const uuid = new ParseUUIDPipe({ version: '4' });

/** A child moves school; the child-protection file follows on its own, within 5 school days, with a receipt (KCSIE). */
@ApiTags('school moves')
@ApiBearerAuth()
@Controller()
export class SchoolMoveController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  private today(): string {
    return dayOf(this.clock().toISOString());
  }

  @Post('children/:childId/school-moves')
  @HttpCode(201)
  @Policy(schoolMovePolicies.record)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: "The child record's ETag you read; a stale one is refused with 409",
  })
  @ApiRecorded(201, 'moveId')
  async record(
    @Param('childId', uuid) childId: string,
    @Body() body: RecordSchoolMoveBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { moveId: string } = await this.commands.execute(
      new RecordSchoolMoveCommand(childId, body, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/school-moves/${decided.moveId}`);
    const move = await schoolMove(this.dataSource.manager, decided.moveId, this.today());
    return {
      moveId: decided.moveId,
      revision: decided.revision.toString(),
      transferDueBy: move?.childProtectionFile?.transfer.dueBy ?? null,
    };
  }

  /** child-protection-file-sent (the leaving school's DSL), child-protection-file-received (the new school's). */
  @Post('school-moves/:moveId/:step')
  @HttpCode(200)
  @Policy(schoolMovePolicies.step)
  @ApiStepBodies(SCHOOL_MOVE_STEPS)
  @ApiRecorded(200, 'moveId')
  async step(
    @Param('moveId', uuid) moveId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Requester() requester: RequestContext,
  ) {
    const step = stepNamed(SCHOOL_MOVE_STEPS, stepName);
    const fields = await stepBody(step, body);
    const decided: Decided = await this.commands.execute(
      new TakeSchoolMoveStepCommand(moveId, step, fields, requester),
    );
    return { moveId, revision: decided.revision.toString() };
  }

  @Get('school-moves/:moveId')
  @Policy(schoolMovePolicies.read)
  async read(@Param('moveId', uuid) moveId: string) {
    const found = await schoolMove(this.dataSource.manager, moveId, this.today());
    if (!found) throw new NotFoundException({ message: `No school move ${moveId}`, field: 'moveId' });
    return found;
  }

  /** The file's records: what the leaving school recorded itself, or, from receipt, all the new school received. */
  @Get('school-moves/:moveId/child-protection-file')
  @Policy(schoolMovePolicies.file)
  async file(
    @Param('moveId', uuid) moveId: string,
    @PolicyView() view: ChildProtectionFileView,
    @Requester() requester: RequestContext,
  ) {
    const found = await schoolMove(this.dataSource.manager, moveId, this.today());
    if (!found) throw new NotFoundException({ message: `No school move ${moveId}`, field: 'moveId' });
    const records = found.records;
    const file = await childProtectionFile(
      this.dataSource.manager,
      records,
      this.today(),
      view === 'recorded-it' ? requester.actor.agencyId : undefined,
    );
    return { moveId, childId: found.childId, ...file };
  }

  /** The DSL's list: files the school sends and receives, their clocks, and every breach (a late transfer, an unconfirmed receipt). */
  @Get('schools/:schoolId/child-protection-transfers')
  @Policy(schoolMovePolicies.transfers)
  transfers(@Param('schoolId') schoolId: string) {
    return childProtectionTransfers(this.dataSource.manager, schoolId, this.today());
  }
}
