import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssessCompetenceHandler, RecordConsentDecisionHandler, WithdrawConsentHandler } from './consent-commands';
import { ConsentController } from './consent.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ConsentController],
  providers: [RecordConsentDecisionHandler, WithdrawConsentHandler, AssessCompetenceHandler],
})
export class ConsentModule {}
