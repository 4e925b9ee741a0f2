import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { practitionerOf } from '@app/domain';
import { retentionDecider } from '@app/domain';
import { retentionStream } from '@app/domain';
import type { RetentionCommand } from '@app/domain';
import type { ErasureExemption, ErasureGround, ErasureOutcome, ErasureRequester } from '@app/domain';
import type { PlatformRuntime } from '@app/composition';
import { ChildRecord } from '@app/projections';
import { knownInRetention } from '@app/projections';
import { recipientsOfChild } from '@app/projections';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK, PLATFORM_RUNTIME } from '../http/tokens';

type ByTheDpo<C> = C extends { by: unknown; at: unknown } ? Omit<C, 'by' | 'at' | 'childId'> : never;

/**
 * The dpo's acts on a child's record: each is one decision of the retention decider. When
 * the decision erases the record (disposal, approved erasure), the child's data key is
 * deleted once the events are written and the read models have dropped the child's values.
 */
@Injectable()
export class RetentionActs {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  dispose(childId: string, context: RequestContext): Promise<Decided> {
    return this.decide(childId, { type: 'DisposeOfRecord' }, context);
  }

  keep(childId: string, body: { keepUntil: string; reason: string }, context: RequestContext): Promise<Decided> {
    return this.decide(childId, { type: 'KeepRecord', keepUntil: body.keepUntil, reason: body.reason }, context);
  }

  async placeHold(
    childId: string,
    body: { reason: string },
    context: RequestContext,
  ): Promise<Decided & { holdId: string }> {
    const holdId = randomUUID();
    return {
      ...(await this.decide(childId, { type: 'PlaceLegalHold', holdId, reason: body.reason }, context)),
      holdId,
    };
  }

  async liftHold(childId: string, holdId: string, body: { reason: string }, context: RequestContext): Promise<Decided> {
    await this.known(childId, 'holdId', holdId);
    return this.decide(childId, { type: 'LiftLegalHold', holdId, reason: body.reason }, context);
  }

  async requestErasure(
    childId: string,
    body: { requesterKind: ErasureRequester; requesterName: string; receivedOn: string },
    context: RequestContext,
  ): Promise<Decided & { requestId: string }> {
    const requestId = randomUUID();
    const command = {
      type: 'RequestErasure' as const,
      requestId,
      requester: { kind: body.requesterKind, name: body.requesterName },
      receivedOn: body.receivedOn,
    };
    return { ...(await this.decide(childId, command, context, ['receivedOn'])), requestId };
  }

  async decideErasure(
    childId: string,
    requestId: string,
    body: { outcome: ErasureOutcome; ground?: ErasureGround; exemption?: ErasureExemption; reasons: string },
    context: RequestContext,
  ): Promise<Decided> {
    await this.known(childId, 'requestId', requestId);
    // Every agency the ledger says received the child's information is told, in the same decision.
    const recipients = await recipientsOfChild(this.dataSource.manager, childId);
    return this.decide(childId, { type: 'DecideErasure', requestId, ...body, recipients }, context);
  }

  private async known(childId: string, kind: 'holdId' | 'requestId', id: string): Promise<void> {
    if (await knownInRetention(this.dataSource.manager, childId, kind, id)) return;
    const what = kind === 'holdId' ? 'legal hold' : 'erasure request';
    throw new NotFoundException({ error: 'Not Found', message: `No ${what} ${id} for child ${childId}`, field: kind });
  }

  private async decide(
    childId: string,
    command: ByTheDpo<RetentionCommand>,
    context: RequestContext,
    happenedOn: string[] = [],
  ): Promise<Decided> {
    if (!(await this.dataSource.getRepository(ChildRecord).existsBy({ childId }))) {
      throw new NotFoundException({ error: 'Not Found', message: `No child record ${childId}`, field: 'childId' });
    }
    const decided = await this.decisions.execute(
      retentionDecider,
      retentionStream(childId),
      { ...command, childId, by: practitionerOf(context.actor), at: this.clock().toISOString() } as RetentionCommand,
      { actor: context.actor, correlationId: context.requestId, childId, happenedOn },
    );
    if (decided.events.some((e) => e.type === 'ChildRecordErased')) await this.runtime.dataKeys.erase(childId);
    return decided;
  }
}
