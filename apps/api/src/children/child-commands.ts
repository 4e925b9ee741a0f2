import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { childDecider } from '@app/domain';
import { type ChildDetails, childStream } from '@app/domain';
import { dayOf } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import { CorrectionNoticeWorker } from '../process-managers/correction-notice-worker';

export class RegisterChildCommand {
  constructor(
    readonly details: ChildDetails,
    readonly context: RequestContext,
  ) {}
}

export class CorrectChildDetailsCommand {
  constructor(
    readonly childId: string,
    readonly changes: Partial<ChildDetails>,
    readonly reason: string,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

@CommandHandler(RegisterChildCommand)
export class RegisterChildHandler implements ICommandHandler<RegisterChildCommand, Decided & { childId: string }> {
  constructor(
    private readonly decisions: Decisions,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ details, context }: RegisterChildCommand) {
    const childId = randomUUID();
    const decided = await this.decisions.execute(
      childDecider,
      childStream(childId),
      { type: 'RegisterChild', childId, details, today: dayOf(this.clock().toISOString()) },
      {
        actor: context.actor,
        correlationId: context.requestId,
        childId,
        expectedRevision: 'no-stream',
        happenedOn: ['details.dateOfBirth'],
      },
    );
    return { ...decided, childId };
  }
}

/**
 * A correction; the sharing projection then records the notices it owes to every agency the
 * record was disclosed to (Box 7), and they are issued before the answer.
 */
@CommandHandler(CorrectChildDetailsCommand)
export class CorrectChildDetailsHandler implements ICommandHandler<CorrectChildDetailsCommand, Decided> {
  constructor(
    private readonly decisions: Decisions,
    private readonly correctionNotices: CorrectionNoticeWorker,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ childId, changes, reason, expectedRevision, context }: CorrectChildDetailsCommand) {
    const decided = await this.decisions.execute(
      childDecider,
      childStream(childId),
      { type: 'CorrectChildDetails', childId, changes, reason, today: dayOf(this.clock().toISOString()) },
      {
        actor: context.actor,
        correlationId: context.requestId,
        childId,
        expectedRevision,
        happenedOn: ['changes.dateOfBirth'],
      },
    );
    await this.correctionNotices.drain();
    return decided;
  }
}
