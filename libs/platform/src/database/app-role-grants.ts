import type { DataSource } from 'typeorm';

/**
 * What the app role may do (ADR 012), granted by the owner after every migration run: GRANT
 * is idempotent, and a migration would run once, so a database first migrated by a single
 * role (or by the superuser, before ADR 012) and split later would never get its grants.
 * Events and the access log (and anything later created in their schemas: default
 * privileges) are read and appended only; the few rows that change in place are named.
 * Working tables (read models, outbox, idempotency keys) take ordinary DML. Never TRUNCATE,
 * never DDL on the owner's objects; CREATE on the database only so a rebuild can make (and
 * drop) its own shadow schema.
 */
export async function grantTheAppRole(owner: DataSource, appRole: string): Promise<void> {
  await owner.transaction(async (q) => {
    // Two processes starting at once would otherwise update the same catalogue rows concurrently.
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('mast.app-role-grants'))`);
    const [{ role, database }] = await q.query(
      `SELECT quote_ident($1) AS role, quote_ident(current_database()) AS database`,
      [appRole],
    );
    const records = 'event_store, access';
    const working = 'read_models, integration, api';
    for (const statement of [
      `GRANT USAGE ON SCHEMA ${records}, ${working} TO ${role}`,
      `GRANT SELECT ON public.schema_migrations TO ${role}`,
      `GRANT CREATE ON DATABASE ${database} TO ${role}`,
      `GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${records} TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${records} GRANT SELECT, INSERT ON TABLES TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${working} TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${working} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${records}, ${working} TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${records}, ${working} GRANT USAGE ON SEQUENCES TO ${role}`,
      // Rows of the records' schemas that change in place, each for its reason:
      `GRANT UPDATE ON event_store.streams TO ${role}`, // a stream's revision
      `GRANT UPDATE ON event_store.child_data_keys TO ${role}`, // erasure shreds the key
      `GRANT UPDATE ON access.agencies, access.users, access.restricted_records, access.break_glass TO ${role}`, // the directory; restrictions; a break-glass review
      `GRANT DELETE ON access.restricted_records TO ${role}`, // a restriction lifted
      `GRANT UPDATE (seq, hash) ON access.access_log_head TO ${role}`, // each append moves the head (only forward: its trigger)
    ]) {
      await q.query(statement);
    }
    // Erasure VACUUMs the shredded key's old tuple away; PostgreSQL 17 lets a non-owner do that.
    const [{ version }] = await q.query(`SELECT current_setting('server_version_num')::int AS version`);
    if (version >= 170000) await q.query(`GRANT MAINTAIN ON event_store.child_data_keys TO ${role}`);
  });
}
