import { apiAs } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * The platform runs as the app role, which cannot alter what it records (ADR 012): it
 * appends events and log entries, and nothing more.
 */
describe('the app role', () => {
  let platform: PlatformUnderTest;
  const asApp = (sql: string) => platform.runtime.pool.query(sql);

  beforeAll(async () => {
    platform = await startPlatform('database_roles');
    const created = await (
      await apiAs(platform, 'senco.oakfield')
    )
      .post('/children')
      .send({
        givenName: 'Ada',
        familyName: 'Reed',
        dateOfBirth: '2012-04-03',
        schoolId: 'school-oakfield',
        yearGroup: 9,
        flags: [],
      })
      .expect(201);
    await (await apiAs(platform, 'mentor.oakfield')).get(`/children/${created.body.childId}`).expect(200);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('is what the runtime connects as: neither superuser nor owner of the records', async () => {
    const { rows } = await asApp(
      `SELECT current_user AS me, r.rolsuper, pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = 'access' AND tablename = 'access_log'), 'USAGE') AS owns_log FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({ me: expect.stringMatching(/_app$/), rolsuper: false, owns_log: false });
  });

  it('appends to the log and the events, and may read them', async () => {
    const { rows } = await asApp(
      `SELECT (SELECT count(*)::int FROM event_store.events) AS events, (SELECT count(*)::int FROM access.access_log) AS entries`,
    );
    expect(rows[0].events).toBeGreaterThan(0);
    expect(rows[0].entries).toBeGreaterThan(0);
  });

  it.each([
    ['DELETE from the access log', `DELETE FROM access.access_log`],
    ['UPDATE the access log', `UPDATE access.access_log SET outcome = 'allowed'`],
    ['TRUNCATE the access log', `TRUNCATE access.access_log`],
    ['UPDATE events', `UPDATE event_store.events SET data = '{}'`],
    ['DELETE events', `DELETE FROM event_store.events`],
    ['DELETE anchors', `DELETE FROM access.access_log_anchors`],
    ['DELETE the head', `DELETE FROM access.access_log_head`],
  ])('cannot %s', async (_what, sql) => {
    await expect(asApp(sql)).rejects.toThrow(/permission denied/);
  });

  it.each([
    ['DROP the append-only trigger', `DROP TRIGGER access_log_append_only ON access.access_log`],
    ['DISABLE the append-only trigger', `ALTER TABLE access.access_log DISABLE TRIGGER access_log_append_only`],
    ['DISABLE the events trigger', `ALTER TABLE event_store.events DISABLE TRIGGER events_append_only`],
    [
      'ALTER the refusing function',
      `CREATE OR REPLACE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    ],
    ['DROP the events table', `DROP TABLE event_store.events`],
  ])('cannot %s', async (_what, sql) => {
    await expect(asApp(sql)).rejects.toThrow(/must be owner|permission denied/);
  });

  it('cannot rewind the chain head, the one row it may update', async () => {
    await expect(asApp(`UPDATE access.access_log_head SET seq = 0, hash = 'genesis'`)).rejects.toThrow(
      /only moves forward/,
    );
    await expect(asApp(`UPDATE access.access_log_head SET id = 2`)).rejects.toThrow(/permission denied/);
  });
});
