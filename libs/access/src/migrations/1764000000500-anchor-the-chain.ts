import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed anchors of the access-log chain (ADR 013), append-only like the log, and a chain
 * head that only moves forward, onto an entry that exists with that hash: the app role may
 * update the head (each append does), but cannot rewind it.
 */
export class AnchorTheChain1764000000500 implements MigrationInterface {
  name = 'AnchorTheChain1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access.access_log_anchors (
        anchor_id uuid PRIMARY KEY,
        seq bigint NOT NULL,
        hash text NOT NULL,
        anchored_at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
    await q.query(`CREATE INDEX access_log_anchors_order ON access.access_log_anchors (anchored_at, seq)`);
    await q.query(`
      CREATE TRIGGER access_log_anchors_append_only BEFORE UPDATE OR DELETE ON access.access_log_anchors
      FOR EACH ROW EXECUTE FUNCTION access.refuse_change()`);
    await q.query(
      `CREATE TRIGGER access_log_anchors_no_truncate BEFORE TRUNCATE ON access.access_log_anchors EXECUTE FUNCTION access.refuse_change()`,
    );
    await q.query(`
      CREATE FUNCTION access.head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.seq <= OLD.seq OR NOT EXISTS (SELECT 1 FROM access.access_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
          RAISE EXCEPTION 'access.access_log_head only moves forward onto a logged entry (% to %)', OLD.seq, NEW.seq USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER access_log_head_moves_forward BEFORE UPDATE ON access.access_log_head
      FOR EACH ROW EXECUTE FUNCTION access.head_moves_forward()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER access_log_head_moves_forward ON access.access_log_head`);
    await q.query(`DROP FUNCTION access.head_moves_forward()`);
    await q.query(`DROP TABLE access.access_log_anchors`);
  }
}
