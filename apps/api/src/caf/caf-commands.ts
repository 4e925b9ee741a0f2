import { BadRequestException, Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { CAF_CONSENT_CATEGORIES, type CafCommand } from '@app/domain';
import { CAF_ACT_DAYS, cafDecider } from '@app/domain';
import { cafStream } from '@app/domain';
import type { NamedPractitioner } from '@app/domain';
import { type ConsentCoverage, consentQuestions, coveredByConsent } from '@app/domain';
import { CAF_ELEMENT_CATEGORIES, type CafElement } from '@app/domain';
import type { ConsentRecipient } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { consentCoverageForEach } from '@app/projections';
import { CafCase } from '@app/projections';
import { namedUser } from '../access/directory-references';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import type { CafStep } from './caf-steps';

const PLATFORM_FIELDS = [
  'type',
  'cafId',
  'by',
  'consent',
  'contributionId',
  'viewsId',
  'meetingId',
  'actionId',
  'reviewId',
];

export class StartCafCommand {
  constructor(
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class TakeCafStepCommand {
  constructor(
    readonly cafId: string,
    readonly step: CafStep,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

/** Started under consent to a common assessment with the starting practitioner's agency, read by the platform. */
@CommandHandler(StartCafCommand)
export class StartCafHandler implements ICommandHandler<StartCafCommand, Decided & { cafId: string }> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: StartCafCommand) {
    const fields = commandBody(body, PLATFORM_FIELDS);
    const cafId = randomUUID();
    const childId = String(fields.childId);
    const questions = consentQuestions(
      'common-assessment',
      context.actor.agencyId as ConsentRecipient,
      CAF_CONSENT_CATEGORIES,
      this.clock().toISOString(),
    );
    const consent = coveredByConsent(await consentCoverageForEach(this.dataSource.manager, childId, questions));
    const command = { ...fields, type: 'StartCaf', cafId, by: context.actor, consent } as unknown as CafCommand;
    const decided = await this.decisions.execute(cafDecider, cafStream(cafId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId,
      expectedRevision: 'no-stream',
      happenedOn: ['startedOn'],
    });
    return { ...decided, cafId };
  }
}

@CommandHandler(TakeCafStepCommand)
export class TakeCafStepHandler implements ICommandHandler<
  TakeCafStepCommand,
  Decided & { assigned: Record<string, string> }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ cafId, step, body, expectedRevision, context }: TakeCafStepCommand) {
    const found = await this.dataSource.manager.getRepository(CafCase).findOneBy({ cafId });
    if (!found) throw new NotFoundException({ message: `No CAF ${cafId}`, field: 'cafId' });
    const fields = commandBody(body, PLATFORM_FIELDS);
    const assigned = step.assigns ? { [step.assigns]: randomUUID() } : {};
    const named = step.practitioners
      ? { [step.practitioners.field]: await this.practitioners(step.practitioners, fields[step.practitioners.field]) }
      : {};
    const consent = step.consentForElement ? { consent: await this.consentForElement(found, fields.element) } : {};
    const command = {
      ...fields,
      ...assigned,
      ...named,
      ...consent,
      type: step.command,
      cafId,
      by: context.actor,
    } as unknown as CafCommand;
    const decided = await this.decisions.execute(cafDecider, cafStream(cafId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: found.childId,
      expectedRevision,
      happenedOn: [CAF_ACT_DAYS[step.command]],
    });
    return { ...decided, assigned };
  }

  /**
   * Consent to the assessment with the agency that started it, on the category the platform's
   * catalogue gives the element. An element the catalogue does not know is the decider's to refuse.
   */
  private async consentForElement(caf: CafCase, element: unknown): Promise<ConsentCoverage> {
    const category = CAF_ELEMENT_CATEGORIES[element as CafElement];
    if (!category) return { covered: false, reason: 'no-consent' };
    const questions = consentQuestions(
      'common-assessment',
      caf.startedByAgencyId as ConsentRecipient,
      [category],
      this.clock().toISOString(),
    );
    return coveredByConsent(await consentCoverageForEach(this.dataSource.manager, caf.childId, questions));
  }

  /** Users named by id become practitioners attributed by the directory, never by the caller. */
  private async practitioners(
    spec: NonNullable<CafStep['practitioners']>,
    value: unknown,
  ): Promise<NamedPractitioner | NamedPractitioner[]> {
    const ids = spec.many ? value : [value];
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
      throw new BadRequestException({
        error: 'Bad Request',
        rule: 'request.user-ids',
        message: `${spec.field} must be ${spec.many ? 'a list of user ids' : 'a user id'}`,
        field: spec.field,
      });
    }
    const named: NamedPractitioner[] = [];
    for (const id of ids as string[]) {
      const user = await namedUser(this.directory, spec.field, id, {
        roles: spec.roles,
        as: 'a practitioner of an agency',
      });
      named.push({ userId: user.userId, role: user.role, agencyId: user.agencyId, name: user.displayName });
    }
    return spec.many ? named : named[0];
  }
}
