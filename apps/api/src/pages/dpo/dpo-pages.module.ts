import { Module } from '@nestjs/common';
import { AuditPage } from './audit.page';
import { BreakGlassPage } from './break-glass.page';
import { DisclosuresPage } from './disclosures.page';
import { PdfPrinter } from './pdf-printer';

/** The data-protection officer's pages: the access log, the disclosure ledger, break-glass reviews. */
@Module({
  controllers: [AuditPage, DisclosuresPage, BreakGlassPage],
  providers: [PdfPrinter],
})
export class DpoPagesModule {}
