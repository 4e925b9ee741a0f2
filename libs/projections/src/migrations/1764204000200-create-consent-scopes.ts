import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per consent decision (given or refused) with its scope as arrays: the same
 * facts the consent decider folds, so gates answer coverage from here with the domain's
 * own consentCoverage function.
 */
export class CreateConsentScopes1764204000200 implements MigrationInterface {
  name = 'CreateConsentScopes1764204000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.consent_scopes (
        child_id text NOT NULL,
        consent_id text NOT NULL,
        kind text NOT NULL,
        giver_kind text NOT NULL,
        giver_relationship text,
        purposes text[] NOT NULL,
        recipients text[] NOT NULL,
        categories text[] NOT NULL,
        effective_on date NOT NULL,
        expires_on date,
        withdrawn_at timestamptz,
        withdrawn_by_kind text,
        expiry_recorded_on date,
        child_age integer NOT NULL,
        child_competent boolean NOT NULL,
        competence_assessment_id text,
        evidence_form text NOT NULL,
        document_ref text,
        sequence bigint NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (child_id, consent_id)
      )`);
    await q.query(`CREATE INDEX consent_scopes_purposes ON read_models.consent_scopes USING gin (purposes)`);
    await q.query(`CREATE INDEX consent_scopes_recipients ON read_models.consent_scopes USING gin (recipients)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.consent_scopes`);
  }
}
