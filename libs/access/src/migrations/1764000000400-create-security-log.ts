import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed authentications: when, from which address, why. Never the token. */
export class CreateSecurityLog1764000000400 implements MigrationInterface {
  name = 'CreateSecurityLog1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access.security_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        address text NOT NULL,
        reason text NOT NULL,
        resource text NOT NULL,
        request_id text
      )`);
    await q.query(`CREATE INDEX security_log_address ON access.security_log (address, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access.security_log`);
  }
}
