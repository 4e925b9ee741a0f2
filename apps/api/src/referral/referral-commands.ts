import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import type { ReferralCommand } from '@app/domain';
import { consentNeededForMentoring } from '@app/domain';
import { referralDecider } from '@app/domain';
import { referralStream } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { consentCoverageForEach } from '@app/projections';
import { mentorCaseRecord } from '@app/projections';
import { namedUser } from '../access/directory-references';
import { dateOfBirthOf } from '../children/date-of-birth';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import type { ReferralStep } from './referral-steps';

export class MakeReferralCommand {
  constructor(
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class TakeReferralStepCommand {
  constructor(
    readonly referralId: string,
    readonly step: ReferralStep,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

/** The case's own fields come from the platform; a body may not smuggle them in. */
const PLATFORM_FIELDS = ['type', 'referralId', 'consent', 'childDateOfBirth'];
const stepBody = (body: unknown) => commandBody(body, PLATFORM_FIELDS);

@CommandHandler(MakeReferralCommand)
export class MakeReferralHandler implements ICommandHandler<MakeReferralCommand, Decided & { referralId: string }> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ body, context }: MakeReferralCommand) {
    const fields = stepBody(body);
    const referralId = randomUUID();
    const childDateOfBirth = await dateOfBirthOf(this.dataSource, String(fields.childId));
    const command = { ...fields, type: 'MakeReferral', referralId, childDateOfBirth } as unknown as ReferralCommand;
    const decided = await this.decisions.execute(referralDecider, referralStream(referralId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: String(body.childId),
      expectedRevision: 'no-stream',
      happenedOn: ['referredOn'],
    });
    return { ...decided, referralId };
  }
}

@CommandHandler(TakeReferralStepCommand)
export class TakeReferralStepHandler implements ICommandHandler<
  TakeReferralStepCommand,
  Decided & { assigned?: Record<string, string> }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ referralId, step, body, expectedRevision, context }: TakeReferralStepCommand) {
    const found = await mentorCaseRecord(this.dataSource.manager, referralId);
    if (!found) throw new NotFoundException({ message: `No referral ${referralId}`, field: 'referralId' });
    const fields = stepBody(body);
    // 4e: the case goes on the caseload of a learning mentor of the child's school, never a phantom.
    if (step.command === 'TriageReferral' && fields.mentorId !== undefined) {
      await namedUser(this.directory, 'mentorId', fields.mentorId, {
        roles: ['learning-mentor'],
        agencyId: found.schoolId,
        as: `a learning mentor of ${found.schoolId}`,
      });
    }
    const assigned = step.assigns ? { [step.assigns]: randomUUID() } : {};
    // Consent is read by the platform at the moment of the step, never supplied by the caller.
    const consent = step.needsConsent
      ? {
          consent: await consentCoverageForEach(
            this.dataSource.manager,
            found.childId,
            consentNeededForMentoring(found.schoolId as `school-${string}`).map((question) => ({
              ...question,
              at: this.clock().toISOString(),
            })),
          ),
        }
      : {};
    const command = {
      ...fields,
      ...assigned,
      ...consent,
      type: step.command,
      referralId,
    } as unknown as ReferralCommand;
    const decided = await this.decisions.execute(referralDecider, referralStream(referralId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: found.childId,
      expectedRevision,
      happenedOn: step.dayField ? [step.dayField] : [],
    });
    return { ...decided, assigned };
  }
}
