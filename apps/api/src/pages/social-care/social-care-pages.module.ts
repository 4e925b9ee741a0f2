import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReferralsPage } from './referrals.page';

/** Children's social care's pages: the referrals inbox, each referral and its acts (what reached the agency: pages/sharing/received.page.ts). */
@Module({
  imports: [CqrsModule],
  controllers: [ReferralsPage],
})
export class SocialCarePagesModule {}
