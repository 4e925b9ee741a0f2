import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure ledger holds every kind of disclosure (ADR 010), not only those under a
 * sharing decision: a referral to social care has no decision, so it carries its own
 * purpose, approver and whether the family was told.
 */
export class DisclosuresOfEveryKind1764206000300 implements MigrationInterface {
  name = 'DisclosuresOfEveryKind1764206000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE read_models.disclosures
        ALTER COLUMN sharing_id DROP NOT NULL,
        ADD COLUMN kind text NOT NULL DEFAULT 'sharing-decision',
        ADD COLUMN purpose text,
        ADD COLUMN approved_by jsonb,
        ADD COLUMN family_told jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM read_models.disclosures WHERE sharing_id IS NULL`);
    await q.query(
      `ALTER TABLE read_models.disclosures ALTER COLUMN sharing_id SET NOT NULL, DROP COLUMN kind, DROP COLUMN purpose, DROP COLUMN approved_by, DROP COLUMN family_told`,
    );
  }
}
