import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The CAF read models: the practitioners' record, the lead professional's view, the family-held copy. */
export class CreateCafReadModels1764205000200 implements MigrationInterface {
  name = 'CreateCafReadModels1764205000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.caf_cases (
        caf_id text PRIMARY KEY,
        child_id text NOT NULL,
        status text NOT NULL,
        started_by text NOT NULL,
        started_by_agency_id text NOT NULL,
        started_on date NOT NULL,
        reason_for_assessment text,
        completed_on date,
        lead_professional jsonb,
        lead_professional_user_id text,
        lead_since date,
        next_review_on date,
        last_reviewed_on date,
        closed_on date,
        outcome text,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX caf_cases_lead ON read_models.caf_cases (lead_professional_user_id)`);
    await q.query(`CREATE INDEX caf_cases_child ON read_models.caf_cases (child_id)`);
    await q.query(`
      CREATE TABLE read_models.caf_team_members (
        caf_id text NOT NULL,
        user_id text NOT NULL,
        agency_id text NOT NULL,
        role text NOT NULL,
        name text,
        parts text[] NOT NULL DEFAULT '{}',
        joined_on date NOT NULL,
        PRIMARY KEY (caf_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE read_models.caf_actions (
        caf_id text NOT NULL,
        action_id text NOT NULL,
        child_id text NOT NULL,
        action text,
        owner_agency_id text NOT NULL,
        owner_user_id text,
        due_by date NOT NULL,
        status text NOT NULL,
        agreed_on date NOT NULL,
        last_note text,
        updated_on date NOT NULL,
        PRIMARY KEY (caf_id, action_id)
      )`);
    await q.query(`CREATE INDEX caf_actions_owner ON read_models.caf_actions (owner_agency_id)`);
    await q.query(`
      CREATE TABLE read_models.caf_contributions (
        caf_id text NOT NULL,
        contribution_id text NOT NULL,
        domain text NOT NULL,
        element text NOT NULL,
        text text,
        contributor_user_id text NOT NULL,
        contributor_agency_id text NOT NULL,
        contributor_role text NOT NULL,
        recorded_on date NOT NULL,
        second_hand boolean NOT NULL,
        withheld_from_family boolean NOT NULL,
        withheld_reason text,
        supersedes text,
        superseded_by text,
        correction_reason text,
        PRIMARY KEY (caf_id, contribution_id)
      )`);
    await q.query(`
      CREATE TABLE read_models.caf_family_copies (
        caf_id text PRIMARY KEY,
        child_id text NOT NULL,
        document jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.caf_family_copies`);
    await q.query(`DROP TABLE read_models.caf_contributions`);
    await q.query(`DROP TABLE read_models.caf_actions`);
    await q.query(`DROP TABLE read_models.caf_team_members`);
    await q.query(`DROP TABLE read_models.caf_cases`);
  }
}
