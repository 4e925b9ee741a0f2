import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CorrectionNotices } from './correction-notices';
import { DisclosureAuditController } from './disclosure-audit.controller';
import { ReceivedController } from './received.controller';
import { ProposeSharingHandler, TakeSharingStepHandler } from './sharing-commands';
import { SharingController } from './sharing.controller';

@Module({
  imports: [CqrsModule],
  controllers: [SharingController, ReceivedController, DisclosureAuditController],
  providers: [ProposeSharingHandler, TakeSharingStepHandler, CorrectionNotices],
  exports: [CorrectionNotices],
})
export class SharingModule {}
