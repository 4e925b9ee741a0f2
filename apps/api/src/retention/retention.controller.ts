import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { retentionPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import type { ErasureExemption, ErasureGround, ErasureOutcome, ErasureRequester } from '@app/domain';
import { retentionReviewOf, retentionReviews } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import { RetentionActs } from './retention-acts';
import {
  DisposalBody,
  ErasureDecisionBody,
  ErasureRequestBody,
  KeepBody,
  LegalHoldBody,
  LegalHoldLiftingBody,
  ReviewQueueQuery,
} from './retention.dto';

const uuid = new ParseUUIDPipe({ version: '4' });
const answer = (decided: Decided) => ({ revision: decided.revision.toString() });

/** Retention review, legal holds and erasure on request: the dpo's queue and acts (ADR 016). */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('retention')
export class RetentionController {
  constructor(
    private readonly acts: RetentionActs,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** The review queue (`status=due`, each with its decide-by day and clock) and every other child with a retention history, each with its decisions. */
  @Get('reviews')
  @Policy(retentionPolicies.queue)
  reviews(@Query() query: ReviewQueueQuery) {
    return retentionReviews(this.dataSource.manager, this.today(), query.status);
  }

  @Get('children/:childId')
  @Policy(retentionPolicies.child)
  async review(@Param('childId', uuid) childId: string) {
    const review = await retentionReviewOf(this.dataSource.manager, this.today(), childId);
    if (!review)
      throw new NotFoundException({
        error: 'Not Found',
        message: `No retention history for child ${childId}`,
        field: 'childId',
      });
    return review;
  }

  /** Dispose: the child's data key is deleted (crypto-shredding); a legal hold stops it (409). */
  @Post('children/:childId/disposal')
  @HttpCode(200)
  @Policy(retentionPolicies.child)
  async dispose(
    @Param('childId', uuid) childId: string,
    @Body() _body: DisposalBody,
    @Requester() requester: RequestContext,
  ) {
    return { childId, ...answer(await this.acts.dispose(childId, requester)) };
  }

  @Post('children/:childId/keep')
  @HttpCode(200)
  @Policy(retentionPolicies.child)
  async keep(@Param('childId', uuid) childId: string, @Body() body: KeepBody, @Requester() requester: RequestContext) {
    return {
      childId,
      ...answer(await this.acts.keep(childId, body as { keepUntil: string; reason: string }, requester)),
    };
  }

  @Post('children/:childId/legal-holds')
  @Policy(retentionPolicies.child)
  async placeHold(
    @Param('childId', uuid) childId: string,
    @Body() body: LegalHoldBody,
    @Requester() requester: RequestContext,
  ) {
    const decided = await this.acts.placeHold(childId, body as { reason: string }, requester);
    return { childId, holdId: decided.holdId, ...answer(decided) };
  }

  @Post('children/:childId/legal-holds/:holdId/lifting')
  @HttpCode(200)
  @Policy(retentionPolicies.child)
  async liftHold(
    @Param('childId', uuid) childId: string,
    @Param('holdId', uuid) holdId: string,
    @Body() body: LegalHoldLiftingBody,
    @Requester() requester: RequestContext,
  ) {
    return {
      childId,
      holdId,
      ...answer(await this.acts.liftHold(childId, holdId, body as { reason: string }, requester)),
    };
  }

  @Post('children/:childId/erasure-requests')
  @Policy(retentionPolicies.child)
  async requestErasure(
    @Param('childId', uuid) childId: string,
    @Body() body: ErasureRequestBody,
    @Requester() requester: RequestContext,
  ) {
    const decided = await this.acts.requestErasure(
      childId,
      body as { requesterKind: ErasureRequester; requesterName: string; receivedOn: string },
      requester,
    );
    return { childId, requestId: decided.requestId, ...answer(decided) };
  }

  /** Approved: every agency that received the child's information is told, then the record is erased. */
  @Post('children/:childId/erasure-requests/:requestId/decision')
  @HttpCode(200)
  @Policy(retentionPolicies.child)
  async decideErasure(
    @Param('childId', uuid) childId: string,
    @Param('requestId', uuid) requestId: string,
    @Body() body: ErasureDecisionBody,
    @Requester() requester: RequestContext,
  ) {
    const decision = body as {
      outcome: ErasureOutcome;
      ground?: ErasureGround;
      exemption?: ErasureExemption;
      reasons: string;
    };
    return { childId, requestId, ...answer(await this.acts.decideErasure(childId, requestId, decision, requester)) };
  }

  private today(): string {
    return dayOf(this.clock().toISOString());
  }
}
