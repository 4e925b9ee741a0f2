#!/usr/bin/env node
// `npm test`: provides real PostgreSQL and a real Kafka broker, runs jest, and prints
// `N passed, N failed, N skipped` as its last line. Extra arguments go to jest.
//   DATABASE_URL set  -> tests create their databases on that server; otherwise an embedded PostgreSQL.
//   KAFKA_BROKERS set -> that broker; otherwise scripts/kafka.sh starts one (Java + Maven Central jars).
//   SKIP_KAFKA=true   -> no broker (local runs only; CI refuses it).
//   TEST_DAYS_AHEAD=N -> jest runs N days in the future (libfaketime on the node process alone;
//                        PostgreSQL and Kafka keep the real time): no test may depend on its day.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { startThrowawayPostgres } from './embedded-postgres.mjs';

const args = process.argv.slice(2);
const ci = process.env.CI === 'true';
const daysAhead = process.env.TEST_DAYS_AHEAD;
if (daysAhead !== undefined && !/^\d{1,4}$/.test(daysAhead)) {
  process.stderr.write(`test: TEST_DAYS_AHEAD must be a whole number of days, not ${JSON.stringify(daysAhead)}\n`);
  process.exit(2);
}
if (daysAhead && spawnSync('faketime', ['-f', '+0d', 'true']).status !== 0) {
  process.stderr.write('test: TEST_DAYS_AHEAD needs libfaketime (apt-get install faketime)\n');
  process.exit(1);
}
const resultsFile = daysAhead ? 'var/test-results-days-ahead.json' : 'var/test-results.json';
mkdirSync('var', { recursive: true });
rmSync(resultsFile, { force: true }); // a crashed run must never be judged by an earlier one's results

const cleanups = [];
const cleanup = async () => {
  for (const fn of cleanups.reverse()) await fn();
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, async () => {
    await cleanup();
    process.exit(130);
  });

const env = { ...process.env };
if (!env.DATABASE_URL && !env.TEST_DATABASE_URL) {
  const port = Number(env.TEST_POSTGRES_PORT ?? 54330);
  process.stdout.write(`test: starting embedded PostgreSQL on 127.0.0.1:${port}\n`);
  const pg = await startThrowawayPostgres(port);
  cleanups.push(() => pg.stop());
  env.TEST_DATABASE_URL = pg.url;
} else {
  env.TEST_DATABASE_URL = env.TEST_DATABASE_URL ?? env.DATABASE_URL;
  process.stdout.write(`test: using PostgreSQL from ${env.DATABASE_URL ? 'DATABASE_URL' : 'TEST_DATABASE_URL'}\n`);
}

const unitOnly = args.includes('unit') && args.includes('--selectProjects');
if (!env.KAFKA_BROKERS && env.SKIP_KAFKA !== 'true' && !unitOnly) {
  process.stdout.write('test: starting the Kafka broker (scripts/kafka.sh)\n');
  const started = spawnSync('bash', ['scripts/kafka.sh', 'start'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (started.status !== 0) {
    process.stderr.write(started.stdout ?? '');
    process.stderr.write('test: the Kafka broker did not start; see above\n');
    await cleanup();
    process.exit(1);
  }
  env.KAFKA_BROKERS = started.stdout.trim().split('\n').pop();
  cleanups.push(async () => {
    spawnSync('bash', ['scripts/kafka.sh', 'stop'], { stdio: 'inherit' });
  });
}
// The restore drill runs pg_dump and pg_restore of the server's major version (PostgreSQL 18).
if (!env.PG_BIN_DIR && !unitOnly) {
  const client = spawnSync('bash', ['scripts/pg-client.sh'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (client.status === 0) env.PG_BIN_DIR = client.stdout.trim().split('\n').pop();
  else
    process.stdout.write(
      'test: no PostgreSQL 18 client programs (scripts/pg-client.sh failed, see above): the restore drill will fail\n',
    );
}
if (!env.KAFKA_BROKERS) process.stdout.write('test: no Kafka broker: the Kafka suites will be skipped\n');
if (!env.EVENTSTORE_URL)
  process.stdout.write(
    'test: EVENTSTORE_URL not set: the EventStoreDB contract suite is skipped, PostgreSQL runs it\n',
  );

// The web pages' stylesheet is compiled Sass (ADR 018): built before any suite serves a page.
if (!unitOnly && spawnSync(process.execPath, ['scripts/build-pages.mjs'], { stdio: 'inherit' }).status !== 0) {
  process.stderr.write("test: the web pages' assets did not build; see above\n");
  await cleanup();
  process.exit(1);
}

// One suite at a time: suites share one PostgreSQL server, and a transaction open in one
// database holds back readers of the event log in every other (the snapshot xmin is cluster-wide).
const jestCommand = [
  process.execPath,
  'node_modules/jest/bin/jest.js',
  '--runInBand',
  '--json',
  `--outputFile=${resultsFile}`,
  ...args,
];
if (daysAhead) process.stdout.write(`test: jest runs ${daysAhead} days ahead of today (faketime)\n`);
const [command, ...commandArgs] = daysAhead ? ['faketime', '-f', `+${daysAhead}d`, ...jestCommand] : jestCommand;
const jest = spawn(command, commandArgs, {
  env,
  stdio: 'inherit',
});
const code = await new Promise((resolve) => jest.on('exit', (c) => resolve(c ?? 1)));
await cleanup();

if (!existsSync(resultsFile)) {
  process.stdout.write('0 passed, 1 failed, 0 skipped\n');
  process.exit(code || 1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
let failure = code;
if (ci) {
  // Suites CI may never skip: the Kafka path, the PostgreSQL event-store contract and the pages in a real browser.
  const required = [/kafka/i, /postgres.*contract|contract.*postgres/i, /screens\/.*\.browser\.e2e\.spec\.ts$/];
  for (const pattern of required) {
    const suites = results.testResults.filter((s) => pattern.test(s.name));
    const ran = suites.some((s) => s.assertionResults.some((a) => a.status === 'passed'));
    const skipped = suites.some((s) =>
      s.assertionResults.some((a) => a.status === 'pending' || a.status === 'skipped'),
    );
    if (!ran || skipped) {
      process.stdout.write(`test: required suite ${pattern} was skipped or did not run\n`);
      failure = failure || 1;
    }
  }
}
const skipped = results.numPendingTests + results.numTodoTests;
process.stdout.write(`${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
process.exit(failure);
