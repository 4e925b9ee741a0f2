import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { LocalIssuer } from '@app/access/identity/local-issuer';
import { loadConfig } from '@app/platform/config/config';
import { openPlatform, type PlatformRuntime } from '@app/platform/runtime/open-platform';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { provideServer } from './server';

/** The whole platform on loopback, on a database of its own, as the HTTP benches measure it. */
export interface BenchPlatform {
  readonly runtime: PlatformRuntime;
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly issuer: LocalIssuer;
  /** Which PostgreSQL, for the figures' heading. */
  readonly description: string;
  close(): Promise<void>;
}

export async function openBenchPlatform(label: string, log: (line: string) => void): Promise<BenchPlatform> {
  const server = await provideServer(log);
  const name = `bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  const runtime = await openPlatform(loadConfig({
      // One user's sequential reads far beyond a person's pace: the request budgets would refuse them.
      RATE_LIMIT_PER_USER: '10000000',
      RATE_LIMIT_PER_ADDRESS: '10000000',
      ...process.env,
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      EVENTSTORE_URL: '',
    }), { log });
  await runtime.projections.start();
  const app = await createApiApplication(runtime, { logger: false });
  await app.listen(0, '127.0.0.1');
  return {
    runtime,
    app,
    baseUrl: await app.getUrl(),
    issuer: await LocalIssuer.open(dataDir),
    description: server.description,
    async close() {
      await app.close();
      await runtime.close();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
