import 'reflect-metadata';
import { Client } from 'pg';
import { startBenchPlatform } from '../support/platform';
import { runBench } from '../support/run-bench';

/**
 * `npm run bench:statements`: what one request costs the database, counted rather than timed,
 * so the figure does not depend on what else the machine is doing: statements (by kind) and
 * commits per `GET /children/:id` and per `POST /children`, from pg_stat_statements.
 * Needs DATABASE_URL on a server started with `shared_preload_libraries = pg_stat_statements`.
 * Requests go one after another; the count covers everything the platform did meanwhile
 * (projections included).
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

interface Statement {
  readonly calls: string;
  readonly query: string;
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must name a server with pg_stat_statements loaded');
  const platform = await startBenchPlatform('bench_statements', log);
  const stats = new Client({ connectionString: process.env.DATABASE_URL });
  await stats.connect();
  await stats.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const headers = {
    authorization: `Bearer ${await platform.token('senco.oakfield')}`,
    'content-type': 'application/json',
  };
  const body = JSON.stringify({
    givenName: 'Counted',
    familyName: 'Child',
    dateOfBirth: '2014-01-01',
    schoolId: 'school-oakfield',
    yearGroup: 7,
    flags: [],
  });
  const create = async () => {
    const response = await fetch(`${platform.base}/children`, { method: 'POST', headers, body });
    if (response.status !== 201) throw new Error(`POST /children answered ${response.status}`);
    return ((await response.json()) as { childId: string }).childId;
  };
  const childId = await create();
  const database = new URL(platform.runtime.databaseUrl).pathname.slice(1);

  const count = async (label: string, request: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await request(); // warm-up
    await new Promise((r) => setTimeout(r, 500)); // projections settle
    await stats.query('SELECT pg_stat_statements_reset()');
    for (let i = 0; i < requests; i++) await request();
    await new Promise((r) => setTimeout(r, 1500)); // the last batch applied, statistics in
    const { rows } = await stats.query<Statement>(
      `SELECT s.calls::text, regexp_replace(s.query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = $1 AND s.query NOT LIKE '%pg_stat_statements%' ORDER BY s.calls DESC`,
      [database],
    );
    const per = (n: number) => (n / requests).toFixed(2);
    const total = rows.reduce((sum, r) => sum + Number(r.calls), 0);
    const commits = rows.filter((r) => /^COMMIT/i.test(r.query)).reduce((sum, r) => sum + Number(r.calls), 0);
    process.stdout.write(
      `\n${label}: ${per(total)} statements a request, ${per(commits)} explicit commits (BEGIN … COMMIT) a request\n\n`,
    );
    process.stdout.write('| a request | statement |\n|---:|---|\n');
    for (const r of rows.filter((row) => Number(row.calls) >= requests / 10))
      process.stdout.write(`| ${per(Number(r.calls))} | \`${r.query.slice(0, 110).replace(/\|/g, '\\|')}\` |\n`);
  };
  await count('GET /children/:id', async () => {
    const response = await fetch(`${platform.base}/children/${childId}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
  });
  await count('POST /children', create);
  await stats.end();
  await platform.stop();
}

runBench(main);
