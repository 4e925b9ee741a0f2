import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and erasure: the dpo's review queue with every
 * decision, the erasure notices each agency was sent, and when what an agency received
 * was erased from its copy.
 */
export class CreateRetentionReadModels1765300000100 implements MigrationInterface {
  name = 'CreateRetentionReadModels1765300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.retention_reviews (
        child_id text PRIMARY KEY,
        status text NOT NULL,
        due_on date,
        listed_on date,
        records jsonb NOT NULL DEFAULT '[]',
        kept_until date,
        holds jsonb NOT NULL DEFAULT '[]',
        decisions jsonb NOT NULL DEFAULT '[]',
        erased_at timestamptz,
        erased_cause text,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX retention_reviews_status ON read_models.retention_reviews (status, due_on)`);
    await q.query(`
      CREATE TABLE read_models.erasure_notices (
        notice_id text PRIMARY KEY,
        request_id text NOT NULL,
        disclosure_id text NOT NULL,
        child_id text NOT NULL,
        recipient_agency_id text NOT NULL,
        issued_by jsonb NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX erasure_notices_recipient ON read_models.erasure_notices (recipient_agency_id, issued_at)`,
    );
    await q.query(`ALTER TABLE read_models.received_information ADD COLUMN erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_models.received_information DROP COLUMN erased_at`);
    await q.query(`DROP TABLE read_models.erasure_notices`);
    await q.query(`DROP TABLE read_models.retention_reviews`);
  }
}
