import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { consentDecider } from '@app/domain';
import { consentStream } from '@app/domain';
import { systemActor } from '@app/domain';
import { dayOf } from '@app/domain';
import { consentsAwaitingExpiry } from '@app/projections';
import { Decisions, DomainRefusal } from '../http/decisions';
import { CLOCK } from '../http/tokens';
import { ProcessManager } from './process-manager';

const HOURLY = 60 * 60 * 1000;

/**
 * Records ConsentExpired for every consent whose expiry day has come: at start-up and then
 * hourly. Coverage already treats such consents as expired; this puts the fact, with its
 * day, in the child's consent history.
 */
@Injectable()
export class ConsentExpiry extends ProcessManager {
  private readonly logger = new Logger('ConsentExpiry');

  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {
    super('ConsentExpiry', HOURLY, true);
  }

  /** Records every expiry due today; returns how many were recorded. */
  recordDue(): Promise<number> {
    return this.runNow();
  }

  protected async react(): Promise<number> {
    const today = dayOf(this.clock().toISOString());
    let recorded = 0;
    for (const due of await consentsAwaitingExpiry(this.dataSource.manager, today)) {
      try {
        await this.decisions.execute(
          consentDecider,
          consentStream(due.childId),
          { type: 'RecordConsentExpiry', childId: due.childId, consentId: due.consentId, today },
          {
            actor: systemActor('consent-expiry'),
            correlationId: randomUUID(),
            childId: due.childId,
          },
        );
        recorded += 1;
      } catch (error) {
        // Another process recorded it first, or it was withdrawn meanwhile: nothing to do.
        if (!(error instanceof DomainRefusal)) throw error;
      }
    }
    if (recorded > 0) this.logger.log(`recorded ${recorded} consent expir${recorded === 1 ? 'y' : 'ies'} for ${today}`);
    return recorded;
  }
}
