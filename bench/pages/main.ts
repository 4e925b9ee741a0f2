import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { LocalIssuer } from '@app/access/identity/local-issuer';
import { addDays, dayOf } from '@app/domain/shared/calendar';
import { loadConfig } from '@app/platform/config/config';
import { openPlatform } from '@app/platform/runtime/open-platform';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { provideServer } from '../support/server';
import { signedInReader } from './page-reader';
import { PAGE_SCENARIOS } from './scenarios';
import { schoolApi } from './school-cases';

/**
 * `npm run bench:pages`: server render times of the web pages over HTTP on loopback, signed in
 * by a session as their users are: the guard, the policy, the access-log entry naming every
 * child shown, the read-model queries and Nunjucks, measured to the last byte of the HTML.
 * Requests are sequential, so the figures are latencies. BENCH_PAGE_REQUESTS (300) per page,
 * BENCH_PAGE_WARMUP (30).
 */
const requests = Number(process.env.BENCH_PAGE_REQUESTS ?? 300);
const warmup = Number(process.env.BENCH_PAGE_WARMUP ?? 30);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const server = await provideServer(log);
  const name = `bench_pages_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  const runtime = await openPlatform(
    loadConfig({ RATE_LIMIT_PER_USER: '10000000', RATE_LIMIT_PER_ADDRESS: '10000000', ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dataDir, EVENTSTORE_URL: '' }),
    { log },
  );
  await runtime.projections.start();
  const app = await createApiApplication(runtime, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const issuer = await LocalIssuer.open(dataDir);
  const api = schoolApi(base, (userId) => issuer.sign(userId));
  const today = dayOf(runtime.clock().toISOString());
  const days = { today, daysAgo: (n: number) => addDays(today, -n), daysAhead: (n: number) => addDays(today, n) };

  const rows: string[] = [];
  for (const scenario of PAGE_SCENARIOS) {
    log(`${scenario.name}: seeding through the API`);
    const path = await scenario.seed(api, days);
    const reader = await signedInReader(base, scenario.userId);
    for (let tries = 0; !scenario.complete((await reader.get(path)).html); tries++) {
      if (tries > 600) throw new Error(`${scenario.name}: ${path} never showed every seeded record`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const timings: number[] = [];
    for (let i = 0; i < warmup + requests; i++) {
      const started = process.hrtime.bigint();
      const page = await reader.get(path);
      if (page.status !== 200) throw new Error(`${scenario.name}: GET ${path} answered ${page.status}`);
      if (i >= warmup) timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    timings.sort((a, b) => a - b);
    rows.push(`| ${scenario.name.padEnd(28)} | ${percentile(timings, 50).toFixed(2).padStart(8)} | ${percentile(timings, 95).toFixed(2).padStart(8)} |`);
  }
  process.stdout.write(
    [
      `Page render benchmark: ${requests} sequential GETs per page after ${warmup} warm-up, signed in by a session, ${server.description}`,
      '',
      '| page (ms)                    |      p50 |      p95 |',
      '|------------------------------|---------:|---------:|',
      ...rows,
      '',
    ].join('\n'),
  );

  await app.close();
  await runtime.close();
  await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
