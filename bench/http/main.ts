import 'reflect-metadata';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { cpuSeconds, loadAverage, parentOf } from './cpu';
import type { LoadResult, LoadStep, ReadBackResult } from './load';
import { placeOnRegister } from './register-seed';
import { startBenchPlatform } from '../support/platform';
import { runBench } from '../support/run-bench';

/**
 * `npm run bench:http`: paced load from a second process against the whole platform on
 * loopback: an audited read, a command and the school's pupil register at two sizes, each at
 * fixed rates and unconstrained, beside the same server's /health at the same rate (the
 * floor: HTTP, middleware and the driver, no database). Latency counts from each request's
 * scheduled time. A path stops climbing rates once it cannot keep up (achieved below 90 % of
 * the rate, or errors): higher rates would only measure a queue. Each command's child is read
 * back (`GET` of its `Location`) from the moment its 201 arrives until it answers 200: the
 * read-your-writes lag, beside the command's own latency.
 */
const rates = (process.env.BENCH_RATES ?? '50,100,200,400,800').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** A latency; none when no request of the step was answered (NaN comes back from the driver as null). */
const ms = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(1) : '-');
const registerSizes = (process.env.BENCH_REGISTER_SIZES ?? '200,2000').split(',').map(Number);
/** Which paths to load (`read,create,register`): a profile of one path needs only that one. */
const paths = new Set((process.env.BENCH_PATHS ?? 'read,create,register').split(','));
/** One in how many created children is read back (1: every one). */
const readBackEvery = Number(process.env.BENCH_RYW_EVERY ?? 1);
const readBackGiveUpSeconds = 5;
const firstNot200 = (rb: ReadBackResult) => Object.values(rb.firstAnswers).reduce((a, b) => a + b, 0);
/** Failures counted by kind, as ` (HTTP 403: 12, ECONNRESET: 1)`; nothing when there were none. */
const kinds = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? ''
    : ` (${Object.entries(counts)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')})`;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

interface Path {
  readonly label: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  /** Read back what it creates (read-your-writes lag). */
  readonly readBack?: boolean;
}

interface Row {
  readonly label: string;
  readonly rate: number | null;
  readonly result: LoadResult;
  readonly floor: LoadResult;
  readonly apiCpu: number;
  readonly pgCpu: number;
  readonly load: string;
}

