import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append notification names the appending transaction, so a subscriber knows whether it
 * has read everything notified so far: until it has (a commit hidden behind an older running
 * transaction, ADR 002), it polls at its short interval; after that it sleeps until the next
 * notification, with a long poll only as a safety net.
 */
export class NotifyWithTheTransaction1765600000000 implements MigrationInterface {
  name = 'NotifyWithTheTransaction1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION event_store.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('event_store_appended', pg_current_xact_id()::text);
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION event_store.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('event_store_appended', '');
        RETURN NULL;
      END $$`);
  }
}
