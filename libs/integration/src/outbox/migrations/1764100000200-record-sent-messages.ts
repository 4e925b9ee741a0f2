import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure ledger of the bus (ADR 010). Each outbox row keeps the child it is about and
 * what the ledger records of it (recipient, basis, fields, the disclosure it carries). When
 * the broker acknowledges a row, the relay copies that into `sent_messages` in the same
 * transaction that marks it published. The outbox is pruned; `sent_messages` never is.
 */
export class RecordSentMessages1764100000200 implements MigrationInterface {
  name = 'RecordSentMessages1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE integration.outbox ADD COLUMN child_id text, ADD COLUMN disclosure jsonb`);
    await q.query(`
      CREATE TABLE integration.sent_messages (
        outbox_id bigint PRIMARY KEY,
        event_id uuid NOT NULL,
        child_id text NOT NULL,
        topic text NOT NULL,
        recipient text NOT NULL,
        basis jsonb NOT NULL,
        fields text[] NOT NULL,
        carries text,
        sent_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sent_messages_child ON integration.sent_messages (child_id, sent_at)`);
    await q.query(`CREATE INDEX sent_messages_recipient ON integration.sent_messages (recipient, sent_at)`);
    await q.query(
      `CREATE INDEX sent_messages_carries ON integration.sent_messages (carries) WHERE carries IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE integration.sent_messages`);
    await q.query(`ALTER TABLE integration.outbox DROP COLUMN child_id, DROP COLUMN disclosure`);
  }
}
