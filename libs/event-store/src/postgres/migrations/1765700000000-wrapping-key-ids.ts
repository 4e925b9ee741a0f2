import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key rotation (ADR 021): each data key names the key-encryption key that wraps it, and a
 * retired key-encryption key may wrap nothing again, whichever process still holds it.
 * Rows from before have no id: they were wrapped by the key in use then.
 */
export class WrappingKeyIds1765700000000 implements MigrationInterface {
  name = 'WrappingKeyIds1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_store.child_data_keys ADD COLUMN wrapping_key_id text`);
    await q.query(
      `CREATE TABLE event_store.retired_wrapping_keys (key_id text PRIMARY KEY, retired_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`
      CREATE FUNCTION event_store.refuse_retired_wrapping_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.wrapped_key IS NOT NULL AND EXISTS (
          SELECT 1 FROM event_store.retired_wrapping_keys r WHERE r.key_id = NEW.wrapping_key_id OR NEW.wrapping_key_id IS NULL
        ) THEN
          RAISE EXCEPTION 'the data key of child % is wrapped with a retired or unnamed key-encryption key (%): the process writing it holds an old DATA_KEY_ENCRYPTION_KEY', NEW.child_id, coalesce(NEW.wrapping_key_id, 'no id')
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER child_data_keys_current_wrapping BEFORE INSERT OR UPDATE ON event_store.child_data_keys
      FOR EACH ROW EXECUTE FUNCTION event_store.refuse_retired_wrapping_key()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER child_data_keys_current_wrapping ON event_store.child_data_keys`);
    await q.query(`DROP FUNCTION event_store.refuse_retired_wrapping_key()`);
    await q.query(`DROP TABLE event_store.retired_wrapping_keys`);
    await q.query(`ALTER TABLE event_store.child_data_keys DROP COLUMN wrapping_key_id`);
  }
}
