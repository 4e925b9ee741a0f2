import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AGENCY_KINDS, ROLES } from '../directory/roles';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Agencies, users and the access log. The log refuses UPDATE and DELETE in the database
 * itself, and each row carries a hash chained to the one before it (ADR 005).
 */
export class CreateAccess1764000000000 implements MigrationInterface {
  name = 'CreateAccess1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS access`);
    await q.query(`
      CREATE TABLE access.agencies (
        agency_id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN (${list(AGENCY_KINDS)})),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE access.users (
        user_id text PRIMARY KEY,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN (${list(ROLES)})),
        agency_id text NOT NULL REFERENCES access.agencies (agency_id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE access.access_log (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id text NOT NULL,
        role text NOT NULL,
        agency_id text NOT NULL,
        child_id text,
        resource text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'refused')),
        basis text,
        reason text,
        request_id text,
        previous_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX access_log_child ON access.access_log (child_id, seq) WHERE child_id IS NOT NULL`);
    await q.query(`CREATE INDEX access_log_user ON access.access_log (user_id, seq)`);
    await q.query(`
      CREATE FUNCTION access.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access.access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access.access_log
      FOR EACH ROW EXECUTE FUNCTION access.refuse_change()`);
    await q.query(
      `CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access.access_log EXECUTE FUNCTION access.refuse_change()`,
    );
    // The head of the chain: locked by each append, so entries are chained one after another.
    await q.query(
      `CREATE TABLE access.access_log_head (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash text NOT NULL)`,
    );
    await q.query(`INSERT INTO access.access_log_head (id, seq, hash) VALUES (1, 0, 'genesis')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA access CASCADE`);
  }
}
