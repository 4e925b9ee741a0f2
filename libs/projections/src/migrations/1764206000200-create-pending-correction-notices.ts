import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of records already disclosed, waiting for their notices to be issued. Written
 * by the sharing projection in the same transaction as its checkpoint, so a correction is
 * never forgotten: if the process stops before the notices go, they go when it is back.
 */
export class CreatePendingCorrectionNotices1764206000200 implements MigrationInterface {
  name = 'CreatePendingCorrectionNotices1764206000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.pending_correction_notices (
        correction_id text PRIMARY KEY,
        record_ref text NOT NULL,
        child_id text NOT NULL,
        corrected jsonb NOT NULL,
        reason text,
        actor jsonb NOT NULL,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.pending_correction_notices`);
  }
}
