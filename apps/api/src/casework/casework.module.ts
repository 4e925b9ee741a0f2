import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MakeReferralHandler, TakeReferralStepHandler } from './casework-commands';
import { CaseworkController } from './casework.controller';
import { SchoolListsController } from './school-lists.controller';

@Module({
  imports: [CqrsModule],
  controllers: [CaseworkController, SchoolListsController],
  providers: [MakeReferralHandler, TakeReferralStepHandler],
})
export class CaseworkModule {}
