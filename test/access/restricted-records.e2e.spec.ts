import { apiClient } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** A restricted record is seen only by named users; others break the glass, with a reason the dpo reviews. */
describe('restricted records and break-glass', () => {
  let platform: PlatformUnderTest;
  let childId: string;
  const { as } = apiClient(() => platform);

  beforeAll(async () => {
    platform = await startPlatform('restricted');
    const created = await (
      await as('senco.oakfield')
    )
      .post('/children')
      .send({
        givenName: 'Ellis',
        familyName: 'Brooks',
        dateOfBirth: '2013-06-11',
        schoolId: 'school-oakfield',
        yearGroup: 8,
        flags: [],
      })
      .expect(201);
    childId = created.body.childId;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('lets only named users read a restricted record', async () => {
    await (
      await as('dsl.oakfield')
    )
      .put(`/children/${childId}/restriction`)
      .send({ reason: "the head teacher's own child", namedUsers: ['senco.oakfield'] })
      .expect(200);
    await (await as('senco.oakfield')).get(`/children/${childId}`).expect(200);
    await (await as('dsl.oakfield')).get(`/children/${childId}`).expect(200);
    const refused = await (await as('head.oakfield')).get(`/children/${childId}`).expect(403);
    expect(refused.body.rule).toBe('access.restricted-record');
  });

  it('opens it to someone with a relationship who states a reason, logged and awaiting the dpo', async () => {
    const mentor = await as('mentor.oakfield');
    await mentor.get(`/children/${childId}`).expect(403);
    await mentor.post(`/children/${childId}/break-glass`).send({ reason: 'short' }).expect(400);
    const opened = await mentor
      .post(`/children/${childId}/break-glass`)
      .send({ reason: 'Child disclosed harm in a session; I need the emergency contacts' })
      .expect(201);
    expect(Date.parse(opened.body.expiresAt) - platform.runtime.clock().getTime()).toBeGreaterThan(50 * 60_000);
    await mentor.get(`/children/${childId}`).expect(200);

    const { rows } = await platform.db.pool.query(
      `SELECT resource, outcome, basis, reason FROM access.access_log WHERE user_id = 'mentor.oakfield' ORDER BY seq`,
    );
    expect(rows).toContainEqual({
      resource: 'break-glass',
      outcome: 'allowed',
      basis: 'break-glass',
      reason: 'Child disclosed harm in a session; I need the emergency contacts',
    });
    expect(rows[rows.length - 1]).toMatchObject({
      outcome: 'allowed',
      basis: 'school-of-record:school-oakfield + break-glass',
    });

    const dpo = await as('dpo');
    const awaiting = await dpo.get('/audit/break-glass').expect(200);
    expect(awaiting.body).toEqual([
      expect.objectContaining({ id: opened.body.id, userId: 'mentor.oakfield', childId }),
    ]);
    await dpo.post(`/audit/break-glass/${opened.body.id}/review`).send({ note: 'justified: safeguarding' }).expect(200);
    expect((await dpo.get('/audit/break-glass').expect(200)).body).toEqual([]);
  });

  it('does not let staff of another school break the glass: no relationship, no opening', async () => {
    await (
      await as('senco.riverside')
    )
      .post(`/children/${childId}/break-glass`)
      .send({ reason: 'I would simply like to have a look please' })
      .expect(403);
  });

  it('names only users of the directory on a restriction, and refuses break-glass where there is no restriction (409)', async () => {
    const dsl = await as('dsl.oakfield');
    const phantom = await dsl
      .put(`/children/${childId}/restriction`)
      .send({ reason: "the head teacher's own child", namedUsers: ['senco.oakfield', 'senco.oakfeild'] })
      .expect(400);
    expect(phantom.body).toMatchObject({ field: 'namedUsers[1]', rule: 'reference.user-unknown' });
    const family = await dsl
      .put(`/children/${childId}/restriction`)
      .send({ reason: "the head teacher's own child", namedUsers: ['parent.demo'] })
      .expect(400);
    expect(family.body).toMatchObject({ field: 'namedUsers[0]', rule: 'reference.user-role' });

    const open = (
      await (
        await as('senco.oakfield')
      )
        .post('/children')
        .send({
          givenName: 'Rowan',
          familyName: 'Hill',
          dateOfBirth: '2014-01-20',
          schoolId: 'school-oakfield',
          yearGroup: 7,
          flags: [],
        })
        .expect(201)
    ).body.childId;
    const nothingToBreak = await (
      await as('mentor.oakfield')
    )
      .post(`/children/${open}/break-glass`)
      .send({ reason: 'Child disclosed harm in a session; I need the emergency contacts' })
      .expect(409);
    expect(nothingToBreak.body).toMatchObject({ rule: 'restriction.not-restricted' });
  });
});
