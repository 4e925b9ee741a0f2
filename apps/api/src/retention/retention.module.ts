import { Module } from '@nestjs/common';
import { RetentionActs } from './retention-acts';
import { RetentionController } from './retention.controller';
import { RetentionReviewJob } from '../process-managers/retention-review-job';

@Module({
  controllers: [RetentionController],
  providers: [RetentionActs, RetentionReviewJob],
  // The dpo's pages take the same acts.
  exports: [RetentionActs],
})
export class RetentionModule {}
