import request from 'supertest';
import { steps } from '@app/domain/testing';
import { stepBody } from '../support/api-client';
import { consentingMother, parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Structured JSON lines, each with its request id, and nothing of a child in them. */
describe('the platform log carries no personal data', () => {
  let platform: PlatformUnderTest;
  const lines: string[] = [];
  const log = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    platform = await startPlatform(
      'platform_logs',
      { LOG_LEVEL: 'debug' },
      { logTo: { write: (line) => void lines.push(line) } },
    );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('walks a case, refuses a forged token and fails a query, and the log names none of the child, the family or the token', async () => {
    const senco = await platform.tokenFor('senco.oakfield');
    const mentor = await platform.tokenFor('mentor.oakfield');
    const child = await request(platform.http)
      .post('/children')
      .set('Authorization', `Bearer ${senco}`)
      .send({
        givenName: 'Marigold',
        familyName: 'Featherstonehaugh',
        dateOfBirth: '2015-04-02',
        schoolId: 'school-oakfield',
        yearGroup: 6,
        flags: ['young-carer'],
      })
      .expect(201);
    const childId = child.body.childId as string;
    await request(platform.http)
      .post(`/children/${childId}/consents`)
      .set('Authorization', `Bearer ${senco}`)
      .send(parentalConsent)
      .expect(201);
    const referral = await request(platform.http)
      .post('/referrals')
      .set('Authorization', `Bearer ${mentor}`)
      .send(stepBody(steps.refer, { childId }))
      .expect(201);
    await request(platform.http)
      .post(`/referrals/${referral.body.referralId}/triage`)
      .set('Authorization', `Bearer ${senco}`)
      .send(stepBody(steps.triage, { mentorId: 'mentor.oakfield' }))
      .expect(200);
    await request(platform.http).get(`/children/${childId}`).set('Authorization', `Bearer ${senco}`).expect(200);
    await request(platform.http)
      .patch(`/children/${childId}`)
      .set('Authorization', `Bearer ${senco}`)
      .send({ familyName: 'Featherstonehaugh-Ode', reason: 'name change by deed poll' })
      .expect(200);
    const forged = `${senco.slice(0, -6)}AAAAAA`;
    await request(platform.http)
      .get(`/children/${childId}?name=Marigold`)
      .set('Authorization', `Bearer ${forged}`)
      .expect(401);
    // A projection whose write fails: the statement is reported, its values are not.
    await expect(
      platform.runtime.dataSource.query(
        `INSERT INTO read_models.child_records (child_id, given_name) VALUES ($1, $2)`,
        [childId, 'Marigold'],
      ),
    ).rejects.toThrow();

    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      'Marigold',
      'Featherstonehaugh',
      consentingMother.name,
      steps.refer.reasonsDetail,
      senco,
      forged,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('query failed (SQLSTATE');
    expect(text).toContain('2 parameters withheld');
  });

  it('writes JSON lines, each request line with the request id it answered under', async () => {
    await request(platform.http).get('/health').set('x-request-id', 'log-suite-probe').expect(200);
    const entries = log();
    expect(
      entries.every((e) => typeof e.level === 'number' && typeof e.time === 'string' && typeof e.msg === 'string'),
    ).toBe(true);
    const requestLines = entries.filter((e) => e.req !== undefined || e.reqId !== undefined);
    expect(requestLines.length).toBeGreaterThan(5);
    for (const line of requestLines)
      expect((line.req as { id?: string } | undefined)?.id ?? line.reqId).toEqual(expect.any(String));
    expect(entries).toContainEqual(
      expect.objectContaining({
        req: { id: 'log-suite-probe', method: 'GET' },
        route: '/health',
        res: { statusCode: 200 },
      }),
    );
    // A refusal is a warning, named by its route pattern, never the path or the query the client sent.
    const refused = entries.find((e) => (e.res as { statusCode?: number } | undefined)?.statusCode === 401);
    expect(refused).toMatchObject({ level: 40, route: '/children/:childId' });
  });
});
