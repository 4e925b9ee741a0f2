import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CafPage } from './caf.page';

/** The lead professional's pages: the CAFs they lead, each CAF, its family-held copy, its steps. */
@Module({
  imports: [CqrsModule],
  controllers: [CafPage],
})
export class CafPagesModule {}
