import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Restricted records (only named users see them) and break-glass openings for review. */
export class CreateRestrictedRecords1764000000100 implements MigrationInterface {
  name = 'CreateRestrictedRecords1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access.restricted_records (
        child_id text PRIMARY KEY,
        restricted_by text NOT NULL,
        reason text NOT NULL,
        named_users text[] NOT NULL,
        restricted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE access.break_glass (
        id bigserial PRIMARY KEY,
        child_id text NOT NULL,
        user_id text NOT NULL,
        role text NOT NULL,
        agency_id text NOT NULL,
        reason text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        reviewed_by text,
        reviewed_at timestamptz,
        review_note text
      )`);
    await q.query(`CREATE INDEX break_glass_open ON access.break_glass (user_id, child_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access.break_glass`);
    await q.query(`DROP TABLE access.restricted_records`);
  }
}
