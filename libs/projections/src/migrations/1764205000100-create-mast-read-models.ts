import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The MAST panel's read models: requests, their deadlines, panels and agenda items with decisions. */
export class CreateMastReadModels1764205000100 implements MigrationInterface {
  name = 'CreateMastReadModels1764205000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.mast_requests (
        request_id text PRIMARY KEY,
        child_id text NOT NULL,
        school_id text NOT NULL,
        requested_by text NOT NULL,
        parents_involved jsonb,
        needs text,
        already_tried text,
        level_of_need integer NOT NULL,
        consent_id text NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL,
        panel_date date,
        outcome text,
        decision jsonb,
        decision_reason text,
        worker_id text,
        worker_kind text,
        decided_on date,
        first_contact_on date,
        ended_on date,
        revision bigint NOT NULL,
        erased boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX mast_requests_worker ON read_models.mast_requests (worker_id) WHERE worker_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX mast_requests_status ON read_models.mast_requests (status)`);
    await q.query(`
      CREATE TABLE read_models.mast_deadlines (
        request_id text NOT NULL,
        deadline text NOT NULL,
        started_on date NOT NULL,
        child_id text NOT NULL,
        due_by date NOT NULL,
        owner_user_id text NOT NULL,
        owner_agency_id text NOT NULL,
        owner_role text NOT NULL,
        met_on date,
        met_on_working_day integer,
        breached boolean NOT NULL DEFAULT false,
        breach_reason text,
        breach_recorded_on date,
        PRIMARY KEY (request_id, deadline, started_on)
      )`);
    await q.query(`CREATE INDEX mast_deadlines_open ON read_models.mast_deadlines (due_by) WHERE met_on IS NULL`);
    await q.query(`CREATE INDEX mast_deadlines_owner ON read_models.mast_deadlines (owner_user_id)`);
    await q.query(`
      CREATE TABLE read_models.mast_panels (
        panel_date date PRIMARY KEY,
        status text NOT NULL,
        scheduled_by text NOT NULL,
        cut_off timestamptz,
        held_over text[] NOT NULL DEFAULT '{}',
        attendance jsonb NOT NULL DEFAULT '[]',
        minutes text,
        minutes_recorded_by text,
        carried_over text[] NOT NULL DEFAULT '{}',
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE read_models.mast_agenda_items (
        panel_date date NOT NULL,
        request_id text NOT NULL,
        position integer NOT NULL,
        child_id text NOT NULL,
        school_id text NOT NULL,
        level_of_need integer NOT NULL,
        received_at timestamptz NOT NULL,
        is_returning boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        conflicts jsonb NOT NULL DEFAULT '[]',
        outcome text,
        decision jsonb,
        reason text,
        participants jsonb,
        conflicted text[],
        quorum jsonb,
        decided_at timestamptz,
        PRIMARY KEY (panel_date, request_id)
      )`);
    await q.query(`CREATE INDEX mast_agenda_items_request ON read_models.mast_agenda_items (request_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.mast_agenda_items`);
    await q.query(`DROP TABLE read_models.mast_panels`);
    await q.query(`DROP TABLE read_models.mast_deadlines`);
    await q.query(`DROP TABLE read_models.mast_requests`);
  }
}
