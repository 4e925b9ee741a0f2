import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store. `transaction_id` (xid8) lets readers of the global log
 * skip nothing a slower concurrent transaction commits late: see ADR 002.
 */
export class CreateEventStore1763800000000 implements MigrationInterface {
  name = 'CreateEventStore1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await q.query(`
      CREATE TABLE event_store.streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE event_store.events (
        global_position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        child_id text,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      )`);
    await q.query(`CREATE INDEX events_log_order ON event_store.events (transaction_id, global_position)`);
    await q.query(`CREATE INDEX events_child ON event_store.events (child_id) WHERE child_id IS NOT NULL`);
    // Events are facts: the store itself refuses to change or remove them.
    await q.query(`
      CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store.events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON event_store.events
      FOR EACH ROW EXECUTE FUNCTION event_store.refuse_change()`);
    // Subscribers wake on commit; one notification per append statement, sent by the server.
    await q.query(`
      CREATE FUNCTION event_store.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('event_store_appended', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_notify_appended AFTER INSERT ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.notify_appended()`);
    await q.query(`
      CREATE TABLE event_store.child_data_keys (
        child_id text PRIMARY KEY,
        wrapped_key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CONSTRAINT child_data_keys_key_or_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}
