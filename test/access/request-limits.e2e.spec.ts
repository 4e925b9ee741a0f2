import request from 'supertest';
import { apiAs } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Each address and each user has a budget of requests per window: a burst beyond it is refused with 429. */
describe('request limits: per address and per user, 429 with Retry-After', () => {
  let platform: PlatformUnderTest;

  afterEach(async () => {
    await platform.close();
  });

  it('cuts off one address after its budget, bad tokens included, and says when to come back', async () => {
    platform = await startPlatform('request_limits_address', {
      RATE_LIMIT_PER_ADDRESS: '20',
      RATE_LIMIT_PER_USER: '1000',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1)
      statuses.push(
        (await request(platform.http).get('/audit/verify').set('Authorization', 'Bearer not-a-token')).status,
      );
    expect(new Set(statuses)).toEqual(new Set([401]));
    const refused = await request(platform.http).get('/health').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', rule: 'rate-limit.address' });
  });

  it('cuts off one user after theirs while another user from the same address is still served', async () => {
    platform = await startPlatform('request_limits_user', {
      RATE_LIMIT_PER_ADDRESS: '1000',
      RATE_LIMIT_PER_USER: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    const dpo = await apiAs(platform, 'dpo');
    for (let i = 0; i < 5; i += 1) await dpo.get('/audit/verify').expect(200);
    const refused = await dpo.get('/audit/security-log').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ rule: 'rate-limit.user' });
    await (await apiAs(platform, 'admin')).get('/audit/verify').expect(200);
    // Public routes draw on the address budget only.
    await request(platform.http).get('/health').expect(200);
  });

  it('behind a trusted proxy, budgets the client the proxy names, and the security log records that address', async () => {
    platform = await startPlatform('request_limits_proxy', { RATE_LIMIT_PER_ADDRESS: '3', TRUST_PROXY_HOPS: '1' });
    const from = (address: string) => request(platform.http).get('/audit/verify').set('X-Forwarded-For', address);
    for (let i = 0; i < 3; i += 1) await from('203.0.113.7').expect(401);
    await from('203.0.113.7').expect(429);
    await from('203.0.113.8').expect(401);
    const { rows } = await platform.db.pool.query(`SELECT DISTINCT address FROM access.security_log ORDER BY address`);
    expect(rows.map((r: { address: string }) => r.address)).toEqual(['203.0.113.7', '203.0.113.8']);
  });
});
