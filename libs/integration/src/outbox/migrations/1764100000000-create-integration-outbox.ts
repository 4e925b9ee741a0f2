import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntegrationOutbox1764100000000 implements MigrationInterface {
  name = 'CreateIntegrationOutbox1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS integration`);
    // One row per integration message, written in the append transaction of the events
    // that caused it. `transaction_id` lets the relay read rows in commit order, only once
    // every older transaction has finished (the same rule as the event log, ADR 002/004).
    await q.query(`
      CREATE TABLE integration.outbox (
        id bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        integration_type text NOT NULL,
        topic text NOT NULL,
        key text NOT NULL,
        headers jsonb NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        failed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CONSTRAINT outbox_event_type_unique UNIQUE (event_id, integration_type)
      )`);
    // The relay's work list: small, because published rows leave it.
    await q.query(`
      CREATE INDEX outbox_pending ON integration.outbox (transaction_id, id)
        WHERE published_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE integration.outbox`);
  }
}
