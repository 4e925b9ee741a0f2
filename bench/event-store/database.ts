export { provideServer, type BenchServer } from '../support/server';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, migrate } from '@app/platform';
import { BASELINE_SCHEMA } from './subjects/plain-insert';
import { platformSchema } from '@app/composition';

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
  const dataSource = createDataSource({ schema: platformSchema, url: url.toString(), poolSize: 2 });
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
