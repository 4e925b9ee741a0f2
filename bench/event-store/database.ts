import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, migrate } from '@app/platform/database/data-source';
import { startEmbeddedPostgres } from '@app/platform/embedded/embedded-postgres';
import { BASELINE_SCHEMA } from './subjects/plain-insert';

export interface BenchServer {
  readonly url: string;
  readonly description: string;
  stop(): Promise<void>;
}

/** DATABASE_URL's server, or a throwaway embedded PostgreSQL under var/bench, removed afterwards. */
export async function provideServer(log: (line: string) => void): Promise<BenchServer> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, description: 'PostgreSQL from DATABASE_URL', stop: async () => undefined };
  }
  const port = Number(process.env.BENCH_POSTGRES_PORT ?? 54340);
  const dataDir = join('var', 'bench', `pg-${randomBytes(4).toString('hex')}`);
  let embedded;
  try {
    embedded = await startEmbeddedPostgres(dataDir, port, log);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const version = await serverVersion(embedded.url);
  return {
    url: embedded.url,
    description: `embedded PostgreSQL ${version} (default settings, data in ${dataDir}, removed afterwards)`,
    async stop() {
      await embedded.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A database of its own on the server, so nothing of the bench lands in real data: migrated, plus the baseline table. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_event_store_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 2 });
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    await dataSource.query(BASELINE_SCHEMA);
  } finally {
    await dataSource.destroy();
  }
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function onServer(serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
