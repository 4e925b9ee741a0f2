import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MakeReferralHandler, TakeReferralStepHandler } from './referral-commands';
import { ReferralController } from './referral.controller';
import { SchoolListsController } from './school-lists.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ReferralController, SchoolListsController],
  providers: [MakeReferralHandler, TakeReferralStepHandler],
})
export class ReferralModule {}
