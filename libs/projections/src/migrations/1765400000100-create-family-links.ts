import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Family accounts linked to children, and the competence assessments a family view judges the child's standing by. */
export class CreateFamilyLinks1765400000100 implements MigrationInterface {
  name = 'CreateFamilyLinks1765400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.family_links (
        link_id text PRIMARY KEY,
        child_id text NOT NULL,
        user_id text NOT NULL,
        kind text NOT NULL,
        relationship text,
        evidence jsonb,
        linked_on date NOT NULL,
        linked_by text NOT NULL,
        unlinked_on date,
        unlink_reason text,
        unlinked_by text,
        sequence bigint NOT NULL
      )`);
    // The policy's question on every family read: is this user linked to this child now.
    await q.query(
      `CREATE INDEX family_links_user ON read_models.family_links (user_id, child_id) WHERE unlinked_on IS NULL`,
    );
    await q.query(`CREATE INDEX family_links_child ON read_models.family_links (child_id)`);
    await q.query(`
      CREATE TABLE read_models.competence_assessments (
        child_id text NOT NULL,
        assessment_id text NOT NULL,
        assessed_on date NOT NULL,
        framework text NOT NULL,
        outcome text NOT NULL,
        child_age integer NOT NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (child_id, assessment_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.competence_assessments`);
    await q.query(`DROP TABLE read_models.family_links`);
  }
}
