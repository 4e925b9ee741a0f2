import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChildRecords1763900000100 implements MigrationInterface {
  name = 'CreateChildRecords1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.child_records (
        child_id text PRIMARY KEY,
        given_name text,
        family_name text,
        date_of_birth date,
        upn text,
        school_id text NOT NULL,
        year_group integer NOT NULL,
        flags text[] NOT NULL DEFAULT '{}',
        revision bigint NOT NULL,
        erased boolean NOT NULL DEFAULT false,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX child_records_school ON read_models.child_records (school_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.child_records`);
  }
}
