import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lawful sharing: the decisions, every disclosure (the dpo's audit), what each agency
 * received (its own read model, and nothing else), correction notices; and safeguarding
 * concerns with their Working Together clocks (the social-care view).
 */
export class CreateSharingReadModels1764206000100 implements MigrationInterface {
  name = 'CreateSharingReadModels1764206000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.sharing_decisions (
        sharing_id text PRIMARY KEY,
        child_id text NOT NULL,
        origin text NOT NULL,
        asked_by jsonb NOT NULL,
        proposed_by jsonb NOT NULL,
        purpose text,
        recipient_agency_id text NOT NULL,
        recipient_user_id text,
        categories text[] NOT NULL,
        basis jsonb,
        checklist jsonb NOT NULL DEFAULT '[]',
        approved_by jsonb,
        approval_discussion text,
        approved_at timestamptz,
        outcome text,
        items jsonb,
        reasons text,
        redactions jsonb,
        family_told jsonb,
        valid_until date,
        decided_by jsonb,
        decided_at timestamptz,
        proposed_at timestamptz NOT NULL,
        revision bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX sharing_decisions_child ON read_models.sharing_decisions (child_id)`);
    await q.query(`
      CREATE TABLE read_models.disclosures (
        disclosure_id text PRIMARY KEY,
        sharing_id text NOT NULL,
        child_id text NOT NULL,
        recipient_agency_id text NOT NULL,
        recipient_user_id text,
        items jsonb NOT NULL,
        channel text NOT NULL,
        basis jsonb NOT NULL,
        disclosed_by jsonb NOT NULL,
        disclosed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX disclosures_child ON read_models.disclosures (child_id, disclosed_at)`);
    await q.query(`CREATE INDEX disclosures_recipient ON read_models.disclosures (recipient_agency_id, disclosed_at)`);
    await q.query(`
      CREATE TABLE read_models.received_information (
        disclosure_id text NOT NULL,
        record_ref text NOT NULL,
        child_id text NOT NULL,
        recipient_agency_id text NOT NULL,
        recipient_user_id text,
        category text NOT NULL,
        field_values jsonb NOT NULL,
        corrected_at timestamptz,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (disclosure_id, record_ref)
      )`);
    await q.query(
      `CREATE INDEX received_information_agency ON read_models.received_information (recipient_agency_id, child_id)`,
    );
    await q.query(`
      CREATE TABLE read_models.correction_notices (
        notice_id text PRIMARY KEY,
        disclosure_id text NOT NULL,
        sharing_id text NOT NULL,
        child_id text NOT NULL,
        recipient_agency_id text NOT NULL,
        recipient_user_id text,
        record_ref text NOT NULL,
        category text NOT NULL,
        corrected jsonb NOT NULL,
        reason text,
        issued_by jsonb NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX correction_notices_recipient ON read_models.correction_notices (recipient_agency_id, issued_at)`,
    );
    await q.query(`
      CREATE TABLE read_models.concerns (
        concern_id text PRIMARY KEY,
        child_id text NOT NULL,
        raised_by jsonb NOT NULL,
        seen_or_heard text,
        raised_at timestamptz NOT NULL,
        status text NOT NULL,
        dsl_outcome text,
        dsl_reasons text,
        reviewed_on date,
        referral jsonb,
        referred_on date,
        decision jsonb,
        assessment jsonb,
        strategy_discussion jsonb,
        conferences jsonb NOT NULL DEFAULT '[]',
        core_groups jsonb NOT NULL DEFAULT '[]',
        reports jsonb NOT NULL DEFAULT '[]',
        clocks jsonb NOT NULL DEFAULT '[]',
        revision bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX concerns_child ON read_models.concerns (child_id)`);
    await q.query(`CREATE INDEX concerns_referred ON read_models.concerns (referred_on) WHERE referred_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['concerns', 'correction_notices', 'received_information', 'disclosures', 'sharing_decisions'])
      await q.query(`DROP TABLE read_models.${table}`);
  }
}
