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
import { referralPolicies } from '@app/access';
import { mentorCaseRecord } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { ApiStepBodies, stepBody, stepNamed } from '../http/steps';
import { etagOf, revisionFromIfMatch } from '../http/revision-header';
import { MakeReferralCommand, TakeReferralStepCommand } from './referral-commands';
import { MakeReferralBody } from './referral-bodies';
import { REFERRAL_STEPS } from './referral-steps';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * A learning-mentor case from referral to follow-up (R.A.F.I.E.). Bodies are the domain's
 * commands; the domain names any bad field and any step taken out of order.
 */
@ApiTags('referral')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(201)
  @Policy(referralPolicies.refer)
  @ApiRecorded(201, 'referralId')
  async refer(
    @Body() body: MakeReferralBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { referralId: string } = await this.commands.execute(
      new MakeReferralCommand(body, requester),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    res.setHeader('Location', `/referrals/${decided.referralId}`);
    return { referralId: decided.referralId, revision: decided.revision.toString() };
  }

  @Post(':referralId/:step')
  @HttpCode(200)
  @Policy(referralPolicies.step)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one is refused with 409' })
  @ApiStepBodies(REFERRAL_STEPS)
  @ApiRecorded(200, 'referralId', ['assessmentId', 'planId', 'sessionId', 'reviewId', 'followUpId'])
  async step(
    @Param('referralId', uuid) referralId: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const step = stepNamed(REFERRAL_STEPS, stepName);
    const decided: Decided & { assigned?: Record<string, string> } = await this.commands.execute(
      new TakeReferralStepCommand(
        referralId,
        step,
        await stepBody(step, body),
        revisionFromIfMatch(ifMatch),
        requester,
      ),
    );
    res.setHeader('ETag', etagOf(decided.revision));
    return { referralId, revision: decided.revision.toString(), ...decided.assigned };
  }

  @Get(':referralId')
  @Policy(referralPolicies.read)
  async read(@Param('referralId', uuid) referralId: string, @Res({ passthrough: true }) res: Response) {
    const record = await mentorCaseRecord(this.dataSource.manager, referralId);
    if (!record) throw new NotFoundException({ message: `No referral ${referralId}`, field: 'referralId' });
    res.setHeader('ETag', etagOf(BigInt(record.revision)));
    return record;
  }
}
