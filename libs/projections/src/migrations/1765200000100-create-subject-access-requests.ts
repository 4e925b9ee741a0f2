import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The dpo's queue of subject-access requests: each with its clock, any extension, and what was sent. */
export class CreateSubjectAccessRequests1765200000100 implements MigrationInterface {
  name = 'CreateSubjectAccessRequests1765200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.subject_access_requests (
        request_id text PRIMARY KEY,
        child_id text NOT NULL,
        kind text NOT NULL,
        requester jsonb,
        identity_check jsonb,
        received_on date NOT NULL,
        clock text NOT NULL,
        school_id text,
        first_due_by date NOT NULL,
        due_by date NOT NULL,
        extension jsonb,
        recorded_by jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        answered_on date,
        breach jsonb,
        response jsonb,
        revision bigint NOT NULL
      )`);
    await q.query(
      `CREATE INDEX subject_access_requests_open ON read_models.subject_access_requests (due_by) WHERE answered_on IS NULL`,
    );
    await q.query(`CREATE INDEX subject_access_requests_child ON read_models.subject_access_requests (child_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.subject_access_requests`);
  }
}
