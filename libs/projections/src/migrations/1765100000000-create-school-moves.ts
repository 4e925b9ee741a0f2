import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * School moves and the child-protection file each one sends (ADR 014): both DSLs' list of
 * transfers with their clocks, and what the access policy reads to open a received file.
 */
export class CreateSchoolMoves1765100000000 implements MigrationInterface {
  name = 'CreateSchoolMoves1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.school_moves (
        move_id text PRIMARY KEY,
        child_id text NOT NULL,
        from_school_id text NOT NULL,
        to_school_id text NOT NULL,
        starts_on date NOT NULL,
        reason text,
        recorded_by jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        records jsonb NOT NULL DEFAULT '[]',
        transfer_due_by date,
        sent_on date,
        sent_by jsonb,
        school_day integer,
        transfer_breach jsonb,
        receipt_due_by date,
        received_on date,
        received_by jsonb,
        receipt_breach jsonb,
        revision bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX school_moves_from ON read_models.school_moves (from_school_id, starts_on)`);
    await q.query(`CREATE INDEX school_moves_to ON read_models.school_moves (to_school_id, starts_on)`);
    await q.query(`CREATE INDEX school_moves_child ON read_models.school_moves (child_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.school_moves`);
  }
}
