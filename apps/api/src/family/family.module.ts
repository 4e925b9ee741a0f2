import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LinkFamilyMemberHandler, UnlinkFamilyMemberHandler } from './family-commands';
import { FamilyController } from './family.controller';
import { FamilyRecord } from './family-record';
import { FamilyLinksController } from './family-links.controller';

/** Families see their own: the school links accounts to a child; the family reads and withdraws through the policy. */
@Module({
  imports: [CqrsModule],
  controllers: [FamilyLinksController, FamilyController],
  providers: [LinkFamilyMemberHandler, UnlinkFamilyMemberHandler, FamilyRecord],
  exports: [FamilyRecord],
})
export class FamilyModule {}
