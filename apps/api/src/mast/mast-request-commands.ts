import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { MAST_REQUEST_CATEGORIES, type MastRequestCommand } from '@app/domain';
import { mastRequestDecider } from '@app/domain';
import { mastRequestStream } from '@app/domain';
import { type ConsentCoverage, consentQuestions, coveredByConsent, type WorkingDayCalendar } from '@app/domain';
import { dayOf } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { consentCoverageForEach } from '@app/projections';
import { mastRequest } from '@app/projections';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CALENDAR, CLOCK } from '../http/tokens';
import type { MastRequestStep } from './mast-request-steps';

const PLATFORM_FIELDS = ['type', 'requestId', 'by', 'consent', 'receivedAt', 'today'];

/** Whether the child's consents cover MAST involvement (every category a request records) at that moment. */
export async function mastConsentAt(manager: EntityManager, childId: string, at: string): Promise<ConsentCoverage> {
  return coveredByConsent(
    await consentCoverageForEach(
      manager,
      childId,
      consentQuestions('mast-involvement', 'mast', MAST_REQUEST_CATEGORIES, at),
    ),
  );
}

export class MakeMastRequestCommand {
  constructor(
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class TakeMastRequestStepCommand {
  constructor(
    readonly requestId: string,
    readonly step: MastRequestStep,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

/** The request is received now; consent covering mast-involvement is read by the platform at that moment. */
@CommandHandler(MakeMastRequestCommand)
export class MakeMastRequestHandler implements ICommandHandler<
  MakeMastRequestCommand,
  Decided & { requestId: string }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: MakeMastRequestCommand) {
    const fields = commandBody(body, PLATFORM_FIELDS);
    const requestId = randomUUID();
    const receivedAt = this.clock().toISOString();
    const childId = String(fields.childId);
    const consent = await mastConsentAt(this.dataSource.manager, childId, receivedAt);
    const command = {
      ...fields,
      type: 'MakeMastRequest',
      requestId,
      by: context.actor,
      consent,
      receivedAt,
    } as unknown as MastRequestCommand;
    const decided = await this.decisions.execute(
      mastRequestDecider(this.calendar),
      mastRequestStream(requestId),
      command,
      {
        actor: context.actor,
        correlationId: context.requestId,
        childId,
        expectedRevision: 'no-stream',
      },
    );
    return { ...decided, requestId };
  }
}

@CommandHandler(TakeMastRequestStepCommand)
export class TakeMastRequestStepHandler implements ICommandHandler<TakeMastRequestStepCommand, Decided> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ requestId, step, body, expectedRevision, context }: TakeMastRequestStepCommand) {
    const found = await mastRequest(this.dataSource.manager, requestId);
    if (!found) throw new NotFoundException({ message: `No MAST request ${requestId}`, field: 'requestId' });
    const today = dayOf(this.clock().toISOString());
    const fields = commandBody(body, PLATFORM_FIELDS);
    const command = {
      ...fields,
      ...(step.today ? { today } : {}),
      type: step.command,
      requestId,
      by: context.actor,
    } as unknown as MastRequestCommand;
    return this.decisions.execute(mastRequestDecider(this.calendar), mastRequestStream(requestId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: found.childId,
      expectedRevision,
      happenedOn: step.dayField ? [step.dayField] : [],
    });
  }
}
