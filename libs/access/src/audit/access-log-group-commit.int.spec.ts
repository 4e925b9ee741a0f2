import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { AccessLog, type AccessEntry } from './access-log';
import { platformSchema } from '@app/composition';

/**
 * Group commit of the access log (ADR 019): concurrent requests' entries share commits, from
 * two processes at once (two connection pools), and the chain stays one chain; a commit that
 * dies mid-batch leaves nothing behind and acknowledges nothing it did not write.
 */
describe('the access log under concurrent requests', () => {
  let db: TestDatabase;
  let processes: DataSource[];
  let logs: AccessLog[];
  const clock = () => new Date('2026-03-02T09:00:00.000Z');
  const read = (n: number, extra: Partial<AccessEntry> = {}): AccessEntry => ({
    userId: `user-${n % 7}`,
    role: 'senco',
    agencyId: 'school-oakfield',
    childId: `child-${n}`,
    resource: 'GET /children/:childId',
    outcome: 'allowed',
    basis: 'school-of-record:school-oakfield',
    requestId: `req-${n}`,
    ...extra,
  });
  const entries = async () =>
    (
      await db.pool.query<{ seq: string; request_id: string; tx: string }>(
        `SELECT l.seq::text, l.request_id, l.xmin::text AS tx FROM access.access_log l ORDER BY l.seq`,
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('access_log_group_commit');
    // Two API processes' pools, as the app role, on the same log.
    processes = [
      createDataSource({ schema: platformSchema, url: db.url, poolSize: 4 }),
      createDataSource({ schema: platformSchema, url: db.url, poolSize: 4 }),
    ];
    await Promise.all(processes.map((p) => p.initialize()));
    logs = processes.map((p) => new AccessLog(p, clock));
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.destroy()));
    await db.drop();
  });

  it('chains 400 concurrent entries from two processes into one chain, several to a commit', async () => {
    const before = (await entries()).length;
    await Promise.all(
      Array.from({ length: 400 }, (_, n) =>
        logs[n % 2].append(
          read(
            n,
            n % 50 === 0
              ? {
                  childId: null,
                  resource: 'GET /schools/:schoolId/pupil-register',
                  namedChildren: [`child-${n}`, `child-${n + 1}`],
                }
              : {},
          ),
        ),
      ),
    );
    const rows = (await entries()).slice(before);
    expect(rows.map((r) => r.request_id).sort()).toEqual(Array.from({ length: 400 }, (_, n) => `req-${n}`).sort());
    expect(rows.map((r) => BigInt(r.seq))).toEqual(rows.map((_, i) => BigInt(before + i + 1)));
    const commits = new Set(rows.map((r) => r.tx)).size;
    expect(commits).toBeLessThan(100);
    const verification = await logs[0].verify();
    expect(verification).toMatchObject({ intact: true, entriesChecked: before + 400 });
    const named = await db.pool.query(`SELECT count(*)::int AS n FROM access.access_log_named_children`);
    expect(named.rows[0].n).toBe(16);
  });

  it('refuses only the entry the database refuses, not the others that shared its commit', async () => {
    const before = (await entries()).length;
    const outcomes = await Promise.allSettled([
      logs[0].append(read(1000)),
      logs[0].append(read(1001, { outcome: 'maybe' as AccessEntry['outcome'] })),
      logs[0].append(read(1002)),
      logs[0].append(read(1003)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((await entries()).slice(before).map((r) => r.request_id)).toEqual(['req-1000', 'req-1002', 'req-1003']);
    expect((await logs[1].verify()).intact).toBe(true);
  });

  it('a commit killed mid-batch writes none of it, acknowledges none of it, and the chain goes on whole', async () => {
    const acknowledged = (await entries()).length;
    // A writer that never commits holds the next position: the batch reads the head, then waits inside its INSERT.
    const holder = await db.pool.connect();
    await holder.query(`BEGIN`);
    await holder.query(
      `INSERT INTO access.access_log (seq, at, user_id, role, agency_id, resource, outcome, previous_hash, hash) VALUES ($1, now(), 'x', 'x', 'x', 'x', 'allowed', 'x', 'x')`,
      [acknowledged + 1],
    );
    const settled: string[] = [];
    const batch = Array.from({ length: 20 }, (_, i) =>
      logs[0].append(read(2000 + i)).then(() => settled.push(`req-${2000 + i}`)),
    );
    const waitingBackend = async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const { rows } = await db.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO access.access_log %'`,
        );
        if (rows.length > 0) return rows[0].pid;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('no append is waiting inside its INSERT');
    };
    // The process's connection dies with its batch half done: the head read and locked, the INSERT under way.
    await db.pool.query(`SELECT pg_terminate_backend($1)`, [await waitingBackend()]);
    await waitingBackend(); // the entries, tried again each alone, wait the same way
    expect(settled).toEqual([]);
    expect((await entries()).length).toBe(acknowledged);
    await holder.query(`ROLLBACK`);
    holder.release();
    await Promise.all(batch);
    const rows = await entries();
    expect(rows.slice(acknowledged).map((r) => r.request_id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `req-${2000 + i}`),
    );
    expect(await logs[1].verify()).toMatchObject({ intact: true, entriesChecked: rows.length });
  });
});
