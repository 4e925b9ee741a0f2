import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboundMessages1764100000100 implements MigrationInterface {
  name = 'CreateInboundMessages1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS integration`);
    // Every inbound message id seen once, with what became of it: Kafka delivers at least
    // once, so a redelivered id is acknowledged without being applied again.
    await q.query(`
      CREATE TABLE integration.inbound_messages (
        message_id text PRIMARY KEY,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('applied', 'rejected', 'dead-lettered')),
        reason text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE integration.inbound_messages`);
  }
}
