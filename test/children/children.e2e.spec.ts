import request from 'supertest';
import { apiAs, type ApiAgent } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const amelia = {
  givenName: 'Amelia',
  familyName: 'Thornbury',
  dateOfBirth: '2014-03-09',
  upn: 'A12345678901B',
  schoolId: 'school-oakfield',
  yearGroup: 6,
  flags: ['young-carer'],
};

describe('child records end to end: POST, PATCH with If-Match, GET with ETag', () => {
  let platform: PlatformUnderTest;
  let senco: ApiAgent;

  beforeAll(async () => {
    platform = await startPlatform('children_e2e');
    senco = await apiAs(platform, 'senco.oakfield');
  });
  afterAll(async () => {
    await platform.close();
  });

  const register = async (body: object = amelia) => {
    const response = await senco.post('/children').send(body).expect(201);
    return response;
  };

  it('registers a child, answering with the stream revision as ETag and the record at Location', async () => {
    const created = await register();
    expect(created.headers.etag).toBe('"0"');
    expect(created.headers.location).toBe(`/children/${created.body.childId}`);

    const read = await senco.get(created.headers.location).expect(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.body).toMatchObject({
      childId: created.body.childId,
      givenName: 'Amelia',
      schoolId: 'school-oakfield',
      yearGroup: 6,
    });
  });

  it('corrects details with the current ETag and refuses a stale one with 409, writing nothing', async () => {
    const { body } = await register();
    const path = `/children/${body.childId}`;
    const corrected = await senco
      .patch(path)
      .set('If-Match', '"0"')
      .send({ yearGroup: 7, reason: 'moved up after the summer' })
      .expect(200);
    expect(corrected.headers.etag).toBe('"1"');

    const stale = await senco
      .patch(path)
      .set('If-Match', '"0"')
      .send({ familyName: 'Thornbury-Hale', reason: 'name change' })
      .expect(409);
    expect(stale.body).toMatchObject({ rule: 'concurrency.stale-revision', currentRevision: '1' });

    const read = await senco.get(path).expect(200);
    expect(read.body).toMatchObject({ yearGroup: 7, familyName: 'Thornbury' });
    expect(read.headers.etag).toBe('"1"');
  });

  it('refuses a change of school as a correction with 409 pointing to the school move, writing nothing', async () => {
    const { body } = await register();
    const path = `/children/${body.childId}`;
    const before = await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events');
    const moved = await senco
      .patch(path)
      .send({ schoolId: 'school-riverside', yearGroup: 7, reason: 'moved to Riverside' })
      .expect(409);
    expect(moved.body).toMatchObject({ rule: 'child.school-move-required' });
    expect(moved.body.message).toContain('school move');
    const after = await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // The school keeps its own record, and its child-protection records with it.
    const read = await senco.get(path).expect(200);
    expect(read.body).toMatchObject({ schoolId: 'school-oakfield', yearGroup: 6 });
  });

  it.each([
    [{ ...amelia, dateOfBirth: '09/03/2014' }, 'dateOfBirth'],
    [{ ...amelia, upn: '12345' }, 'upn'],
    [{ ...amelia, yearGroup: 15 }, 'yearGroup'],
    [{ ...amelia, flags: ['looked-after', 'astronaut'] }, 'flags'],
    [{ ...amelia, givenName: undefined }, 'givenName'],
  ])('refuses bad input with 400 naming the field (%#) and writes nothing', async (body, field) => {
    const before = await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events');
    const refused = await senco.post('/children').send(body).expect(400);
    expect(JSON.stringify(refused.body)).toContain(field);
    expect(refused.body.field).toBe(field);
    expect(typeof refused.body.rule).toBe('string');
    const after = await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    await senco.post('/children').set('Content-Type', 'application/json').send('{"givenName": ').expect(400);
  });

  it('refuses a request without a token with 401', async () => {
    await request(platform.http).get(`/children/${amelia.upn}`).expect(401);
  });

  it('keeps what was written across a restart of the platform', async () => {
    const { body } = await register();
    platform = await platform.restart();
    senco = await apiAs(platform, 'senco.oakfield');
    const read = await senco.get(`/children/${body.childId}`).expect(200);
    expect(read.body).toMatchObject({ childId: body.childId, familyName: 'Thornbury' });
  });
});
