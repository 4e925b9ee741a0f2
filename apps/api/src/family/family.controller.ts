import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { familyPolicies } from '@app/access';
import { childrenLinkedTo } from '@app/projections';
import { Policy, PolicyView } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { ApiRecorded } from '../http/recorded-answer';
import { Requester, type RequestContext } from '../http/request-context';
import { FamilyWithdrawalBody } from './family-bodies';
import { FamilyRecord } from './family-record';
import type { FamilyAudience } from './family-view';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * The family's own record (DESIGN §3 "Family" read model): a linked parent or carer, or the
 * young person who decides for themselves, reads the family-held CAF, the consents and what
 * was shared. Every read passes the one access policy and lands in the access log, and each
 * that shows the child's information in the disclosure ledger (ADR 024).
 */
@ApiTags('family')
@ApiBearerAuth()
@Controller('family/children')
export class FamilyController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly record: FamilyRecord,
  ) {}

  /** The children this account is linked to now. */
  @Get()
  @Policy(familyPolicies.ownChildren)
  children(@Requester() requester: RequestContext) {
    return childrenLinkedTo(this.dataSource.manager, requester.actor.userId);
  }

  /** The family-held copy of each CAF of the child. */
  @Get(':childId/cafs')
  @Policy(familyPolicies.read)
  async cafs(
    @Param('childId', uuid) childId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    return { childId, cafs: await this.record.cafs(childId, audience, requester) };
  }

  /** The consent decisions: a parent's side for a parent, every one for the young person. */
  @Get(':childId/consents')
  @Policy(familyPolicies.read)
  async consents(
    @Param('childId', uuid) childId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    return { childId, consents: await this.record.consents(childId, audience, requester) };
  }

  /** What was shared about the child: the family's copy of the subject-access report (ADR 010), within what the child allows a parent. */
  @Get(':childId/shared')
  @Policy(familyPolicies.read)
  shared(
    @Param('childId', uuid) childId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    return this.record.shared(childId, audience, requester);
  }

  /**
   * Withdraws a consent, effective at once (Box 14): the consent domain's own command, with
   * the reader as who withdrew and this request as the written evidence. Whose consent one may
   * withdraw is the consent domain's rule (a parent never a competent child's own).
   */
  @Post(':childId/consents/:consentId/withdrawal')
  @HttpCode(200)
  @Policy(familyPolicies.withdrawConsent)
  @ApiRecorded(200, 'consentId')
  async withdraw(
    @Param('childId', uuid) childId: string,
    @Param('consentId', uuid) consentId: string,
    @Body() body: FamilyWithdrawalBody,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    const decided: Decided = await this.record.withdraw(
      childId,
      consentId,
      body.reason as string | undefined,
      audience,
      requester,
    );
    return { consentId, revision: decided.revision.toString() };
  }
}
