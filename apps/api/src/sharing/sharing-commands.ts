import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Directory } from '@app/access';
import { PRACTITIONER_ROLES } from '@app/access';
import type { ConsentRecipient } from '@app/domain';
import { consentQuestions } from '@app/domain';
import type { SharingCommand } from '@app/domain';
import { sharingDecider } from '@app/domain';
import { sharingStream } from '@app/domain';
import { categoriesToAsk } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { consentCoverageForEach } from '@app/projections';
import { namedAgency, namedUser } from '../access/directory-references';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import { disclosableValues } from './disclosable-records';
import type { SharingStep } from './sharing-steps';

const PLATFORM_FIELDS = ['type', 'sharingId', 'by', 'at', 'coverage', 'values', 'disclosureId', 'correctionId'];

export class ProposeSharingCommand {
  constructor(
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class TakeSharingStepCommand {
  constructor(
    readonly sharingId: string,
    readonly step: SharingStep,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

const PARENT_RECIPIENT: ConsentRecipient = 'parent-carer';

@CommandHandler(ProposeSharingCommand)
export class ProposeSharingHandler implements ICommandHandler<ProposeSharingCommand, Decided & { sharingId: string }> {
  constructor(
    private readonly decisions: Decisions,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: ProposeSharingCommand) {
    const fields = commandBody(body, PLATFORM_FIELDS);
    await this.recipientExists(fields.recipient);
    const sharingId = randomUUID();
    const command = {
      ...fields,
      type: 'ProposeSharing',
      sharingId,
      by: context.actor,
      at: this.clock().toISOString(),
    } as unknown as SharingCommand;
    const decided = await this.decisions.execute(sharingDecider, sharingStream(sharingId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: String(fields.childId),
      expectedRevision: 'no-stream',
    });
    return { ...decided, sharingId };
  }

  /** Information goes to an agency of the directory, and to a named person only if they work there. */
  private async recipientExists(recipient: unknown): Promise<void> {
    const { agencyId, userId } = (typeof recipient === 'object' && recipient !== null ? recipient : {}) as {
      agencyId?: unknown;
      userId?: unknown;
    };
    // The decider names a missing field; a child's parent is a recipient the consent model names, not an agency.
    if (agencyId === undefined || agencyId === PARENT_RECIPIENT) return;
    await namedAgency(this.directory, 'recipient.agencyId', agencyId);
    if (userId !== undefined)
      await namedUser(this.directory, 'recipient.userId', userId, {
        roles: PRACTITIONER_ROLES,
        agencyId: String(agencyId),
        as: `a practitioner of ${String(agencyId)}`,
      });
  }
}

/**
 * Every step after the proposal. The platform, never the caller, supplies what the law turns
 * on: consent as it stands now, and the values of the records disclosed.
 */
@CommandHandler(TakeSharingStepCommand)
export class TakeSharingStepHandler implements ICommandHandler<
  TakeSharingStepCommand,
  Decided & { assigned: Record<string, string> }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ sharingId, step, body, expectedRevision, context }: TakeSharingStepCommand) {
    const { state, command, assigned } = await sharingStepCommand(
      this.decisions,
      this.dataSource.manager,
      sharingId,
      step,
      body,
      context,
      this.clock().toISOString(),
    );
    const decided = await this.decisions.execute(sharingDecider, sharingStream(sharingId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: state.childId,
      expectedRevision,
    });
    return { ...decided, assigned };
  }
}

/**
 * The command a step becomes, with what the platform supplies: the values of the records
 * named, and consent asked again now for the categories the catalogue gives the fields. The
 * handler executes it; a disclosure's preview decides it without recording (pages).
 */
export async function sharingStepCommand(
  decisions: Decisions,
  manager: EntityManager,
  sharingId: string,
  step: SharingStep,
  body: Body,
  context: RequestContext,
  at: string,
) {
  const { state } = await decisions.load(sharingDecider, sharingStream(sharingId));
  if (state.status === 'none')
    throw new NotFoundException({ message: `No sharing decision ${sharingId}`, field: 'sharingId' });
  const fields = commandBody(body, PLATFORM_FIELDS);
  const assigned: Record<string, string> = step.assigns ? { [step.assigns]: randomUUID() } : {};
  const values =
    step.command === 'MakeDisclosure' && Array.isArray(fields.items)
      ? await disclosableValues(
          manager,
          state.childId,
          fields.items.map((i) => String((i as { recordRef?: unknown })?.recordRef)),
        )
      : undefined;
  // Consent is asked for the categories the platform's catalogue gives the fields, never the caller's labels.
  const categories =
    step.consentFor === 'proposed'
      ? [...state.categories]
      : categoriesToAsk(step.command === 'MakeDisclosure' ? 'disclosure' : 'decision', fields.items, values);
  const coverage = step.consentFor
    ? await consentCoverageForEach(
        manager,
        state.childId,
        consentQuestions('information-sharing', state.recipient.agencyId as ConsentRecipient, categories, at),
      )
    : undefined;
  const claim =
    step.command === 'RecordLawfulBasis' && (fields.basis as { kind?: unknown } | undefined)?.kind === 'consent'
      ? { basis: { kind: 'consent', coverage } }
      : {};
  const command = {
    ...fields,
    ...claim,
    ...(values ? { values } : {}),
    ...(coverage ? { coverage } : {}),
    ...assigned,
    type: step.command,
    by: context.actor,
    at,
  } as unknown as SharingCommand;
  return { state, command, assigned };
}
