import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An append in one call: the stream head's upsert, the revision check and the
 * insert of the batch, in that order (the head's row lock first, as before: ADR 002's order
 * is the transaction's, unchanged), in one server-side function. A refused expectation raises
 * ES409 with the stream's current revision as its detail, so the client can name it; a re-sent
 * event id still fails on events_event_id_unique, which the client answers idempotently.
 */
export class AppendInOneCall1765600000100 implements MigrationInterface {
  name = 'AppendInOneCall1765600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION event_store.append_to_stream(
        p_stream_id text, p_expected text, p_event_ids uuid[], p_types text[], p_schema_versions integer[],
        p_data jsonb[], p_metadata jsonb[], p_child_ids text[], p_occurred_at timestamptz[]
      ) RETURNS SETOF event_store.events LANGUAGE plpgsql AS $$
      DECLARE
        how_many bigint := cardinality(p_event_ids);
        head bigint;
        current_revision bigint;
      BEGIN
        INSERT INTO event_store.streams AS s (stream_id, revision) VALUES (p_stream_id, how_many - 1)
        ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + how_many
        RETURNING s.revision INTO head;
        current_revision := head - how_many;
        IF NOT (p_expected = 'any'
             OR (p_expected = 'no-stream' AND current_revision < 0)
             OR (p_expected = 'exists' AND current_revision >= 0)
             OR (p_expected ~ '^-?[0-9]+$' AND p_expected::bigint = current_revision)) THEN
          RAISE EXCEPTION 'stream % is at revision %, not %', p_stream_id, current_revision, p_expected
            USING ERRCODE = 'ES409', DETAIL = current_revision::text;
        END IF;
        RETURN QUERY
          WITH appended AS (
            INSERT INTO event_store.events (stream_id, revision, event_id, type, schema_version, data, metadata, child_id, occurred_at)
            SELECT p_stream_id, current_revision + e.n, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.child_id, e.occurred_at
              FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_child_ids, p_occurred_at)
                   WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, child_id, occurred_at, n)
             ORDER BY e.n
            RETURNING *
          )
          SELECT * FROM appended;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION event_store.append_to_stream(text, text, uuid[], text[], integer[], jsonb[], jsonb[], text[], timestamptz[])`,
    );
  }
}