async function main(): Promise<void> {
  const platform = await startBenchPlatform('bench_http', log);
  const token = await platform.token('senco.oakfield');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const driver = fork(join(__dirname, 'driver.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const {
    rows: [{ pid: backend }],
  } = await platform.runtime.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = parentOf(backend)!;

  const step = (s: LoadStep) =>
    new Promise<LoadResult>((resolve, reject) => {
      driver.once('message', (m: { result?: LoadResult; error?: string }) =>
        m.result ? resolve(m.result) : reject(new Error(m.error)),
      );
      driver.send(s);
    });
  const loadOf = (p: Path, rate: number | null, secs = seconds): LoadStep => ({
    method: p.method,
    url: `${platform.base}${p.path}`,
    headers,
    body: p.body,
    rate,
    seconds: secs,
    connections,
    drainSeconds: 10,
    readBack: p.readBack ? { every: readBackEvery, giveUpSeconds: readBackGiveUpSeconds } : undefined,
  });
  const health: Path = { label: 'GET /health', method: 'GET', path: '/health' };
  const rows: Row[] = [];
  /** One step of a path at a rate, beside /health at the same rate just before it. */
  const measureAt = async (p: Path, rate: number | null): Promise<LoadResult> => {
    const floor = await step(loadOf(health, rate));
    const api0 = cpuSeconds(process.pid, false);
    const pg0 = cpuSeconds(postmaster, true);
    const t0 = process.hrtime.bigint();
    const result = await step(loadOf(p, rate));
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const row = {
      label: p.label,
      rate,
      result,
      floor,
      apiCpu: (100 * (cpuSeconds(process.pid, false) - api0)) / wall,
      pgCpu: (100 * (cpuSeconds(postmaster, true) - pg0)) / wall,
      load: loadAverage(),
    };
    rows.push(row);
    const rb = result.readBack;
    log(
      `${p.label} at ${rate ?? 'max'}/s: ${result.achieved.toFixed(0)}/s p50 ${ms(result.p50)} p99 ${ms(result.p99)} ms, ${result.errors} errors` +
        (rb
          ? `; read back ${rb.sampled}: lag p50 ${ms(rb.p50)} p99 ${ms(rb.p99)} max ${ms(rb.max)} ms, first GET not 200: ${firstNot200(rb)}${kinds(rb.firstAnswers)}, ${rb.retried} read on a later GET, ${rb.notReadable} not readable`
          : '') +
        ` (load ${row.load})`,
    );
    return result;
  };
  const measure = async (p: Path) => {
    await step(loadOf(p, 50, 1)); // warm-up, not counted
    for (const rate of rates) {
      const result = await measureAt(p, rate);
      if (result.achieved < 0.9 * rate || result.errors > 0) {
        log(`${p.label}: saturated at ${rate}/s; higher rates skipped`);
        break;
      }
    }
    await measureAt(p, null);
  };

  const created = await fetch(`${platform.base}/children`, {
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
  if (paths.has('read')) await measure({ label: 'GET /children/:id', method: 'GET', path: `/children/${childId}` });
  if (paths.has('create'))
    await measure({
      label: 'POST /children',
      method: 'POST',
      path: '/children',
      readBack: true,
      body: JSON.stringify({
        givenName: 'Paced',
        familyName: 'Child',
        dateOfBirth: '2015-02-03',
        schoolId: 'school-oakfield',
        yearGroup: 6,
        flags: [],
      }),
    });
  let placed = 0;
  for (const size of paths.has('register') ? registerSizes : []) {
    log(`placing ${size - placed} more children on the register`);
    await placeOnRegister(platform.runtime, size - placed);
    placed = size;
    await measure({
      label: `GET pupil-register (${size} rows)`,
      method: 'GET',
      path: '/schools/school-oakfield/pupil-register',
    });
  }
  driver.kill();

  const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}×` : '-');
  process.stdout.write(
    [
      `HTTP benchmark: ${seconds} s a step, paced from a second process (latency from the scheduled time), ` +
        `unconstrained = ${connections} connections back to back; ${platform.server.description}; CPU in % of one core (2 cores = 200 %), ` +
        'and per request: CPU seconds over the step ÷ requests answered; ' +
        `read-your-writes lag (RYW): from a 201 arriving to the first 200 of a GET of its Location, polled at once then every 1 ms on connections of its own, ` +
        `${readBackEvery === 1 ? 'every created child' : `one created child in ${readBackEvery}`}, not readable = no 200 within ${readBackGiveUpSeconds} s`,
      '',
      '| path | rate/s | achieved/s | p50 ms | p99 ms | errors | RYW read back | RYW lag p50 ms | RYW lag p99 ms | RYW first GET not 200 | RYW not readable | /health p50 | /health p99 | p99 ÷ /health | achieved ÷ /health | API CPU % | PostgreSQL CPU % | CPU ms a request (API + PostgreSQL) | load avg |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      ...rows.map((r) =>
        [
          '',
          r.label,
          r.rate ?? 'max',
          r.result.achieved.toFixed(0),
          ms(r.result.p50),
          ms(r.result.p99),
          `${r.result.errors}${kinds(r.result.failures)}`,
          ...(r.result.readBack
            ? [
                r.result.readBack.sampled,
                ms(r.result.readBack.p50),
                ms(r.result.readBack.p99),
                firstNot200(r.result.readBack),
                r.result.readBack.notReadable,
              ]
            : ['—', '—', '—', '—', '—']),
          ms(r.floor.p50),
          ms(r.floor.p99),
          ratio(r.result.p99, r.floor.p99),
          ratio(r.result.achieved, r.floor.achieved),
          r.apiCpu.toFixed(0),
          r.pgCpu.toFixed(0),
          // CPU a request costs: what the machine's other tenants cannot take from a figure.
          `${((10 * r.apiCpu) / r.result.achieved).toFixed(2)} + ${((10 * r.pgCpu) / r.result.achieved).toFixed(2)}`,
          r.load,
          '',
        ]
          .join(' | ')
          .trim(),
      ),
      '',
    ].join('\n'),
  );
  await platform.stop();
}

runBench(main);
