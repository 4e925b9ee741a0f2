import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sharingDecider } from '@app/domain';
import { sharingStream } from '@app/domain';
import { sharingsThatDisclosed } from '@app/projections';
import { Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';

/**
 * Box 7: when a record already disclosed is corrected, every agency it went to is told.
 * Named by the correction's own event id, so a repeat sends no second notice.
 */
@Injectable()
export class CorrectionNotices {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async issue(
    recordRef: string,
    correctionId: string,
    corrected: Record<string, unknown>,
    reason: string,
    context: RequestContext,
  ): Promise<number> {
    let issued = 0;
    for (const sharingId of await sharingsThatDisclosed(this.dataSource.manager, recordRef)) {
      const { state } = await this.decisions.load(sharingDecider, sharingStream(sharingId));
      if (state.status === 'none') continue;
      const decided = await this.decisions.execute(
        sharingDecider,
        sharingStream(sharingId),
        {
          type: 'IssueCorrectionNotices',
          correctionId,
          recordRef,
          corrected,
          reason,
          by: context.actor,
          at: this.clock().toISOString(),
        },
        { actor: context.actor, correlationId: context.requestId, childId: state.childId },
      );
      issued += decided.events.length;
    }
    return issued;
  }
}
