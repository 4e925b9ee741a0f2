import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { LocalIssuer } from '@app/access';
import { loadConfig } from '@app/platform';
import { openPlatform, type PlatformRuntime } from '@app/composition';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { provideServer, type BenchServer } from './server';

export interface BenchPlatform {
  readonly server: BenchServer;
  readonly runtime: PlatformRuntime;
  readonly app: INestApplication;
  /** The API's address on loopback. */
  readonly base: string;
  /** A bearer token of the local issuer for a demo-directory user. */
  token(userId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole platform (API, projections) on a database of its own on a throwaway server
 * (or DATABASE_URL's), listening on loopback: what the HTTP benches measure.
 */
export async function startBenchPlatform(name: string, log: (line: string) => void): Promise<BenchPlatform> {
  const server = await provideServer(log);
  const database = `${name}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const runtime = await openPlatform(
    loadConfig({
      // One user's load far beyond a person's pace: the request budgets would refuse it.
      RATE_LIMIT_PER_USER: '10000000',
      RATE_LIMIT_PER_ADDRESS: '10000000',
      ...process.env,
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      EVENTSTORE_URL: '',
    }),
    { log },
  );
  await runtime.projections.start();
  const app = await createApiApplication(runtime, { logger: false });
  await app.listen(Number(process.env.BENCH_API_PORT ?? 0), '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const issuer = await LocalIssuer.open(dataDir);
  return {
    server,
    runtime,
    app,
    base,
    token: (userId) => issuer.sign(userId),
    async stop() {
      await app.close();
      await runtime.close();
      await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
      await admin.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
