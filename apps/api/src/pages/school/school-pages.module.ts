import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConsentPage } from './consent.page';
import { ReferralPages } from './referral.pages';
import { SchoolListPages } from './school-lists.pages';

/** The school's learning mentors' and SENCo's pages. */
@Module({
  imports: [CqrsModule],
  controllers: [SchoolListPages, ReferralPages, ConsentPage],
})
export class SchoolPagesModule {}
