import 'reflect-metadata';
import { addDays, dayOf } from '@app/domain';
import { startBenchPlatform } from '../support/platform';
import { signedInReader } from './page-reader';
import { PAGE_SCENARIOS } from './scenarios';
import { schoolApi } from './school-cases';
import { percentile } from '../support/percentile';
import { runBench } from '../support/run-bench';

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

async function main(): Promise<void> {
  const platform = await startBenchPlatform('bench_pages', log);
  const { base } = platform;
  const api = schoolApi(base, platform.token);
  const today = dayOf(platform.runtime.clock().toISOString());
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
    rows.push(
      `| ${scenario.name.padEnd(28)} | ${percentile(timings, 50).toFixed(2).padStart(8)} | ${percentile(timings, 95).toFixed(2).padStart(8)} |`,
    );
  }
  process.stdout.write(
    [
      `Page render benchmark: ${requests} sequential GETs per page after ${warmup} warm-up, signed in by a session, ${platform.server.description}`,
      '',
      '| page (ms)                    |      p50 |      p95 |',
      '|------------------------------|---------:|---------:|',
      ...rows,
      '',
    ].join('\n'),
  );

  await platform.stop();
}

runBench(main);
