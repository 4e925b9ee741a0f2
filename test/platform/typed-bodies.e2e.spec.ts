import request from 'supertest';
import { steps } from '@app/domain/testing';
import { apiAs, type ApiAgent } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/**
 * Every write body is a DTO (unknown fields refused by name, nothing
 * written), every body is in OpenAPI, and junk in a path, query or body is a 400 naming it.
 */
describe('typed bodies and no 500 for junk', () => {
  let platform: PlatformUnderTest;
  let senco: ApiAgent;
  let mentor: ApiAgent;
  let dpo: ApiAgent;
  let childId: string;
  let referralId: string;
  const events = async () =>
    (await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n as number;

  beforeAll(async () => {
    platform = await startPlatform('typed_bodies');
    senco = await apiAs(platform, 'senco.oakfield');
    mentor = await apiAs(platform, 'mentor.oakfield');
    dpo = await apiAs(platform, 'dpo');
    childId = (
      await senco
        .post('/children')
        .send({
          givenName: 'Ada',
          familyName: 'Example',
          dateOfBirth: '2015-01-20',
          schoolId: 'school-oakfield',
          yearGroup: 5,
          flags: [],
        })
        .expect(201)
    ).body.childId;
    const { type: _type, referralId: _id, ...refer } = steps.refer;
    referralId = (
      await mentor
        .post('/referrals')
        .send({ ...refer, childId })
        .expect(201)
    ).body.referralId;
  });
  afterAll(async () => {
    await platform.close();
  });

  const raw = (path: string, body: string, as = mentor) =>
    as.post(path).set('Content-Type', 'application/json').send(body);

  it('refuses a field no DTO has, on a create and on each kind of step, naming it and writing nothing', async () => {
    const before = await events();
    const { type: _type, referralId: _id, ...refer } = steps.refer;
    const create = await mentor
      .post('/referrals')
      .send({ ...refer, childId, $where: '1' })
      .expect(400);
    expect(create.body).toMatchObject({ field: '$where', rule: 'whitelistValidation' });
    const step = await mentor
      .post(`/referrals/${referralId}/profile`)
      .send({ profile: steps.refer.profile, $where: '1' })
      .expect(400);
    expect(step.body).toMatchObject({ field: '$where' });
    // The step decides the DTO: a triage field is unknown to the profile step.
    const wrongStep = await mentor
      .post(`/referrals/${referralId}/profile`)
      .send({ profile: steps.refer.profile, triagedOn: '2026-01-10' })
      .expect(400);
    expect(wrongStep.body).toMatchObject({ field: 'triagedOn' });
    const proto = await raw(`/referrals/${referralId}/profile`, `{"profile":{},"__proto__":{"polluted":true}}`).expect(
      400,
    );
    expect(proto.body).toMatchObject({ field: '__proto__', rule: 'request.reserved-name' });
    const coordinator = await apiAs(platform, 'mast.coordinator');
    const noBodyStep = await coordinator.post('/mast-panels/2026-12-07/closure').send({ minutes: 'x' }).expect(400);
    expect(noBodyStep.body).toMatchObject({ field: 'minutes' });
    const typed = await mentor
      .post(`/referrals/${referralId}/mentoring-agreement`)
      .send({ signedOn: '2026-01-12', signedByChild: 'yes', signedByMentor: true, confidentialityExplained: true })
      .expect(400);
    expect(typed.body).toMatchObject({ field: 'signedByChild', rule: 'isBoolean' });
    expect(await events()).toBe(before);
  });

  it("refuses a list or a body that is not JSON as the client's mistake, never as a refusal of access, writing nothing", async () => {
    const before = await events();
    const list = await raw('/children', '[{"schoolId":"school-oakfield"}]', senco).expect(400);
    expect(list.body).toMatchObject({ field: 'body', rule: 'request.body-object' });
    const text = await senco.post('/children').set('Content-Type', 'text/plain').send('givenName=Ada').expect(415);
    expect(text.body).toMatchObject({ field: 'Content-Type', rule: 'request.content-type' });
    expect(text.body.message).toContain('text/plain');
    // No body needs no Content-Type: it is a body without the school, which is named.
    const empty = await senco.post('/children').expect(400);
    expect(empty.body).toMatchObject({ field: 'schoolId', rule: 'request.names-its-record' });
    const noChild = await senco.post('/concerns').send({}).expect(400);
    expect(noChild.body).toMatchObject({ field: 'childId' });
    expect(await events()).toBe(before);
  });

  it('refuses objects nested past the limit, 1,000 and 10,000 deep, without touching the stack', async () => {
    const before = await events();
    const deep = await raw(`/referrals/${referralId}/profile`, `{"profile":${nested(1_000)}}`).expect(400);
    expect(deep.body).toMatchObject({ rule: 'request.too-deep' });
    expect(deep.body.field).toMatch(/^profile\.a\.a/);
    await raw('/referrals', nested(10_000)).expect(400);
    expect(await events()).toBe(before);
  });

  it('answers junk in paths, queries and strings with a 400 naming the parameter, and logs the refusal', async () => {
    const nul = await senco.get('/children/%00').expect(400);
    expect(nul.body).toMatchObject({ field: 'childId', rule: 'request.unreadable-text' });
    const history = await dpo.get('/audit/users/senco.oakfield/access-history').expect(200);
    expect(history.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resource: 'GET /children/:childId',
          outcome: 'refused',
          reason: expect.stringMatching(/malformed request: path parameter childId/),
        }),
      ]),
    );

    const big = await senco.get('/audit/me/access-history?before=99999999999999999999').expect(400);
    expect(big.body).toMatchObject({ field: 'before' });
    await senco.get('/audit/me/access-history?before=9223372036854775807').expect(200);

    const surrogate = await raw(`/referrals/${referralId}/closure`, '{"reasonDetail":"\\ud800"}').expect(400);
    expect(surrogate.body).toMatchObject({ field: 'reasonDetail', rule: 'request.unreadable-text' });
    const inText = await raw(`/referrals/${referralId}/closure`, '{"exit":{"note":"a\\u0000b"}}').expect(400);
    expect(inText.body).toMatchObject({ field: 'exit.note' });
  });

  it('looks a step up among its own steps: constructor, __proto__ and toString are unknown steps, not a TypeError', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const refused = await senco.post(`/referrals/${referralId}/${name}`).send({});
      expect({ name, status: refused.status }).toEqual({ name, status: 404 });
    }
  });

  it("documents every write body and what a write answers in OpenAPI, a step route as one of its steps' DTOs", async () => {
    const document = (await request(platform.http).get('/docs-json').expect(200)).body;
    const writes = Object.entries(
      document.paths as Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>
      >,
    ).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch'].includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );
    const undocumented = writes.filter(({ operation }) => !operation.requestBody?.content['application/json']?.schema);
    expect(undocumented.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const referralStep = document.paths['/referrals/{referralId}/{step}'].post.requestBody;
    expect(referralStep.content['application/json'].schema.oneOf).toHaveLength(11);
    expect(referralStep.description).toContain('`triage`: TriageBody');
    expect(document.components.schemas.TriageBody.required).toEqual(
      expect.arrayContaining(['triagedOn', 'priority', 'levelOfNeed']),
    );
    expect(document.components.schemas.TriageBody.required).not.toContain('mentorId');
    expect(
      document.paths['/referrals/{referralId}/{step}'].post.responses['200'].content['application/json'].schema
        .required,
    ).toEqual(['referralId', 'revision']);
    expect(
      document.paths['/referrals'].post.responses['201'].content['application/json'].schema.properties,
    ).toHaveProperty('referralId');
    for (const path of [
      '/concerns/{concernId}/{step}',
      '/cafs/{cafId}/{step}',
      '/sharing/{sharingId}/{step}',
      '/mast-requests/{requestId}/{step}',
      '/mast-panels/{panelDate}/{step}',
    ]) {
      expect({
        path,
        oneOf: document.paths[path].post.requestBody.content['application/json'].schema.oneOf.length > 1,
      }).toEqual({ path, oneOf: true });
    }
  });
});
