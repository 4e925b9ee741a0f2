import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConcernPages } from './safeguarding/concern.pages';
import { FamilyLinksPages } from './safeguarding/family-links.pages';
import { RestrictionPages } from './safeguarding/restriction.pages';
import { ReceivedPage } from './sharing/received.page';
import { SharingApprovalPages } from './sharing/sharing-approval.page';
import { SharingBasisPages } from './sharing/sharing-basis.page';
import { SharingDecisionPages } from './sharing/sharing-decision.page';
import { SharingDisclosurePages } from './sharing/sharing-disclosure.page';
import { SharingProposalPages } from './sharing/sharing-proposal.page';

/** The DSL's pages and lawful sharing step by step, each behind its API twin's policy. */
@Module({
  imports: [CqrsModule],
  controllers: [
    ConcernPages,
    RestrictionPages,
    FamilyLinksPages,
    SharingProposalPages,
    SharingBasisPages,
    SharingApprovalPages,
    SharingDecisionPages,
    SharingDisclosurePages,
    ReceivedPage,
  ],
})
export class SafeguardingPagesModule {}
