import request from 'supertest';
import { apiAs } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Every failed authentication is recorded (never the token), read by the DPO and the administrator, and counted. */
describe('failed authentications: the security log', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('failed_authentications');
  });
  afterAll(async () => {
    await platform.close();
  });

  const read = async (userId: string) =>
    request(platform.http)
      .get('/audit/security-log')
      .set('Authorization', `Bearer ${await platform.tokenFor(userId)}`);

  it('records when, from where and why, never the token, and only the DPO and the administrator read it', async () => {
    const valid = await platform.tokenFor('senco.oakfield');
    const forged = `${valid.slice(0, -6)}AAAAAA`;
    await request(platform.http)
      .get('/children/00000000-0000-4000-8000-000000000001')
      .set('Authorization', `Bearer ${forged}`)
      .set('x-request-id', 'forged-1')
      .expect(401);
    await request(platform.http).get('/schools/school-oakfield/pupil-register').expect(401);
    await (await apiAs(platform, 'nobody.anywhere')).get('/audit/verify').expect(401);

    const dpo = await read('dpo');
    expect(dpo.status).toBe(200);
    expect(dpo.body).toEqual([
      expect.objectContaining({ reason: 'unknown-user', resource: 'GET /audit/verify' }),
      expect.objectContaining({ reason: 'missing-token', resource: 'GET /schools/:schoolId/pupil-register' }),
      {
        seq: expect.any(String),
        at: expect.any(String),
        address: expect.stringContaining('127.0.0.1'),
        reason: 'bad-signature',
        resource: 'GET /children/:childId',
        requestId: 'forged-1',
      },
    ]);
    // The suite clock (ADR 009), not the wall clock.
    expect(dpo.body[0].at.startsWith('2026-12-01')).toBe(true);
    expect(JSON.stringify(dpo.body)).not.toContain(forged.split('.')[2]);
    const { rows } = await platform.db.pool.query(`SELECT * FROM access.security_log`);
    expect(JSON.stringify(rows)).not.toContain(forged.split('.')[1]);

    expect((await read('admin')).status).toBe(200);
    for (const other of ['senco.oakfield', 'dsl.oakfield', 'social.worker', 'mast.coordinator'])
      expect((await read(other)).status).toBe(403);
    expect((await read('admin')).body).toHaveLength(3);
    expect((await (await apiAs(platform, 'dpo')).get('/audit/security-log?limit=1')).body).toHaveLength(1);
  });

  it('counts them in /metrics by reason', async () => {
    const metrics = await request(platform.http).get('/metrics').expect(200);
    expect(metrics.text).toContain('# TYPE mast_failed_authentications_total counter');
    expect(metrics.text).toMatch(/\nmast_failed_authentications_total\{reason="bad-signature"\} 1\n/);
    expect(metrics.text).toMatch(/\nmast_failed_authentications_total\{reason="missing-token"\} 1\n/);
    expect(metrics.text).toMatch(/\nmast_failed_authentications_total\{reason="unknown-user"\} 1\n/);
  });
});
