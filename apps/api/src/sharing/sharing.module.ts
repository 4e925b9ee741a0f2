import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CorrectionNoticeWorker } from '../process-managers/correction-notice-worker';
import { CorrectionNotices } from './correction-notices';
import { PreviewDisclosureHandler } from './disclosure-preview';
import { DisclosureAuditController } from './disclosure-audit.controller';
import { ReceivedController } from './received.controller';
import { SharingApprovalsController } from './sharing-approvals.controller';
import { ProposeSharingHandler, TakeSharingStepHandler } from './sharing-commands';
import { SharingController } from './sharing.controller';

@Module({
  imports: [CqrsModule],
  controllers: [SharingController, ReceivedController, DisclosureAuditController, SharingApprovalsController],
  providers: [
    ProposeSharingHandler,
    TakeSharingStepHandler,
    PreviewDisclosureHandler,
    CorrectionNotices,
    CorrectionNoticeWorker,
  ],
  exports: [CorrectionNoticeWorker],
})
export class SharingModule {}
