import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access';
import { Directory } from '@app/access';
import type { Role } from '@app/access';
import { FAMILY_ROLES } from '@app/access';
import { familyViewStream, type FamilyView, type ShownItem } from '@app/domain';
import { categoriesWithheldFromParents } from '@app/domain';
import { familyRecordShown } from '@app/domain';
import type { InformationCategory } from '@app/domain';
import type { ConsentGiver, ParentRelationship } from '@app/domain';
import { consentDecisionsOf } from '@app/projections';
import { familyCopiesOfChild, liveLinkOf } from '@app/projections';
import { WithdrawConsentCommand } from '../consent/consent-commands';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import { subjectAccessReport } from '../sharing/subject-access-report';
import {
  type FamilyAudience,
  cafCopyFor,
  cafItemsShown,
  consentItemsShown,
  consentsFor,
  reportItemsShown,
} from './family-view';

/**
 * What a linked family member reads of the child's record, for the API and the pages alike:
 * the existing copies (nothing withheld from the family enters them), less what a competent
 * child refused a parent; and each read that shows something is a disclosure in the ledger
 * (ADR 024), recorded before it is shown: a view that cannot be recorded is not shown.
 */
@Injectable()
export class FamilyRecord {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly accessLog: AccessLog,
    private readonly decisions: Decisions,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async cafs(childId: string, audience: FamilyAudience, requester: RequestContext) {
    const withheld = await this.withheldFrom(audience, childId);
    const copies = (await familyCopiesOfChild(this.dataSource.manager, childId)).map((copy) =>
      cafCopyFor(copy, withheld),
    );
    await this.shown(requester, childId, audience, 'caf', cafItemsShown(copies));
    return copies;
  }

  async consents(childId: string, audience: FamilyAudience, requester: RequestContext, only?: string) {
    const consents = consentsFor(
      await consentDecisionsOf(this.dataSource.manager, childId),
      audience,
      this.clock(),
    ).filter((c) => only === undefined || c.consentId === only);
    await this.shown(
      requester,
      childId,
      audience,
      only === undefined ? 'consents' : 'consent',
      consentItemsShown(consents),
    );
    return consents;
  }

  async shared(childId: string, audience: FamilyAudience, requester: RequestContext) {
    const report = await subjectAccessReport(this.dataSource.manager, this.directory, {
      childId,
      copy: 'family',
      now: this.clock(),
      // The family's own list of their children is not something shared about the child.
      listsNaming: (await this.accessLog.listsNaming(childId)).filter(
        (read) => !FAMILY_ROLES.includes(read.role as Role),
      ),
      hiddenCategories: await this.withheldFrom(audience, childId),
    });
    if (!report) throw new NotFoundException({ message: `No child ${childId}`, field: 'childId' });
    await this.shown(requester, childId, audience, 'shared', reportItemsShown(report));
    return report;
  }

  /**
   * Withdraws a consent, effective at once (Box 14): the consent domain's own command, with
   * the reader as who withdrew and this request as the written evidence. Whose consent one may
   * withdraw is the consent domain's rule (a parent never a competent child's own).
   */
  async withdraw(
    childId: string,
    consentId: string,
    reason: string | undefined,
    audience: FamilyAudience,
    requester: RequestContext,
  ): Promise<Decided> {
    const withdrawnBy: ConsentGiver =
      audience === 'young-person' ? { kind: 'child' } : await this.parentAsGiver(requester.actor.userId, childId);
    const evidence = { form: 'written', documentRef: `platform-request:${requester.requestId}` } as const;
    return this.commands.execute(
      new WithdrawConsentCommand(
        childId,
        consentId,
        { withdrawnBy, evidence, ...(reason ? { reason } : {}) },
        requester,
      ),
    );
  }

  private async parentAsGiver(userId: string, childId: string): Promise<ConsentGiver> {
    const [user, link] = [
      await this.directory.user(userId),
      await liveLinkOf(this.dataSource.manager, userId, childId),
    ];
    return {
      kind: 'parent-carer',
      name: user?.displayName ?? userId,
      relationship: link?.relationship as ParentRelationship,
    };
  }

  /** What a competent child refused their parents; nothing for the young person reading their own. */
  private async withheldFrom(audience: FamilyAudience, childId: string): Promise<ReadonlySet<InformationCategory>> {
    if (audience === 'young-person') return new Set();
    return new Set(
      categoriesWithheldFromParents(
        await consentDecisionsOf(this.dataSource.manager, childId),
        this.clock().toISOString(),
      ),
    );
  }

  private async shown(
    requester: RequestContext,
    childId: string,
    audience: FamilyAudience,
    view: FamilyView,
    items: ShownItem[],
  ): Promise<void> {
    const viewId = randomUUID();
    const link =
      audience === 'parent-carer' ? await liveLinkOf(this.dataSource.manager, requester.actor.userId, childId) : null;
    const events = familyRecordShown({
      viewId,
      childId,
      shownTo: { userId: requester.actor.userId, kind: audience, relationship: link?.relationship ?? 'self' },
      view,
      items,
      shownAt: this.clock().toISOString(),
    });
    if (events.length === 0) return;
    await this.decisions.append(
      familyViewStream(viewId),
      events,
      { actor: requester.actor, correlationId: requester.requestId, childId },
      'no-stream',
    );
  }
}
