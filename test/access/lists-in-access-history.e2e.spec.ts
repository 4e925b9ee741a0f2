import { steps } from '@app/domain/testing';
import { apiClient, stepBody } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * A list that names children is a read of each child. One access-log
 * entry per list read carries the children it named; every child's history and their
 * subject-access report show it; the chain's hash covers the ids.
 */
describe('a list that names children is a read of each child', () => {
  let platform: PlatformUnderTest;
  const { as } = apiClient(() => platform);
  const onRegister: string[] = [];
  let notOnRegister: string;

  const register = async (givenName: string) =>
    (
      await (
        await as('senco.oakfield')
      )
        .post('/children')
        .send({
          givenName,
          familyName: 'Example',
          dateOfBirth: '2014-02-02',
          schoolId: 'school-oakfield',
          yearGroup: 7,
          flags: [],
        })
        .expect(201)
    ).body.childId as string;

  beforeAll(async () => {
    platform = await startPlatform('lists_in_history');
    for (const givenName of ['Amira', 'Kayden']) {
      const childId = await register(givenName);
      await (await as('senco.oakfield')).post(`/children/${childId}/consents`).send(parentalConsent).expect(201);
      const { referralId } = (
        await (await as('mentor.oakfield')).post('/referrals').send(stepBody(steps.refer, { childId })).expect(201)
      ).body;
      await (
        await as('senco.oakfield')
      )
        .post(`/referrals/${referralId}/triage`)
        .send(stepBody(steps.triage, { mentorId: 'mentor.oakfield' }))
        .expect(200);
      onRegister.push(childId);
    }
    notOnRegister = await register('Jordan');
    await (
      await as('senco.oakfield')
    )
      .get('/schools/school-oakfield/pupil-register')
      .set('X-Request-Id', 'req-register')
      .expect(200);
  });
  afterAll(async () => {
    await platform.close();
  });

  const historyOf = async (childId: string) =>
    (await (await as('dpo')).get(`/audit/children/${childId}/access-history`).expect(200)).body as Array<
      Record<string, unknown>
    >;

  it('shows the register read in the access history of every child it named, and of no other', async () => {
    for (const childId of onRegister) {
      expect(await historyOf(childId)).toContainEqual(
        expect.objectContaining({
          userId: 'senco.oakfield',
          resource: 'GET /schools/:schoolId/pupil-register',
          outcome: 'allowed',
          basis: 'staff-of:school-oakfield',
          requestId: 'req-register',
          childrenNamed: 2,
        }),
      );
    }
    expect((await historyOf(notOnRegister)).map((e) => e.requestId)).not.toContain('req-register');
  });

  it('writes one chain entry for the whole list, with the children indexed by child', async () => {
    const entries = await platform.db.pool.query(
      `SELECT seq, child_id FROM access.access_log WHERE request_id = 'req-register'`,
    );
    expect(entries.rows).toEqual([{ seq: expect.any(String), child_id: null }]);
    const named = await platform.db.pool.query(
      `SELECT child_id FROM access.access_log_named_children WHERE seq = $1 ORDER BY child_id`,
      [entries.rows[0].seq],
    );
    expect(named.rows.map((r) => r.child_id)).toEqual([...onRegister].sort());
    await expect(platform.db.pool.query(`DELETE FROM access.access_log_named_children`)).rejects.toThrow(/append-only/);
  });

  it('puts every list that named the child in the subject-access report', async () => {
    const report = (
      await (await as('dpo')).get(`/disclosure-audit/children/${onRegister[0]}/subject-access`).expect(200)
    ).body;
    expect(report.listsNamingChild).toContainEqual(
      expect.objectContaining({
        userId: 'senco.oakfield',
        role: 'senco',
        agencyId: 'school-oakfield',
        resource: 'GET /schools/:schoolId/pupil-register',
      }),
    );
    const other = (
      await (await as('dpo')).get(`/disclosure-audit/children/${notOnRegister}/subject-access`).expect(200)
    ).body;
    expect(other.listsNamingChild.map((l: { resource: string }) => l.resource)).not.toContain(
      'GET /schools/:schoolId/pupil-register',
    );
  });

  it('verifies the chain with the named children, and breaks where one is struck from a list behind its back', async () => {
    const dpo = await as('dpo');
    expect((await dpo.get('/audit/verify').expect(200)).body).toMatchObject({ intact: true });

    const [entry] = (
      await platform.db.pool.query(`SELECT seq FROM access.access_log WHERE request_id = 'req-register'`)
    ).rows;
    const client = await platform.db.pool.connect();
    try {
      await client.query(
        'ALTER TABLE access.access_log_named_children DISABLE TRIGGER access_log_named_children_append_only',
      );
      await client.query(`DELETE FROM access.access_log_named_children WHERE seq = $1 AND child_id = $2`, [
        entry.seq,
        onRegister[0],
      ]);
      await client.query(
        'ALTER TABLE access.access_log_named_children ENABLE TRIGGER access_log_named_children_append_only',
      );
    } finally {
      client.release();
    }
    const broken = await dpo.get('/audit/verify').expect(200);
    expect(broken.body).toMatchObject({
      intact: false,
      firstBrokenLink: { seq: String(entry.seq), problem: 'content does not match its hash' },
    });
  });
});
