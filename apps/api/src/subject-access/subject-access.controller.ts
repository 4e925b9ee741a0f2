import {
  BadRequestException,
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
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { subjectAccessPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import type { RequestStatus } from '@app/domain';
import { subjectAccessQueue, subjectAccessRequest } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import { type Decided, Decisions } from '../http/decisions';
import { ApiRecorded } from '../http/recorded-answer';
import { Requester, type RequestContext } from '../http/request-context';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { CLOCK } from '../http/tokens';
import { subjectAccessPage } from '../sharing/subject-access-page';
import { releasedPack } from './released-pack';
import { RecordSubjectAccessRequestBody } from './subject-access-bodies';
import { RecordSubjectAccessRequestCommand, TakeSubjectAccessStepCommand } from './subject-access-commands';
import { SUBJECT_ACCESS_STEPS } from './subject-access-steps';

const uuid = new ParseUUIDPipe({ version: '4' });
const STATUSES: readonly RequestStatus[] = ['due', 'overdue', 'answered'];

/** Subject-access requests (UK GDPR Art. 15; the 2005 Regulations): the dpo's work, each on its clock. */
@ApiTags('subject-access')
@ApiBearerAuth()
@Controller('subject-access-requests')
export class SubjectAccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy(subjectAccessPolicies.work)
  @ApiRecorded(201, 'requestId')
  async record(
    @Body() body: RecordSubjectAccessRequestBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { requestId: string } = await this.commands.execute(
      new RecordSubjectAccessRequestCommand(body, requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/subject-access-requests/${decided.requestId}`);
    return { requestId: decided.requestId, revision: decided.revision.toString() };
  }

  /** `extension`: once, by up to two months; `response`: the pack released to the requester (answered with it) and the request closed. */
  @Post(':requestId/:step')
  @HttpCode(200)
  @Policy(subjectAccessPolicies.work)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  @ApiStepBodies(SUBJECT_ACCESS_STEPS)
  @ApiRecorded(200, 'requestId', ['disclosureId'])
  async step(
    @Param('requestId', uuid) requestId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const step = stepNamed(SUBJECT_ACCESS_STEPS, stepName);
    const fields = await stepBody(step, body);
    const decided: Decided & { disclosureId?: string; digest?: string } = await this.commands.execute(
      new TakeSubjectAccessStepCommand(requestId, step, fields, revisionFromIfMatch(ifMatch), requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return {
      requestId,
      revision: decided.revision.toString(),
      events: decided.events.length,
      ...(decided.disclosureId ? { disclosureId: decided.disclosureId, digest: decided.digest } : {}),
    };
  }

  /** The dpo's queue: overdue, due and answered (`?status=` one of them), with breaches and their reasons. */
  @Get()
  @Policy(subjectAccessPolicies.work)
  queue(@Query('status') status: string | undefined) {
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
      throw new BadRequestException({ message: `status is ${STATUSES.join(', ')}`, field: 'status' });
    return subjectAccessQueue(
      this.dataSource.manager,
      dayOf(this.clock().toISOString()),
      status as RequestStatus | undefined,
    );
  }

  /**
   * The pack as it was released to the requester, from the log where it is sealed with the
   * child's data key: JSON, or the printable page with `?format=html`, to send by the channel
   * recorded. Its digest is the one the request was closed with.
   */
  @Get(':requestId/response-pack')
  @Policy(subjectAccessPolicies.work)
  async responsePack(
    @Param('requestId', uuid) requestId: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (format !== undefined && format !== 'html' && format !== 'json')
      throw new BadRequestException({ message: 'format is html or json', field: 'format' });
    const pack = await releasedPack(this.decisions, requestId);
    if (format !== 'html') return pack;
    res.type('html');
    return subjectAccessPage(pack);
  }

  @Get(':requestId')
  @Policy(subjectAccessPolicies.work)
  async read(@Param('requestId', uuid) requestId: string) {
    const found = await subjectAccessRequest(this.dataSource.manager, dayOf(this.clock().toISOString()), requestId);
    if (!found) throw new NotFoundException({ message: `No subject-access request ${requestId}`, field: 'requestId' });
    return found;
  }
}
