import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/domain';
import { CorrectionNotices } from '../sharing/correction-notices';
import { ProcessManager } from './process-manager';

interface Pending {
  correction_id: string;
  record_ref: string;
  corrected: Record<string, unknown>;
  reason: string | null;
  actor: Actor;
  correlation_id: string | null;
}

const POLL_MS = 1000;
/** Long enough for one correction's notices; a row a crashed process held is taken again after it. */
const LEASE_SECONDS = 30;

/**
 * Issues the notices corrections owe (read_models.pending_correction_notices). Each row is
 * leased while its notices are issued and deleted after, so with several API processes one
 * takes it; a row left by a crash is taken again, and the notices' ids make the repeat harmless.
 */
@Injectable()
export class CorrectionNoticeWorker extends ProcessManager {
  private readonly logger = new Logger('CorrectionNotices');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: CorrectionNotices,
  ) {
    super('CorrectionNotices', POLL_MS, false);
  }

  /** Issues every pending notice now. */
  drain(): Promise<number> {
    return this.runNow();
  }

  protected async react(): Promise<number> {
    let issued = 0;
    for (let row = await this.claim(); row; row = await this.claim()) {
      try {
        issued += await this.notices.issue(
          row.record_ref,
          row.correction_id,
          row.corrected,
          row.reason ?? 'Record corrected',
          {
            actor: row.actor,
            requestId: row.correlation_id ?? row.correction_id,
          },
        );
      } catch (error) {
        this.logger.error(
          `correction ${row.correction_id}: notices not issued yet, will retry: ${(error as Error).message}`,
        );
        return issued;
      }
      await this.dataSource.query(`DELETE FROM read_models.pending_correction_notices WHERE correction_id = $1`, [
        row.correction_id,
      ]);
    }
    return issued;
  }

  /**
   * Takes one row on a short lease, in its own brief transaction: a transaction held open
   * while notices are appended would hold back every reader of the event log.
   */
  private async claim(): Promise<Pending | null> {
    const [rows]: [Pending[]] = await this.dataSource.query(
      `UPDATE read_models.pending_correction_notices SET claimed_until = now() + make_interval(secs => $1)
        WHERE correction_id = (
          SELECT correction_id FROM read_models.pending_correction_notices
           WHERE claimed_until IS NULL OR claimed_until < now()
           ORDER BY created_at, correction_id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING correction_id, record_ref, corrected, reason, actor, correlation_id`,
      [LEASE_SECONDS],
    );
    return rows[0] ?? null;
  }
}
