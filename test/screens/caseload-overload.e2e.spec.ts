import type { AddressInfo } from 'node:net';
import { giveMentoringConsent, refer, registerChild, schoolApi, triageOnto } from '../../bench/pages/school-cases';
import { pageSession } from '../support/page-session';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** 003 §4e on the pages: above fifteen one-to-one cases a mentor's caseload is flagged, never hidden; the list read names every child. */
describe('the caseload pages flag a mentor above fifteen one-to-one cases', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('screens_overload');
    await platform.app.listen(0, '127.0.0.1');
    const api = schoolApi(
      `http://127.0.0.1:${(platform.app.getHttpServer().address() as AddressInfo).port}`,
      (userId) => platform.tokenFor(userId),
    );
    for (let i = 0; i < 16; i++) {
      const childId = await registerChild(api, `Pupil${i}`, 'Overload');
      await giveMentoringConsent(api, childId, '2026-09-07', '2027-07-23');
      await triageOnto(api, await refer(api, childId));
    }
  }, 240_000);
  afterAll(async () => {
    await platform?.close();
  });

  it('the SENCo sees the mentor overloaded; the mentor sees the warning above the 16 cases; each read names the 16 children', async () => {
    const senco = await pageSession(platform, 'senco.oakfield');
    const caseloads = await senco.agent.get('/app/schools/school-oakfield/caseloads').expect(200);
    expect(caseloads.text).toMatch(/Priya Shah \(learning mentor\)[\s\S]*>16<[\s\S]*Overloaded/);

    const mentor = await pageSession(platform, 'mentor.oakfield');
    const own = await mentor.agent.get('/app/schools/school-oakfield/caseloads/mentor.oakfield').expect(200);
    expect(own.text).toContain('16 one-to-one cases: above the 15 a mentor can carry.');
    expect((own.text.match(/href="\/app\/referrals\//g) ?? []).length).toBe(16);

    const [read] = await platform.runtime.dataSource.query(
      `SELECT l.basis, (SELECT count(*)::int FROM access.access_log_named_children n WHERE n.seq = l.seq) AS named
         FROM access.access_log l WHERE l.user_id = 'mentor.oakfield' AND l.resource = 'GET /app/schools/:schoolId/caseloads/:mentorId' ORDER BY l.seq DESC LIMIT 1`,
    );
    expect(read).toEqual({ basis: 'staff-of:school-oakfield', named: 16 });
  });
});
