import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testServerUrl } from '@app/composition/testing';
import { createDataSource, migrate, migrateAsOwner } from './data-source';
import { dropRoles, onDatabase, provisionRoles } from './database-roles';
import { platformSchema } from '@app/composition';

/** A database migrated by the superuser before ADR 012 is handed to the owner, then granted to the app role. */
describe('roles for a database the superuser migrated', () => {
  const name = `legacy_${randomBytes(4).toString('hex')}`;
  const roles = {
    owner: { name: `${name}_owner`, password: 'o'.repeat(16) },
    app: { name: `${name}_app`, password: 'a'.repeat(16) },
  };
  const asSuperuser = async (database: string, sql: string) => {
    const client = new Client({ connectionString: onDatabase(testServerUrl(), database) });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  afterAll(async () => {
    await asSuperuser('postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropRoles(testServerUrl(), [roles.owner, roles.app]);
  });

  it('hands every object to the owner, and the app role appends but cannot alter', async () => {
    await asSuperuser('postgres', `CREATE DATABASE "${name}"`);
    const legacy = createDataSource({ schema: platformSchema, url: onDatabase(testServerUrl(), name), poolSize: 1 });
    await legacy.initialize();
    await migrate(legacy);
    await legacy.destroy();

    const { ownerUrl, appUrl } = await provisionRoles(testServerUrl(), name, roles);
    await migrateAsOwner(ownerUrl, roles.app.name, platformSchema);
    const owners = await asSuperuser(
      name,
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname IN ('event_store', 'access', 'read_models', 'integration', 'api')`,
    );
    expect(owners).toEqual([{ tableowner: roles.owner.name }]);

    const app = new Client({ connectionString: appUrl });
    await app.connect();
    try {
      await app.query(
        `INSERT INTO access.security_log (at, address, reason, resource) VALUES ('2026-12-01T12:00:00Z', '127.0.0.1', 'test', 'GET /')`,
      );
      await expect(app.query(`DELETE FROM access.security_log`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`ALTER TABLE event_store.events DISABLE TRIGGER events_append_only`)).rejects.toThrow(
        /must be owner/,
      );
    } finally {
      await app.end();
    }
  });
});
