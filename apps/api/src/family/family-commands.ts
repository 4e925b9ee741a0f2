import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Directory } from '@app/access';
import { familyDecider } from '@app/domain';
import { familyStream, type FamilyMemberKind, type RelationshipEvidence } from '@app/domain';
import { namedUser } from '../access/directory-references';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import type { LinkFamilyMemberBody, UnlinkFamilyMemberBody } from './family-bodies';

const leadOf = (context: RequestContext) => ({ userId: context.actor.userId, role: context.actor.role });

export class LinkFamilyMemberCommand {
  constructor(
    readonly childId: string,
    readonly body: LinkFamilyMemberBody,
    readonly context: RequestContext,
  ) {}
}

@CommandHandler(LinkFamilyMemberCommand)
export class LinkFamilyMemberHandler implements ICommandHandler<LinkFamilyMemberCommand, Decided & { linkId: string }> {
  constructor(
    private readonly decisions: Decisions,
    private readonly directory: Directory,
  ) {}

  async execute({ childId, body, context }: LinkFamilyMemberCommand) {
    const kind = body.kind as FamilyMemberKind;
    // The account must exist as that kind of family account: a staff account linked as a parent would read as one.
    await namedUser(this.directory, 'userId', body.userId, { roles: [kind], as: `a ${kind} account` });
    const linkId = randomUUID();
    const decided = await this.decisions.execute(
      familyDecider,
      familyStream(childId),
      {
        type: 'LinkFamilyMember',
        childId,
        linkId,
        userId: body.userId as string,
        kind,
        ...(body.relationship !== undefined ? { relationship: body.relationship as string } : {}),
        evidence: body.evidence as unknown as RelationshipEvidence,
        linkedOn: body.linkedOn as string,
        linkedBy: leadOf(context),
      },
      {
        actor: context.actor,
        correlationId: context.requestId,
        childId,
        happenedOn: ['linkedOn', 'evidence.checkedOn'],
      },
    );
    return { ...decided, linkId };
  }
}

export class UnlinkFamilyMemberCommand {
  constructor(
    readonly childId: string,
    readonly linkId: string,
    readonly body: UnlinkFamilyMemberBody,
    readonly context: RequestContext,
  ) {}
}

@CommandHandler(UnlinkFamilyMemberCommand)
export class UnlinkFamilyMemberHandler implements ICommandHandler<UnlinkFamilyMemberCommand, Decided> {
  constructor(private readonly decisions: Decisions) {}

  execute({ childId, linkId, body, context }: UnlinkFamilyMemberCommand) {
    return this.decisions.execute(
      familyDecider,
      familyStream(childId),
      {
        type: 'UnlinkFamilyMember',
        childId,
        linkId,
        reason: body.reason as string,
        unlinkedOn: body.unlinkedOn as string,
        unlinkedBy: leadOf(context),
      },
      { actor: context.actor, correlationId: context.requestId, childId, happenedOn: ['unlinkedOn'] },
    );
  }
}
