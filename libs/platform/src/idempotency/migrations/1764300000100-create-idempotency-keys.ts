import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys: a retried POST (its reply lost) answers from here instead of writing
 * again. One row per user and key, kept until `expires_at`.
 */
export class CreateIdempotencyKeys1764300000100 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS api`);
    await q.query(`
      CREATE TABLE api.idempotency_keys (
        user_id text NOT NULL,
        key text NOT NULL,
        -- sha256 of method, path and body: the same key for another request is refused
        fingerprint text NOT NULL,
        request text NOT NULL,
        state text NOT NULL CHECK (state IN ('in-progress', 'completed')),
        status_code integer,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry ON api.idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api.idempotency_keys`);
  }
}
