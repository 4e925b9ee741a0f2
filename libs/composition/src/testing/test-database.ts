import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrateAsOwner } from '@app/platform';
import { dropRoles, onDatabase, provisionRoles, type DatabaseRole } from '@app/platform';
import { platformSchema } from '../schema';

/**
 * A fresh, migrated database per test file, on the server scripts/test.mjs provides
 * (embedded PostgreSQL, or DATABASE_URL), with its own owner and app roles (ADR 012).
 * Suites never share state.
 */
export interface TestDatabase {
  /** As the app role: what the platform under test connects with (DATABASE_URL). */
  readonly url: string;
  /** As the owner, who migrated it (MIGRATION_DATABASE_URL). */
  readonly ownerUrl: string;
  /** The owner's connection, migrated. */
  readonly dataSource: DataSource;
  /** A plain pg pool on the same database as the server's superuser: adapters under test, and tests playing the attacker. */
  readonly pool: Pool;
  drop(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which provides PostgreSQL');
  return url;
}

/** `migrated: false`: an empty database with its roles, as a restore needs it. */
export async function createTestDatabase(label = 'test', { migrated = true } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `${label
    .replace(/[^a-z0-9_]/gi, '_')
    .toLowerCase()
    .slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const role = (kind: string): DatabaseRole => ({ name: `${name}_${kind}`, password: randomBytes(12).toString('hex') });
  const roles = { owner: role('owner'), app: role('app') };
  const { ownerUrl, appUrl } = await provisionRoles(serverUrl, name, roles);
  if (migrated) await migrateAsOwner(ownerUrl, roles.app.name, platformSchema);
  const dataSource = createDataSource({ schema: platformSchema, url: ownerUrl, poolSize: 5 });
  await dataSource.initialize();
  const pool = new Pool({ connectionString: onDatabase(serverUrl, name), max: 10 });

  return {
    url: appUrl,
    ownerUrl,
    dataSource,
    pool,
    async drop() {
      await pool.end();
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      // Closed pools disconnect a moment later; forcing the drop earlier would kill them mid-goodbye.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await cleanup.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [
          name,
        ]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
      await dropRoles(serverUrl, [roles.owner, roles.app]);
    },
  };
}
