import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends no longer NOTIFY inside their own transaction. A transaction that notifies takes
 * one database-wide lock from its commit until after its WAL flush, so every appending
 * transaction waited for the one before it to reach the disk: concurrent appends could not
 * share a flush. The store now announces each append after it commits, naming the
 * transaction, in a transaction of its own that does not wait for the disk (postgres-event-store.ts).
 */
export class NotifyAfterCommit1765600000000 implements MigrationInterface {
  name = 'NotifyAfterCommit1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER events_notify_appended ON event_store.events`);
    await q.query(`DROP FUNCTION event_store.notify_appended()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION event_store.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('event_store_appended', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_notify_appended AFTER INSERT ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.notify_appended()`);
  }
}
