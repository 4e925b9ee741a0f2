import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CorrectionNoticeWorker } from './correction-notice-worker';
import { CorrectionNotices } from './correction-notices';
import { DisclosureAuditController } from './disclosure-audit.controller';
import { ReceivedController } from './received.controller';
import { ProposeSharingHandler, TakeSharingStepHandler } from './sharing-commands';
import { SharingController } from './sharing.controller';

@Module({
  imports: [CqrsModule],
  controllers: [SharingController, ReceivedController, DisclosureAuditController],
  providers: [ProposeSharingHandler, TakeSharingStepHandler, CorrectionNotices, CorrectionNoticeWorker],
  exports: [CorrectionNoticeWorker],
})
export class SharingModule {}
