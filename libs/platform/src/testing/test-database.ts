import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../database/data-source';

/**
 * A fresh, migrated database per test file, on the server scripts/test.mjs provides
 * (embedded PostgreSQL, or DATABASE_URL). Suites never share state.
 */
export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  /** A plain pg pool on the same database, for adapters that use pg directly. */
  readonly pool: Pool;
  drop(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which provides PostgreSQL');
  return url;
}

const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = withDatabase(serverUrl, name);
  const dataSource = createDataSource({ url, poolSize: 5 });
  await dataSource.initialize();
  await migrate(dataSource);
  const pool = new Pool({ connectionString: url, max: 10 });

  return {
    url,
    dataSource,
    pool,
    async drop() {
      await pool.end();
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      // Closed pools disconnect a moment later; forcing the drop earlier would kill them mid-goodbye.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await cleanup.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
