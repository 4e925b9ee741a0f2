import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReceivedPage } from './received.page';
import { ReferralsPage } from './referrals.page';

/** Children's social care's pages: the referrals inbox, each referral and its acts; what other agencies disclosed to the practitioner's agency. */
@Module({
  imports: [CqrsModule],
  controllers: [ReferralsPage, ReceivedPage],
})
export class SocialCarePagesModule {}
