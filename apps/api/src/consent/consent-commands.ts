import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { consentDecider } from '@app/domain';
import { consentStream, type ConsentEvidence, type ConsentGiver } from '@app/domain';
import type { ConsentCommand } from '@app/domain';
import { dateOfBirthOf } from '../children/date-of-birth';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import type { CompetenceAssessmentDto, ConsentDecisionDto } from './consent.dto';

export class RecordConsentDecisionCommand {
  constructor(
    readonly childId: string,
    readonly body: ConsentDecisionDto,
    readonly context: RequestContext,
  ) {}
}

export class WithdrawConsentCommand {
  constructor(
    readonly childId: string,
    readonly consentId: string,
    readonly withdrawal: { withdrawnBy: ConsentGiver; evidence: ConsentEvidence; reason?: string },
    readonly context: RequestContext,
  ) {}
}

/** The days a consent decision or competence assessment says it was made: not later than today. */
const CONSENT_DAYS = ['startsOn', 'refusedOn', 'assessedOn'];

const decide = (decisions: Decisions, childId: string, command: ConsentCommand, context: RequestContext) =>
  decisions.execute(consentDecider, consentStream(childId), command, {
    actor: context.actor,
    correlationId: context.requestId,
    childId,
    happenedOn: CONSENT_DAYS,
  });

@CommandHandler(RecordConsentDecisionCommand)
export class RecordConsentDecisionHandler implements ICommandHandler<
  RecordConsentDecisionCommand,
  Decided & { consentId: string }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ childId, body, context }: RecordConsentDecisionCommand) {
    const consentId = randomUUID();
    const common = {
      childId,
      childDateOfBirth: await dateOfBirthOf(this.dataSource, childId),
      consentId,
      giver: body.giver,
      informed: body.informed,
      scope: body.scope,
      evidence: body.evidence,
    };
    const command: ConsentCommand =
      body.decision === 'given'
        ? { type: 'GiveConsent', ...common, startsOn: body.decidedOn, expiresOn: body.expiresOn as string }
        : {
            type: 'RefuseConsent',
            ...common,
            refusedOn: body.decidedOn,
            ...(body.reason ? { reason: body.reason } : {}),
          };
    return { ...(await decide(this.decisions, childId, command, context)), consentId };
  }
}

export class AssessCompetenceCommand {
  constructor(
    readonly childId: string,
    readonly assessment: CompetenceAssessmentDto,
    readonly context: RequestContext,
  ) {}
}

@CommandHandler(AssessCompetenceCommand)
export class AssessCompetenceHandler implements ICommandHandler<
  AssessCompetenceCommand,
  Decided & { assessmentId: string }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ childId, assessment, context }: AssessCompetenceCommand) {
    const assessmentId = randomUUID();
    const decided = await decide(
      this.decisions,
      childId,
      {
        type: 'AssessCompetence',
        childId,
        childDateOfBirth: await dateOfBirthOf(this.dataSource, childId),
        assessmentId,
        assessedBy: { userId: context.actor.userId, role: context.actor.role },
        ...assessment,
      },
      context,
    );
    return { ...decided, assessmentId };
  }
}

@CommandHandler(WithdrawConsentCommand)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentCommand, Decided> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ childId, consentId, withdrawal, context }: WithdrawConsentCommand) {
    return decide(
      this.decisions,
      childId,
      {
        type: 'WithdrawConsent',
        childId,
        childDateOfBirth: await dateOfBirthOf(this.dataSource, childId),
        consentId,
        withdrawnBy: withdrawal.withdrawnBy,
        withdrawnAt: this.clock().toISOString(),
        evidence: withdrawal.evidence,
        ...(withdrawal.reason ? { reason: withdrawal.reason } : {}),
      },
      context,
    );
  }
}
