import 'reflect-metadata';
import { AccessLog } from '@app/access';
import { percentile } from '../support/percentile';
import { startBenchPlatform } from '../support/platform';
import { runBench } from '../support/run-bench';

/**
 * `npm run bench:access`: the latency of GET /children/:id over HTTP on loopback, with the
 * access-log write (as in production) and with it switched off, to show what the audit costs.
 * Requests are sequential, so the figures are latencies, not throughput.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const warmup = Number(process.env.BENCH_WARMUP ?? 200);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  const platform = await startBenchPlatform('bench_access', log);
  const { server, app, base } = platform;
  const headers = {
    authorization: `Bearer ${await platform.token('senco.oakfield')}`,
    'content-type': 'application/json',
  };

  const created = await fetch(`${base}/children`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      givenName: 'Bench',
      familyName: 'Child',
      dateOfBirth: '2014-01-01',
      schoolId: 'school-oakfield',
      yearGroup: 7,
      flags: [],
    }),
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

  const row = (label: string, t: number[]) =>
    `| ${label.padEnd(22)} | ${percentile(t, 50).toFixed(2).padStart(8)} | ${percentile(t, 99).toFixed(2).padStart(8)} |`;
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

  await platform.stop();
}

runBench(main);
