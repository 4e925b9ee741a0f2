import request from 'supertest';
import { apiClient } from '../support/api-client';
import { startPlatform, suiteClock, type PlatformUnderTest } from '../support/platform-under-test';

/** A client whose reply was lost retries with the same Idempotency-Key and gets the first answer, written once. */
describe('retries with an Idempotency-Key', () => {
  let platform: PlatformUnderTest;
  /** The platform's clock, moved on by a test to let keys expire. */
  let daysLater = 0;
  const { as } = apiClient(() => platform);
  const child = {
    givenName: 'Isla',
    familyName: 'Marsh',
    dateOfBirth: '2013-02-11',
    schoolId: 'school-oakfield',
    yearGroup: 8,
    flags: [],
  };
  const events = async (): Promise<number> =>
    (await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  const register = async (userId: string, key: string | undefined, body: object = child, status?: number) => {
    const call = (await as(userId)).post('/children');
    const response = await (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
    if (status !== undefined) expect([response.status, response.body]).toEqual([status, expect.anything()]);
    return response;
  };

  beforeAll(async () => {
    const clock = suiteClock();
    platform = await startPlatform(
      'idempotency',
      {},
      { clock: () => new Date(clock().getTime() + daysLater * 24 * 3600 * 1000) },
    );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('answers a retry with the first status, body, Location and ETag, and writes nothing again', async () => {
    const first = await register('senco.oakfield', 'register-isla-1');
    expect(first.status).toBe(201);
    const written = await events();

    const retry = await register('senco.oakfield', 'register-isla-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(await events()).toBe(written);

    // Without a key a POST is a new request every time, as before.
    expect((await register('senco.oakfield', undefined)).body.childId).not.toBe(first.body.childId);
  });

  it('refuses the same key for a different body with 422 naming the header, and writes nothing', async () => {
    await register('senco.oakfield', 'register-isla-2', child, 201);
    const written = await events();
    const reused = await register('senco.oakfield', 'register-isla-2', { ...child, yearGroup: 9 }, 422);
    expect(reused.body).toMatchObject({ rule: 'idempotency.key-reused', field: 'Idempotency-Key' });
    expect(reused.body.message).toContain('Idempotency-Key');
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(child).reverse());
    expect((await register('senco.oakfield', 'register-isla-2', reordered)).headers['idempotency-replayed']).toBe(
      'true',
    );
    expect(await events()).toBe(written);
  });

  it('scopes keys to the user: another user with the same key makes their own request', async () => {
    const mine = await register('senco.oakfield', 'shared-key', child, 201);
    const theirs = await register('dsl.oakfield', 'shared-key', child, 201);
    expect(theirs.body.childId).not.toBe(mine.body.childId);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
  });

  it('frees the key of a request that was refused, so the corrected retry goes through', async () => {
    const refused = await register('senco.oakfield', 'register-fixed', { ...child, yearGroup: 'eight' }, 400);
    expect(refused.body.field).toBe('yearGroup');
    const fixed = await register('senco.oakfield', 'register-fixed', child, 201);
    expect(fixed.headers['idempotency-replayed']).toBeUndefined();
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    for (const key of ['x'.repeat(256), 'with space', '<key>']) {
      const refused = await register('senco.oakfield', key, child, 400);
      expect(refused.body).toMatchObject({ rule: 'request.idempotency-key', field: 'Idempotency-Key' });
    }
  });

  it('writes once when the same request races itself: the other gets the first answer or a 409', async () => {
    const written = await events();
    const answers = await Promise.all([1, 2, 3].map(() => register('senco.oakfield', 'racing-key')));
    const created = answers.filter((a) => a.status === 201);
    expect(new Set(created.map((a) => a.body.childId)).size).toBe(1);
    for (const other of answers.filter((a) => a.status !== 201))
      expect(other.body).toMatchObject({ statusCode: 409, rule: 'idempotency.in-progress' });
    expect(await events()).toBe(written + 1);
  });

  it('serves every creating POST, not only children: a referral retried is one referral', async () => {
    const childId = (await register('senco.oakfield', undefined, child, 201)).body.childId;
    const referral = {
      childId,
      schoolId: 'school-oakfield',
      referredOn: '2026-09-14',
      source: 'teacher',
      referrer: { role: 'class-teacher', userId: 'teacher.oakfield' },
      reasons: ['low-confidence-and-self-esteem'],
    };
    const refer = async () =>
      (await as('senco.oakfield')).post('/referrals').set('Idempotency-Key', `refer-${childId}`).send(referral);
    const first = await refer();
    expect(first.status).toBe(201);
    const written = await events();
    const retry = await refer();
    expect([retry.status, retry.body]).toEqual([201, first.body]);
    expect(await events()).toBe(written);
  });

  it('forgets a key after 24 hours: the same key then makes a new request', async () => {
    const first = await register('senco.oakfield', 'register-isla-expiring', child, 201);
    daysLater = 1.01;
    const later = await register('senco.oakfield', 'register-isla-expiring', child, 201);
    daysLater = 0;
    expect(later.headers['idempotency-replayed']).toBeUndefined();
    expect(later.body.childId).not.toBe(first.body.childId);
  });

  it('documents the header and its refusals on every POST in OpenAPI', async () => {
    const document = (await request(platform.http).get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        { post?: { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> } }
      >;
    };
    const posts = Object.entries(document.paths).filter(([, path]) => path.post);
    expect(posts.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        '/children',
        '/referrals',
        '/mast-requests',
        '/cafs',
        '/sharing',
        '/concerns',
        '/children/{childId}/consents',
      ]),
    );
    for (const [, path] of posts) {
      expect(path.post?.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
      );
      expect(path.post?.responses['422']).toBeDefined();
    }
  });
});
