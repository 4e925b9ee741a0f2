import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RetentionModule } from '../../retention/retention.module';
import { AuditPage } from './audit.page';
import { BreakGlassPage } from './break-glass.page';
import { DisclosuresPage } from './disclosures.page';
import { PdfPrinter } from './pdf-printer';
import { RetentionPage } from './retention.page';
import { SubjectAccessRequestsPage } from './subject-access-requests.page';

/** The data-protection officer's pages: the access log, the disclosure ledger, break-glass reviews, subject-access requests, retention reviews. */
@Module({
  imports: [CqrsModule, RetentionModule],
  controllers: [AuditPage, DisclosuresPage, BreakGlassPage, SubjectAccessRequestsPage, RetentionPage],
  providers: [PdfPrinter],
})
export class DpoPagesModule {}
