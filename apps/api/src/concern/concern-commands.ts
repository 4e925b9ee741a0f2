import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ConcernCommand } from '@app/domain';
import { concernDecider } from '@app/domain';
import { concernStream } from '@app/domain';
import type { ReferralDetails } from '@app/domain';
import type { MentorAccount } from '@app/domain';
import { consentQuestions, coveredByConsent, type WorkingDayCalendar } from '@app/domain';
import { isInformationCategory } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { consentCoverageForEach } from '@app/projections';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CALENDAR, CLOCK } from '../http/tokens';
import type { ConcernStep } from './concern-steps';
import { mentorReportFromCase } from './mentor-report-from-case';

const PLATFORM_FIELDS = ['type', 'concernId', 'by', 'at', 'report', 'reportId'];

export class RaiseConcernCommand {
  constructor(
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class TakeConcernStepCommand {
  constructor(
    readonly concernId: string,
    readonly step: ConcernStep,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

@CommandHandler(RaiseConcernCommand)
export class RaiseConcernHandler implements ICommandHandler<RaiseConcernCommand, Decided & { concernId: string }> {
  constructor(
    private readonly decisions: Decisions,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: RaiseConcernCommand) {
    const fields = commandBody(body, PLATFORM_FIELDS);
    const concernId = randomUUID();
    const command = {
      ...fields,
      type: 'RaiseConcern',
      concernId,
      by: context.actor,
      at: this.clock().toISOString(),
    } as unknown as ConcernCommand;
    const decided = await this.decisions.execute(concernDecider(this.calendar), concernStream(concernId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: String(fields.childId),
      expectedRevision: 'no-stream',
    });
    return { ...decided, concernId };
  }
}

@CommandHandler(TakeConcernStepCommand)
export class TakeConcernStepHandler implements ICommandHandler<
  TakeConcernStepCommand,
  Decided & { assigned: Record<string, string> }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ concernId, step, body, expectedRevision, context }: TakeConcernStepCommand) {
    const decider = concernDecider(this.calendar);
    const { state } = await this.decisions.load(decider, concernStream(concernId));
    if (state.status === 'none')
      throw new NotFoundException({ message: `No concern ${concernId}`, field: 'concernId' });
    const fields = commandBody(body, PLATFORM_FIELDS);
    const now = this.clock().toISOString();
    // The mentor's report is generated from the case; the body carries only the mentor's own account.
    const assigned: Record<string, string> = step.command === 'SubmitMentorReport' ? { reportId: randomUUID() } : {};
    const report = assigned.reportId
      ? {
          report: await mentorReportFromCase(
            this.dataSource.manager,
            state.childId,
            fields.referralId,
            fields as unknown as MentorAccount,
          ),
        }
      : {};
    const referral =
      step.command === 'ReviewConcern' ? await this.referralWithConsent(state.childId, fields.referral, now) : {};
    const command = {
      ...fields,
      ...report,
      ...referral,
      ...assigned,
      type: step.command,
      by: context.actor,
      at: now,
    } as unknown as ConcernCommand;
    const decided = await this.decisions.execute(decider, concernStream(concernId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: state.childId,
      expectedRevision,
      happenedOn: [step.dayField],
    });
    return { ...decided, assigned };
  }

  /** A referral's consent is what the consent context answers now, whatever the body says (ADR 010). */
  private async referralWithConsent(
    childId: string,
    referral: unknown,
    at: string,
  ): Promise<{ referral?: ReferralDetails }> {
    if (!referral || typeof referral !== 'object') return {};
    const { consent: _claimed, ...details } = referral as ReferralDetails;
    if (details.withConsent !== true) return { referral: details };
    const categories = Array.isArray(details.categories) ? details.categories.filter(isInformationCategory) : [];
    const answers = await consentCoverageForEach(
      this.dataSource.manager,
      childId,
      consentQuestions('information-sharing', 'social-care', categories, at),
    );
    return { referral: { ...details, consent: coveredByConsent(answers) } };
  }
}
