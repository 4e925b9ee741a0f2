import request from 'supertest';
import type { Projection } from '@app/projections';
import { childRecordsProjection } from '@app/projections';
import { ProjectionRunner } from '@app/projections';
import { eventually } from '@app/integration/testing';
import { apiAs, type ApiAgent } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * A rebuild (`npm run projections:rebuild`, another process) while the API serves: every
 * read during it answers from the old rows, writes made meanwhile are in the new read
 * model, and the table is never emptier than it was.
 */
describe('rebuilding a read model while the API serves', () => {
  let platform: PlatformUnderTest;
  let senco: ApiAgent;
  const register = async (givenName: string) => {
    const created = await senco
      .post('/children')
      .send({
        givenName,
        familyName: 'Example',
        dateOfBirth: '2014-02-01',
        schoolId: 'school-oakfield',
        yearGroup: 6,
        flags: [],
      })
      .expect(201);
    return created.body.childId as string;
  };
  const rowCount = async () =>
    (await platform.db.pool.query(`SELECT count(*)::int AS count FROM read_models.child_records`)).rows[0]
      .count as number;

  beforeAll(async () => {
    platform = await startPlatform('rebuild_while_serving');
    senco = await apiAs(platform, 'senco.oakfield');
  });
  afterAll(async () => {
    await platform.close();
  });

  it('keeps every child readable during the rebuild and complete after it', async () => {
    const children = new Map<string, string>();
    for (let i = 0; i < 30; i += 1) children.set(await register(`Child${i}`), `Child${i}`);
    const before = await rowCount();
    expect(before).toBe(30);

    // Slowed down so the API's reads and writes surely fall inside the rebuild.
    // Its set-based path left out: the rebuild must go through the slowed `apply`.
    const slow: Projection = {
      ...childRecordsProjection,
      applyBatch: undefined,
      apply: async (event, manager) => {
        await new Promise((r) => setTimeout(r, 20));
        await childRecordsProjection.apply(event, manager);
      },
    };
    const rebuilder = new ProjectionRunner(platform.runtime.dataSource, platform.runtime.eventStore, [slow], 5);
    let done = false;
    let eventsRead = 0;
    const rebuilt = rebuilder
      .rebuild(slow, (read) => {
        eventsRead = read;
      })
      .finally(() => {
        done = true;
      });
    await eventually('the rebuild to be under way', () => eventsRead > 0, 10_000);

    // Reads first in each round: a write waits for the live projection, which would hide a gap.
    const statuses: number[] = [];
    const counts: number[] = [];
    let added = 0;
    while (!done) {
      counts.push(await rowCount());
      for (const id of [...children.keys()].slice(0, 10)) {
        statuses.push((await senco.get(`/children/${id}`)).status);
      }
      children.set(await register(`During${added}`), `During${added}`);
      added += 1;
    }
    await rebuilt;

    expect(added).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(before);
    expect(await rowCount()).toBe(children.size);
    for (const [childId, givenName] of children) {
      const read = await senco.get(`/children/${childId}`).expect(200);
      expect(read.body.givenName).toBe(givenName);
    }
    // The live projection follows on from the swapped-in read model.
    const after = await register('After');
    expect((await senco.get(`/children/${after}`)).status).toBe(200);
    expect((await request(platform.http).get('/health/ready')).status).toBe(200);
  });
});
