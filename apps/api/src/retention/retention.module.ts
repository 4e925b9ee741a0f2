import { Module } from '@nestjs/common';
import { RetentionActs } from './retention-acts';
import { RetentionController } from './retention.controller';
import { RetentionReviewJob } from '../process-managers/retention-review-job';

@Module({
  controllers: [RetentionController],
  providers: [RetentionActs, RetentionReviewJob],
})
export class RetentionModule {}
