import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { retentionDecider } from '@app/domain';
import { retentionStream, type RetainedRecord } from '@app/domain';
import { endOfPeriod } from '@app/domain';
import { systemActor } from '@app/domain';
import { dayOf } from '@app/domain';
import type { PlatformRuntime } from '@app/composition';
import { erasedChildren } from '@app/projections';
import { recordsHeld, type RecordHeld } from '@app/projections';
import { WrongExpectedRevisionError } from '@app/event-store';
import { Decisions } from '../http/decisions';
import { CLOCK, PLATFORM_RUNTIME } from '../http/tokens';
import { ProcessManager } from './process-manager';

const DAILY = 24 * 60 * 60 * 1000;

/**
 * The daily weeding run: every child all of whose records have reached the end of their
 * retention period (RETENTION_SCHEDULE_FILE) goes into the dpo's review queue; nothing is
 * destroyed without the dpo's decision. It also deletes any data key an erasure left behind
 * (a process stopped between writing ChildRecordErased and deleting the key).
 */
@Injectable()
export class RetentionReviewJob extends ProcessManager {
  private readonly logger = new Logger('RetentionReview');

  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {
    super('RetentionReview', DAILY, true);
  }

  /** Lists every record due today; returns how many children were listed. */
  listDue(): Promise<number> {
    return this.runNow();
  }

  protected async react(): Promise<number> {
    await this.finishErasures();
    const today = dayOf(this.clock().toISOString());
    let listed = 0;
    for (const [childId, records] of this.dueOn(today, await recordsHeld(this.dataSource.manager, today))) {
      try {
        const decided = await this.decisions.execute(
          retentionDecider,
          retentionStream(childId),
          { type: 'ListForReview', childId, reviewId: randomUUID(), records, today },
          {
            actor: systemActor('retention-review'),
            correlationId: randomUUID(),
            childId,
          },
        );
        listed += decided.events.length > 0 ? 1 : 0;
      } catch (error) {
        // Another process decided on this child meanwhile (listed it, or the dpo acted): the next run sees it.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    if (listed > 0)
      this.logger.log(`listed ${listed} record${listed === 1 ? '' : 's'} for the dpo's retention review on ${today}`);
    return listed;
  }

  /** Children every one of whose records has a known end on or before today, with those ends. */
  private *dueOn(today: string, held: readonly RecordHeld[]): Generator<[string, RetainedRecord[]]> {
    const byChild = new Map<string, RecordHeld[]>();
    for (const record of held) byChild.set(record.childId, [...(byChild.get(record.childId) ?? []), record]);
    for (const [childId, records] of byChild) {
      const ends = records.map((r) => ({
        recordRef: r.recordRef,
        recordClass: r.recordClass,
        endsOn: endOfPeriod(this.runtime.retentionSchedule.classes[r.recordClass], r),
      }));
      if (ends.every((r): r is RetainedRecord => r.endsOn !== null && r.endsOn <= today)) yield [childId, ends];
    }
  }

  private async finishErasures(): Promise<void> {
    const left = await this.runtime.dataKeys.existingKeys(await erasedChildren(this.dataSource.manager));
    for (const childId of left.keys()) await this.runtime.dataKeys.erase(childId);
  }
}
