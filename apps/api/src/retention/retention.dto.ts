import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ERASURE_EXEMPTIONS, ERASURE_GROUNDS, ERASURE_OUTCOMES, ERASURE_REQUESTERS } from '@app/domain';
import { REVIEW_STATUSES, type ReviewStatus } from '@app/projections';
import { bodyShape, day, oneOf, optional, text } from '../http/body-shape';

/** Disposal takes no values: the record listed for review is disposed of. */
export class DisposalBody extends bodyShape({}) {}

/** Keep for a stated period: the day it is reviewed again, and why. */
export class KeepBody extends bodyShape({ keepUntil: day(), reason: text(2000) }) {}

export class LegalHoldBody extends bodyShape({ reason: text(2000) }) {}

export class LegalHoldLiftingBody extends bodyShape({ reason: text(2000) }) {}

/** UK GDPR Art. 17: who asks, and the day the request was received. */
export class ErasureRequestBody extends bodyShape({
  requesterKind: oneOf(ERASURE_REQUESTERS),
  requesterName: text(200),
  receivedOn: day(),
}) {}

/** An approval names its Art. 17(1) ground; a refusal the Art. 17(3) exemption that keeps the record. */
export class ErasureDecisionBody extends bodyShape({
  outcome: oneOf(ERASURE_OUTCOMES),
  ground: optional(oneOf(ERASURE_GROUNDS)),
  exemption: optional(oneOf(ERASURE_EXEMPTIONS)),
  reasons: text(2000),
}) {}

export class ReviewQueueQuery {
  @ApiPropertyOptional({
    enum: REVIEW_STATUSES,
    description: 'due: the queue awaiting the dpo; absent: every child with a retention history',
  })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: ReviewStatus;
}
