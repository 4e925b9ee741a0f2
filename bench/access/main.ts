import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AccessLog } from '@app/access/audit/access-log';
import { LocalIssuer } from '@app/access/identity/local-issuer';
import { loadConfig } from '@app/platform/config/config';
import { openPlatform } from '@app/platform/runtime/open-platform';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { provideServer } from '../support/server';

/**
 * `npm run bench:access`: the latency of GET /children/:id over HTTP on loopback, with the
 * access-log write (as in production) and with it switched off, to show what the audit costs.
 * Requests are sequential, so the figures are latencies, not throughput.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const warmup = Number(process.env.BENCH_WARMUP ?? 200);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const server = await provideServer(log);
  const name = `bench_access_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-access-'));
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
  const base = await app.getUrl();
  const token = await (await LocalIssuer.open(dataDir)).sign('senco.oakfield');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const created = await fetch(`${base}/children`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ givenName: 'Bench', familyName: 'Child', dateOfBirth: '2014-01-01', schoolId: 'school-oakfield', yearGroup: 7, flags: [] }),
  });
  const { childId } = (await created.json()) as { childId: string };

  const measure = async (label: string): Promise<number[]> => {
    const timings: number[] = [];
    for (let i = 0; i < warmup + requests; i++) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}/children/${childId}`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${label}: GET answered ${response.status}`);
      if (i >= warmup) timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (i > 0 && i % 500 === 0) log(`${label}: ${i} requests`);
    }
    return timings.sort((a, b) => a - b);
  };

  const withAudit = await measure('with audit');
  // The same endpoint with the log write short-circuited: only the bench ever does this.
  const accessLog = app.get(AccessLog);
  const append = accessLog.append.bind(accessLog);
  accessLog.append = async () => undefined;
  const withoutAudit = await measure('without audit');
  accessLog.append = append;
  const withAuditAgain = await measure('with audit (again)');

  const row = (label: string, t: number[]) => `| ${label.padEnd(22)} | ${percentile(t, 50).toFixed(2).padStart(8)} | ${percentile(t, 99).toFixed(2).padStart(8)} |`;
  const audited = [...withAudit, ...withAuditAgain].sort((a, b) => a - b);
  const overhead50 = percentile(audited, 50) - percentile(withoutAudit, 50);
  const overhead99 = percentile(audited, 99) - percentile(withoutAudit, 99);
  process.stdout.write(
    [
      `Access audit benchmark: ${requests} sequential GET /children/:id per phase after ${warmup} warm-up, ${server.description}`,
      '',
      '| GET /children/:id (ms)  |      p50 |      p99 |',
      '|------------------------|---------:|---------:|',
      row('with access-log write', audited),
      row('without the write', withoutAudit),
      `| ${'audit overhead'.padEnd(22)} | ${overhead50.toFixed(2).padStart(8)} | ${overhead99.toFixed(2).padStart(8)} |`,
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
