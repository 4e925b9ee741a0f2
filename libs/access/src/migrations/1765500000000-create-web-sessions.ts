import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web pages' server-side sessions (ADR 018): the browser holds only a random id, this
 * table its hash, so a leaked table signs no one in. In the working schema `api`: a session
 * is touched on every page and deleted at sign-out.
 */
export class CreateWebSessions1765500000000 implements MigrationInterface {
  name = 'CreateWebSessions1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS api`);
    await q.query(`
      CREATE TABLE api.web_sessions (
        id_hash bytea PRIMARY KEY,
        user_id text NOT NULL,
        display_name text NOT NULL,
        csrf_token text NOT NULL,
        started_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX web_sessions_expires_at ON api.web_sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api.web_sessions`);
  }
}
