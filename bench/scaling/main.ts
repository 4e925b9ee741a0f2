import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, migrate } from '@app/platform';
import { provideServer } from '../support/server';
import { platformSchema } from '@app/composition';

/**
 * Sizes for docs/scaling.md: generates, in SQL on a throwaway database, a log of
 * BENCH_SCALING_EVENTS events (50 a child, as an authority of 1 million children and 50
 * million events has), the child records and a tenth of the children on a school's
 * register, over BENCH_SCALING_SCHOOLS schools; then prints each table's and index's size
 * on disk, bytes a row, and the plan and time of the pupil register's first page and its
 * total for one school. The events are shaped like the platform's (a sealed field, ids,
 * 245 B of metadata), not decided by its deciders: sizes, not behaviour.
 */
const events = Number(process.env.BENCH_SCALING_EVENTS ?? 1_000_000);
const schools = Number(process.env.BENCH_SCALING_SCHOOLS ?? 400);
const children = Math.ceil(events / 50);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const server = await provideServer(log);
  const database = `scaling_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const dataSource = createDataSource({ schema: platformSchema, url: url.toString(), log });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);
    const timed = async (what: string, sql: string) => {
      const started = Date.now();
      await q(sql);
      log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    await timed(
      `${events} events over ${children} children`,
      `INSERT INTO event_store.events (stream_id, revision, event_id, type, schema_version, data, metadata, child_id, occurred_at)
       SELECT 'child-' || (n % ${children}), n / ${children}, gen_random_uuid(),
              (ARRAY['ChildRegistered','ConsentGiven','ReferralMade','SessionRecorded','ReviewHeld','SessionRecorded','ConcernRaised','ActionPlanAgreed'])[1 + n % 8], 1,
              jsonb_build_object('childId', 'c-' || md5((n % ${children})::text), 'schoolId', 'school-' || (n % ${children}) % ${schools},
                'referralId', gen_random_uuid(), 'recordedOn', '2026-11-10', 'notes', jsonb_build_object('sealed', repeat(md5(n::text), 4), 'key', 1),
                'attended', true, 'minutes', 45),
              jsonb_build_object('actor', jsonb_build_object('userId', 'staff-' || n % 10000, 'role', 'learning-mentor', 'agencyId', 'school-' || n % ${schools}),
                'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid(), 'childId', 'c-' || md5((n % ${children})::text)),
              'c-' || md5((n % ${children})::text), now()
         FROM generate_series(0, ${events - 1}) AS n`,
    );
    await timed(
      `${children} child records`,
      `INSERT INTO read_models.child_records (child_id, given_name, family_name, date_of_birth, upn, school_id, year_group, revision, registered_at, updated_at)
       SELECT 'c-' || md5(n::text), 'Given' || n, 'Family' || n, '2014-01-01'::date + n % 3000, 'A' || lpad(n::text, 12, '0'), 'school-' || n % ${schools}, n % 15, 49, now(), now()
         FROM generate_series(0, ${children - 1}) AS n`,
    );
    await timed(
      `${Math.ceil(children / 10)} cases on registers`,
      `INSERT INTO read_models.mentor_cases (referral_id, child_id, school_id, stage, source, referred_on, triaged_on, priority, mentor_id, work_mode, level_of_need, bae_category, revision, updated_at)
       SELECT 'r-' || n, 'c-' || md5(n::text), 'school-' || n % ${schools}, CASE WHEN n % 20 = 0 THEN 'awaiting-triage' ELSE 'on-register' END, 'teacher',
              '2026-09-01'::date + n % 60, '2026-09-03'::date + n % 60, (ARRAY['high','medium','low'])[1 + n % 3], 'mentor-' || n % 800, 'one-to-one', 1 + n % 4, 'B', 5, now()
         FROM generate_series(0, ${children - 1}, 10) AS n`,
    );
    await q(`VACUUM ANALYZE event_store.events`);
    await q(`VACUUM ANALYZE read_models.child_records`);
    await q(`VACUUM ANALYZE read_models.mentor_cases`);

    const sizes: Array<{ relation: string; kind: string; rows: string; bytes: string }> = await q(
      `SELECT c.relname AS relation, CASE c.relkind WHEN 'i' THEN 'index' ELSE 'table' END AS kind,
              (SELECT reltuples::bigint FROM pg_class t WHERE t.oid = coalesce(i.indrelid, c.oid))::text AS rows,
              pg_total_relation_size(c.oid)::text AS bytes
         FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
        WHERE (ns.nspname, coalesce((SELECT relname FROM pg_class WHERE oid = i.indrelid), c.relname)) IN (('event_store','events'),('read_models','child_records'),('read_models','mentor_cases'))
          AND c.relkind IN ('r','i')
        ORDER BY pg_total_relation_size(c.oid) DESC`,
    );
    process.stdout.write(`| relation | kind | rows | MB | bytes a row |\n|---|---|---:|---:|---:|\n`);
    for (const s of sizes) {
      process.stdout.write(
        `| ${s.relation} | ${s.kind} | ${Number(s.rows).toLocaleString('en-GB')} | ${(Number(s.bytes) / 1e6).toFixed(1)} | ${Math.round(Number(s.bytes) / Math.max(Number(s.rows), 1))} |\n`,
      );
    }
    const page = `SELECT mc.referral_id, cr.given_name FROM read_models.mentor_cases mc LEFT JOIN read_models.child_records cr ON cr.child_id = mc.child_id
                   WHERE mc.school_id = 'school-10' AND mc.stage = 'on-register'
                   ORDER BY (CASE mc.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END), mc.triaged_on, mc.referral_id LIMIT 101`;
    const total = `SELECT count(*) FROM read_models.mentor_cases mc LEFT JOIN read_models.child_records cr ON cr.child_id = mc.child_id WHERE mc.school_id = 'school-10' AND mc.stage = 'on-register'`;
    for (const [what, sql] of [
      ['register, first page', page],
      ['register, total', total],
    ]) {
      const plan: Array<{ 'QUERY PLAN': string }> = await q(
        `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON) ${sql}`,
      );
      process.stdout.write(`\n${what}:\n${plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}\n`);
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`).catch(() => undefined);
    await admin.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:scaling failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
