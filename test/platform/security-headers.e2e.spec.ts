import request from 'supertest';
import { createHash } from 'node:crypto';
import { apiAs, type ApiAgent } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Security headers on every response, no `X-Powered-By: Express`, and no caching of personal data. */
describe('security headers on every response', () => {
  let platform: PlatformUnderTest;
  let senco: ApiAgent;

  beforeAll(async () => {
    platform = await startPlatform('security_headers');
    senco = await apiAs(platform, 'senco.oakfield');
  });
  afterAll(async () => {
    await platform.close();
  });

  it('sends helmet headers, never X-Powered-By, and forbids caching a child record', async () => {
    const created = await senco
      .post('/children')
      .send({
        givenName: 'Maya',
        familyName: 'Cole',
        dateOfBirth: '2015-01-20',
        schoolId: 'school-oakfield',
        yearGroup: 5,
        flags: [],
      })
      .expect(201);
    for (const response of [
      created,
      await senco.get(`/children/${created.body.childId}`).expect(200),
      await request(platform.http).get(`/children/${created.body.childId}`).expect(401),
      await request(platform.http).get('/health').expect(200),
    ]) {
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('gives the subject-access page a strict CSP that still allows its own style and nothing else', async () => {
    const child = await senco
      .post('/children')
      .send({
        givenName: 'Noor',
        familyName: 'Bell',
        dateOfBirth: '2014-06-11',
        schoolId: 'school-oakfield',
        yearGroup: 6,
        flags: [],
      })
      .expect(201);
    const page = await (
      await apiAs(platform, 'dpo')
    )
      .get(`/disclosure-audit/children/${child.body.childId}/subject-access?format=html`)
      .expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = page.headers['content-security-policy'] as string;
    expect(
      csp
        .split(';')
        .map((d) => d.trim())
        .sort(),
    ).toEqual([
      "base-uri 'none'",
      "default-src 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]+=*'$/),
    ]);
    const style = /<style>(.*)<\/style>/.exec(page.text)![1];
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('leaves the OpenAPI explorer working: its scripts load from the API itself', async () => {
    const docs = await request(platform.http).get('/docs/').expect(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['x-powered-by']).toBeUndefined();
  });
});
