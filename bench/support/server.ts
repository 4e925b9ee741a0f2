import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedSuperuserUrl, startEmbeddedPostgres } from '@app/platform';

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
  const url = embeddedSuperuserUrl(port);
  const version = await serverVersion(url);
  return {
    // A throwaway cluster: the bench creates its own databases on it, as the tests do.
    url,
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
