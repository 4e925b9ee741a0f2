import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjectionCheckpoints1763900000000 implements MigrationInterface {
  name = 'CreateProjectionCheckpoints1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS read_models`);
    // The pair (commit, position) is the checkpoint: see ADR 002. Null: nothing applied yet.
    await q.query(`
      CREATE TABLE read_models.projection_checkpoints (
        name text PRIMARY KEY,
        commit_id bigint,
        position bigint,
        events_applied bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.projection_checkpoints`);
  }
}
