import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DisclosedContent } from '@app/domain';
import { sharingDecider } from '@app/domain';
import { isDomainError } from '@app/domain';
import type { Body } from '../http/command-body';
import { Decisions, DomainRefusal } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import { sharingStepCommand } from './sharing-commands';
import { SHARING_STEPS } from './sharing-steps';

export class PreviewDisclosureQuery {
  constructor(
    readonly sharingId: string,
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

/**
 * What a disclosure would send, before it is sent: the same command the disclosure step
 * builds, decided by the same decider, but not recorded. The content is exactly what the
 * recipient's read model will hold, so the page shows the person sharing what the recipient
 * will see; a disclosure the decider would refuse is refused here alike.
 */
@QueryHandler(PreviewDisclosureQuery)
export class PreviewDisclosureHandler implements IQueryHandler<PreviewDisclosureQuery, DisclosedContent[]> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ sharingId, body, context }: PreviewDisclosureQuery): Promise<DisclosedContent[]> {
    const { state, command } = await sharingStepCommand(
      this.decisions,
      this.dataSource.manager,
      sharingId,
      SHARING_STEPS.disclosures,
      body,
      context,
      this.clock().toISOString(),
    );
    const outcome = sharingDecider.decide(command, state);
    if (isDomainError(outcome)) throw new DomainRefusal(outcome);
    return outcome.flatMap((event) => (event.type === 'DisclosureMade' ? event.data.content : []));
  }
}
