import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school's learning-mentor read models: one row per case, its action plans
 * and its targets. Personal columns (reasons, measures, wording) are nullable: they read
 * as null once the child's data key is erased.
 */
export class CreateSchoolCasework1764204000100 implements MigrationInterface {
  name = 'CreateSchoolCasework1764204000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.mentor_cases (
        referral_id text PRIMARY KEY,
        child_id text NOT NULL,
        school_id text NOT NULL,
        stage text NOT NULL,
        source text NOT NULL,
        referring_agency_id text,
        reasons text[],
        referred_on date NOT NULL,
        profile_complete boolean NOT NULL DEFAULT false,
        attendance_at_referral double precision,
        behaviour_at_referral integer,
        exclusions_at_referral integer,
        attainment_at_referral text,
        triaged_on date,
        priority text,
        level_of_need integer,
        bae_category text,
        triage_reason text,
        mentor_id text,
        work_mode text,
        consent_ids text[] NOT NULL DEFAULT '{}',
        agreement_signed_on date,
        assessed_on date,
        baseline_attendance double precision,
        baseline_behaviour integer,
        plan_id text,
        plan_agreed_on date,
        intervention_length text,
        planned_end_on date,
        next_review_on date,
        last_review_on date,
        last_review_outcome text,
        sessions_attended integer NOT NULL DEFAULT 0,
        sessions_missed integer NOT NULL DEFAULT 0,
        one_to_one_sessions integer NOT NULL DEFAULT 0,
        group_sessions integer NOT NULL DEFAULT 0,
        in_class_sessions integer NOT NULL DEFAULT 0,
        drop_in_sessions integer NOT NULL DEFAULT 0,
        last_session_on date,
        ending_planned_on date,
        ending_sessions_remaining integer,
        sessions_since_ending_planned integer NOT NULL DEFAULT 0,
        ending_end_on date,
        closed_on date,
        close_reason text,
        attendance_at_exit double precision,
        behaviour_at_exit integer,
        exclusions_at_exit integer,
        follow_up_due_on date,
        last_follow_up_on date,
        follow_up_outcome text,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX mentor_cases_school_stage ON read_models.mentor_cases (school_id, stage)`);
    await q.query(
      `CREATE INDEX mentor_cases_mentor ON read_models.mentor_cases (mentor_id) WHERE stage = 'on-register'`,
    );
    await q.query(`CREATE INDEX mentor_cases_child ON read_models.mentor_cases (child_id)`);
    await q.query(
      `CREATE INDEX mentor_cases_next_review ON read_models.mentor_cases (school_id, next_review_on) WHERE stage = 'on-register'`,
    );

    // The action-plans projection's own note of each case's school (ActionPlanAgreed does not repeat it).
    await q.query(
      `CREATE TABLE read_models.mentor_case_schools (referral_id text PRIMARY KEY, school_id text NOT NULL)`,
    );

    await q.query(`
      CREATE TABLE read_models.mentor_action_plans (
        referral_id text NOT NULL,
        plan_id text NOT NULL,
        child_id text NOT NULL,
        school_id text NOT NULL,
        agreed_on date NOT NULL,
        intervention_length text NOT NULL,
        strategies text[],
        services text[] NOT NULL,
        planned_end_on date,
        review_on date NOT NULL,
        target_ids text[] NOT NULL,
        current boolean NOT NULL,
        PRIMARY KEY (referral_id, plan_id)
      )`);
    await q.query(
      `CREATE INDEX mentor_action_plans_school ON read_models.mentor_action_plans (school_id) WHERE current`,
    );

    await q.query(`
      CREATE TABLE read_models.mentor_case_targets (
        referral_id text NOT NULL,
        target_id text NOT NULL,
        child_id text NOT NULL,
        goal_id text NOT NULL,
        goal_outcome text,
        description text,
        measure text,
        owner text,
        due_on date,
        set_on date NOT NULL,
        latest_progress text,
        progress_note text,
        progress_reviewed_on date,
        PRIMARY KEY (referral_id, target_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.mentor_case_targets`);
    await q.query(`DROP TABLE read_models.mentor_action_plans`);
    await q.query(`DROP TABLE read_models.mentor_case_schools`);
    await q.query(`DROP TABLE read_models.mentor_cases`);
  }
}
