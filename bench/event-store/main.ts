// The event-store benchmark (`npm run bench:event-store`): events/s of our PostgreSQL event store
// beside the physical baseline (plain INSERTs) and Emmett's PostgreSQL event store, on the same
// database. Each subject runs in a process of its own, one after another. See docs/benchmarks.md.
import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { Client, Pool } from 'pg';
import { loadBenchConfig, type BenchConfig } from './config';
import { createBenchDatabase, provideServer } from './database';
import { LABELS, renderTable, type SubjectResult } from './report';
import { measureAll, warmUp, type Subject } from './workloads';

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Loads only the subject's own code, so no subject's libraries touch another's process. */
async function openSubject(name: string, url: string, config: BenchConfig): Promise<Subject> {
  const pool = new Pool({ connectionString: url, max: config.poolSize });
  switch (name) {
    case 'plain-insert':
      return (await import('./subjects/plain-insert')).plainInsertSubject(pool);
    case 'platform':
      return (await import('./subjects/platform')).platformSubject(pool);
    case 'emmett':
      return (await import('./subjects/emmett')).emmettSubject(url, pool);
    default:
      throw new Error(`unknown subject ${name}`);
  }
}

/** In the child: run every workload through one subject and send the figures to the parent. */
async function runSubject(name: string): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url || !process.send) throw new Error('a subject runs only as a child of the benchmark');
  const config = loadBenchConfig();
  const subject = await openSubject(name, url, config);
  const label = LABELS[name] ?? name;
  try {
    await warmUp(subject, config);
    const measurements = await measureAll(subject, config, (line) => progress(`[${label}] ${line}`));
    const result: SubjectResult = { subject: name, measurements, maxRssKb: process.resourceUsage().maxRSS };
    await new Promise<void>((resolve, reject) =>
      process.send!(result, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  } finally {
    await subject.close();
  }
}

function inChild(subject: string, url: string): Promise<SubjectResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--subject', subject], {
      env: { ...process.env, BENCH_DATABASE_URL: url },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: SubjectResult | undefined;
    child.on('message', (message) => (result = message as SubjectResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`subject ${subject} exited with code ${code}`)),
    );
  });
}

/** Flushes dirty pages between subjects, so one subject's writes are not paid for by the next. */
async function checkpoint(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CHECKPOINT').catch(() => undefined); // needs superuser or pg_checkpoint; optional
  await client.end();
}

/** Says so under the table when a subject's paging repeated or skipped events. */
function readNotes(results: readonly SubjectResult[]): string[] {
  return results.flatMap(({ subject, measurements }) =>
    measurements
      .filter((m) => m.expected !== undefined && (m.events !== m.expected || m.distinct !== m.expected))
      .map(
        (m) =>
          `note: ${LABELS[subject] ?? subject} ${m.workload} returned ${m.events} events, ${m.distinct} distinct, of the ${m.expected} in its log`,
      ),
  );
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const started = Date.now();
  const server = await provideServer(progress);
  const stopServer = async () => {
    await server.stop();
  };
  process.once('SIGINT', () => void stopServer().finally(() => process.exit(130)));
  try {
    const database = await createBenchDatabase(server.url);
    try {
      progress(
        `${server.description}; ${config.events} / ${config.batchEvents} events per single / 10-event workload, ${config.streams} concurrent streams, pool of ${config.poolSize}`,
      );
      const results: SubjectResult[] = [];
      for (const subject of config.subjects) {
        await checkpoint(database.url);
        progress(`running ${LABELS[subject] ?? subject}`);
        results.push(await inChild(subject, database.url));
      }
      const cpu = cpus();
      process.stdout.write(
        [
          '',
          `Event store benchmark, ${new Date().toISOString().slice(0, 10)}: ${server.description}`,
          `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
          `${config.events} events per single-event workload, ${config.batchEvents} per 10-event workload, ${config.streams} concurrent streams, ` +
            `pg pool of ${config.poolSize} per subject, ${config.warmup} warm-up appends; each event ≈ 310 B of JSON data + 245 B of metadata`,
          '',
          renderTable(results),
          '',
          ...readNotes(results),
          `peak memory of the orchestrating process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; whole run ${((Date.now() - started) / 1000).toFixed(0)} s`,
          '',
        ].join('\n'),
      );
    } finally {
      await database.drop();
    }
  } finally {
    await stopServer();
  }
}

const subjectArg = process.argv.indexOf('--subject');
const run = subjectArg >= 0 ? runSubject(process.argv[subjectArg + 1]) : main();
run.catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
