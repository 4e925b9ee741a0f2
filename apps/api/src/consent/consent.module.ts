import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssessCompetenceHandler, RecordConsentDecisionHandler, WithdrawConsentHandler } from './consent-commands';
import { ConsentController } from './consent.controller';
import { ConsentExpiry } from '../process-managers/consent-expiry';

@Module({
  imports: [CqrsModule],
  controllers: [ConsentController],
  providers: [RecordConsentDecisionHandler, WithdrawConsentHandler, AssessCompetenceHandler, ConsentExpiry],
})
export class ConsentModule {}
