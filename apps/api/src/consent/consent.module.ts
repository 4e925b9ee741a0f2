import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordConsentDecisionHandler, WithdrawConsentHandler } from './consent-commands';
import { ConsentController } from './consent.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ConsentController],
  providers: [RecordConsentDecisionHandler, WithdrawConsentHandler],
})
export class ConsentModule {}
