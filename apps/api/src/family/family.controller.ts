import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access/audit/access-log';
import { Directory } from '@app/access/directory/directory';
import { familyPolicies } from '@app/access/policy/family.policies';
import type { ConsentGiver, ParentRelationship } from '@app/domain/consent/events';
import { categoriesWithheldFromParents } from '@app/domain/family/parents-view';
import type { InformationCategory } from '@app/domain/shared';
import { consentDecisionsOf } from '@app/projections/consent/queries';
import { childrenLinkedTo, familyCopiesOfChild, liveLinkOf } from '@app/projections/family/queries';
import { Policy, PolicyView } from '../access/policy.decorator';
import { WithdrawConsentCommand } from '../consent/consent-commands';
import type { Decided } from '../platform/decisions';
import { ApiRecorded } from '../platform/recorded-answer';
import { Requester, type RequestContext } from '../platform/request-context';
import { CLOCK } from '../platform/tokens';
import { subjectAccessReport } from '../sharing/subject-access-report';
import { FamilyWithdrawalBody } from './family-bodies';
import { type FamilyAudience, cafCopyFor, consentsFor } from './family-view';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * The family's own record (DESIGN §3 "Family" read model): a linked parent or carer, or the
 * young person who decides for themselves, reads the family-held CAF, the consents and what
 * was shared. Every read passes the one access policy and lands in the access log.
 */
@ApiTags('family')
@ApiBearerAuth()
@Controller('family/children')
export class FamilyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** What a competent child refused their parents; nothing for the young person reading their own. */
  private async withheldFrom(audience: FamilyAudience, childId: string): Promise<ReadonlySet<InformationCategory>> {
    if (audience === 'young-person') return new Set();
    return new Set(categoriesWithheldFromParents(await consentDecisionsOf(this.dataSource.manager, childId), this.clock().toISOString()));
  }

  /** The children this account is linked to now. */
  @Get()
  @Policy(familyPolicies.ownChildren)
  children(@Requester() requester: RequestContext) {
    return childrenLinkedTo(this.dataSource.manager, requester.actor.userId);
  }

  /** The family-held copy of each CAF of the child. */
  @Get(':childId/cafs')
  @Policy(familyPolicies.read)
  async cafs(@Param('childId', uuid) childId: string, @PolicyView() audience: FamilyAudience) {
    const withheld = await this.withheldFrom(audience, childId);
    return { childId, cafs: (await familyCopiesOfChild(this.dataSource.manager, childId)).map((copy) => cafCopyFor(copy, withheld)) };
  }

  /** The consent decisions: a parent's side for a parent, every one for the young person. */
  @Get(':childId/consents')
  @Policy(familyPolicies.read)
  async consents(@Param('childId', uuid) childId: string, @PolicyView() audience: FamilyAudience) {
    return { childId, consents: consentsFor(await consentDecisionsOf(this.dataSource.manager, childId), audience, this.clock()) };
  }

  /** What was shared about the child: the family's copy of the subject-access report (ADR 010), within what the child allows a parent. */
  @Get(':childId/shared')
  @Policy(familyPolicies.read)
  async shared(@Param('childId', uuid) childId: string, @PolicyView() audience: FamilyAudience) {
    const report = await subjectAccessReport(this.dataSource.manager, this.directory, {
      childId,
      copy: 'family',
      now: this.clock(),
      listsNaming: await this.accessLog.listsNaming(childId),
      hiddenCategories: await this.withheldFrom(audience, childId),
    });
    if (!report) throw new NotFoundException({ message: `No child ${childId}`, field: 'childId' });
    return report;
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
    const withdrawnBy: ConsentGiver = audience === 'young-person' ? { kind: 'child' } : await this.parentAsGiver(requester.actor.userId, childId);
    const evidence = { form: 'written', documentRef: `platform-request:${requester.requestId}` } as const;
    const decided: Decided = await this.commands.execute(new WithdrawConsentCommand(childId, consentId, { withdrawnBy, evidence, ...(body.reason ? { reason: body.reason as string } : {}) }, requester));
    return { consentId, revision: decided.revision.toString() };
  }

  private async parentAsGiver(userId: string, childId: string): Promise<ConsentGiver> {
    const [user, link] = [await this.directory.user(userId), await liveLinkOf(this.dataSource.manager, userId, childId)];
    return { kind: 'parent-carer', name: user?.displayName ?? userId, relationship: link?.relationship as ParentRelationship };
  }
}
