import { RetentionReviewJob } from '../../apps/api/src/process-managers/retention-review-job';
import { apiClient } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * The daily job lists the records whose retention
 * period (RETENTION_SCHEDULE_FILE: the IRMS toolkit's date of birth + 25 years for a pupil
 * record and a child-protection file) has ended; the dpo disposes of one, keeps one with a
 * reason, holds one; a held record is not disposed of until the hold is lifted.
 */
describe('retention review: disposed, kept and held', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const { as, get, post } = apiClient(() => platform);
  const register = async (givenName: string, dateOfBirth: string) => {
    const created = await post('senco.oakfield', '/children', {
      givenName,
      familyName: 'Weeding',
      dateOfBirth,
      upn: 'R123456789012',
      schoolId: 'school-oakfield',
      yearGroup: 11,
      flags: [],
    });
    expect(created.status).toBe(201);
    return created.body.childId as string;
  };
  const job = () => platform.app.get(RetentionReviewJob).listDue();
  const queue = async () =>
    ((await get('dpo', '/retention/reviews?status=due')).body as Array<{ childId: string }>).map((r) => r.childId);
  const decisionsOf = async (childId: string) =>
    ((await get('dpo', `/retention/children/${childId}`)).body.decisions as Array<{ decision: string }>).map(
      (d) => d.decision,
    );

  let disposed: string;
  let kept: string;
  let held: string;
  let young: string;

  beforeAll(async () => {
    platform = await startPlatform('retention_review', {}, { clock: () => now });
    disposed = await register('Ada', '2001-09-10');
    kept = await register('Bea', '2001-10-02');
    held = await register('Cal', '2001-11-15');
    young = await register('Dov', '2014-03-09');
    // A child-protection file: the concern's period runs from the child's date of birth too.
    expect(
      (await post('teacher.oakfield', '/concerns', { childId: held, seenOrHeard: 'Cal said he was afraid to go home' }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('lists, once, every child all of whose records have reached the end of their period', async () => {
    expect(await job()).toBe(3);
    expect(await job()).toBe(0);
    expect((await queue()).sort()).toEqual([disposed, kept, held].sort());
    const review = (await get('dpo', `/retention/children/${held}`)).body;
    expect(review).toMatchObject({ status: 'due', dueOn: '2026-11-15', listedOn: '2026-12-01', onHold: false });
    expect(review.records).toEqual([
      { recordRef: `child-protection-file:${held}`, recordClass: 'child-protection-file', endsOn: '2026-11-15' },
      { recordRef: `child-record:${held}`, recordClass: 'pupil-record', endsOn: '2026-11-15' },
    ]);
    expect((await get('dpo', `/retention/children/${young}`)).status).toBe(404);
    expect((await post('dpo', `/retention/children/${young}/disposal`)).body.rule).toBe('retention.not-due');
  });

  it('disposes of a record: its data key is deleted and every read model shows it erased', async () => {
    const answer = await post('dpo', `/retention/children/${disposed}/disposal`);
    expect(answer.status).toBe(200);
    const record = (await get('senco.oakfield', `/children/${disposed}`)).body;
    expect(record).toMatchObject({
      childId: disposed,
      givenName: null,
      familyName: null,
      dateOfBirth: null,
      upn: null,
      schoolId: 'school-oakfield',
      erased: true,
    });
    const { rows } = await platform.db.pool.query(
      `SELECT wrapped_key FROM event_store.child_data_keys WHERE child_id = $1`,
      [disposed],
    );
    expect(rows).toEqual([{ wrapped_key: null }]);
    expect(await decisionsOf(disposed)).toEqual(['RetentionReviewDue', 'RecordDisposed', 'ChildRecordErased']);
    expect((await get('dpo', `/retention/children/${disposed}`)).body).toMatchObject({
      status: 'erased',
      erasedCause: 'disposal',
    });
    // Nothing personal may be written about the child again.
    const correction = await (
      await as('senco.oakfield')
    )
      .patch(`/children/${disposed}`)
      .send({ givenName: 'Ada', reason: 'restore' });
    expect([correction.status, correction.body.rule]).toEqual([409, 'child.record-erased']);
    expect((await post('dpo', `/retention/children/${disposed}/disposal`)).body.rule).toBe('retention.already-erased');
  });

  it('keeps a record for a stated period with its reason, and lists it again when that ends', async () => {
    const early = await post('dpo', `/retention/children/${kept}/keep`, {
      keepUntil: '2026-12-01',
      reason: 'Tribunal',
    });
    expect([early.status, early.body.rule, early.body.field]).toEqual([
      400,
      'retention.keep-until-not-later',
      'keepUntil',
    ]);
    const answer = await post('dpo', `/retention/children/${kept}/keep`, {
      keepUntil: '2027-03-01',
      reason: "A sibling's child-protection plan is still open",
    });
    expect(answer.status).toBe(200);
    expect((await get('dpo', `/retention/children/${kept}`)).body).toMatchObject({
      status: 'kept',
      keptUntil: '2027-03-01',
    });
    expect(await queue()).not.toContain(kept);
    expect(await job()).toBe(0);
    now = new Date('2027-03-01T06:00:00Z');
    expect(await job()).toBe(1);
    expect((await get('dpo', `/retention/children/${kept}`)).body).toMatchObject({
      status: 'due',
      dueOn: '2027-03-01',
    });
    expect(await decisionsOf(kept)).toEqual(['RetentionReviewDue', 'RetentionExtended', 'RetentionReviewDue']);
    now = new Date('2026-12-01T10:00:00Z');
  });

  it('a legal hold stops disposal (409 naming the rule) until it is lifted', async () => {
    const placed = await post('dpo', `/retention/children/${held}/legal-holds`, {
      reason: "Civil claim: solicitor's letter of 3 November",
    });
    expect(placed.status).toBe(201);
    const { holdId } = placed.body;
    expect((await get('dpo', `/retention/children/${held}`)).body.onHold).toBe(true);
    const blocked = await post('dpo', `/retention/children/${held}/disposal`);
    expect([blocked.status, blocked.body.rule]).toEqual([409, 'retention.legal-hold']);
    expect(blocked.body.message).toContain(holdId);
    expect((await get('senco.oakfield', `/children/${held}`)).body.givenName).toBe('Cal');

    expect(
      (await post('dpo', `/retention/children/${held}/legal-holds/${holdId}/lifting`, { reason: 'Claim withdrawn' }))
        .status,
    ).toBe(200);
    expect(
      (await post('dpo', `/retention/children/${held}/legal-holds/${holdId}/lifting`, { reason: 'again' })).body.rule,
    ).toBe('retention.hold-already-lifted');
    expect((await post('dpo', `/retention/children/${held}/disposal`)).status).toBe(200);
    expect(await decisionsOf(held)).toEqual([
      'RetentionReviewDue',
      'LegalHoldPlaced',
      'LegalHoldLifted',
      'RecordDisposed',
      'ChildRecordErased',
    ]);
    // The child-protection file, too, keeps its acts and days but no words.
    const { rows } = await platform.db.pool.query(
      `SELECT seen_or_heard FROM read_models.concerns WHERE child_id = $1`,
      [held],
    );
    expect(rows).toEqual([{ seen_or_heard: null }]);
    // The dpo's view keeps every decision, without its words.
    const view = JSON.stringify((await get('dpo', `/retention/children/${held}`)).body);
    expect(view).not.toMatch(/solicitor|Claim withdrawn/);
  });

  it('an erasure request refused names its Art. 17(3) exemption and erases nothing; an approval needs its ground', async () => {
    const requested = await post('dpo', `/retention/children/${young}/erasure-requests`, {
      requesterKind: 'parent-carer',
      requesterName: 'Jo Weeding',
      receivedOn: '2026-11-28',
    });
    expect(requested.status).toBe(201);
    const decide = (body: object) =>
      post('dpo', `/retention/children/${young}/erasure-requests/${requested.body.requestId}/decision`, body);
    const noGround = await decide({ outcome: 'approved', reasons: 'Asked nicely' });
    expect([noGround.status, noGround.body.rule, noGround.body.field]).toEqual([
      400,
      'erasure.ground-required',
      'ground',
    ]);
    const noExemption = await decide({ outcome: 'refused', reasons: 'Must keep' });
    expect([noExemption.status, noExemption.body.field]).toEqual([400, 'exemption']);
    expect(
      (
        await decide({
          outcome: 'refused',
          exemption: 'legal-obligation-or-public-task',
          reasons: 'Safeguarding record the school must keep (KCSIE)',
        })
      ).status,
    ).toBe(200);
    expect((await decide({ outcome: 'approved', ground: 'objection', reasons: 'Changed our mind' })).body.rule).toBe(
      'erasure.already-decided',
    );
    expect((await get('senco.oakfield', `/children/${young}`)).body).toMatchObject({ givenName: 'Dov', erased: false });
    const review = (await get('dpo', `/retention/children/${young}`)).body;
    expect(review.status).toBe('retained');
    expect(review.decisions).toEqual([
      expect.objectContaining({
        decision: 'ErasureRequested',
        requesterKind: 'parent-carer',
        requesterName: 'Jo Weeding',
        receivedOn: '2026-11-28',
      }),
      expect.objectContaining({
        decision: 'ErasureDecided',
        outcome: 'refused',
        exemption: 'legal-obligation-or-public-task',
        by: expect.objectContaining({ userId: 'dpo' }),
      }),
    ]);
  });

  it('reaches a restricted record too: a restriction does not make a record outlive its period', async () => {
    expect(
      (
        await (
          await as('dsl.oakfield')
        )
          .put(`/children/${young}/restriction`)
          .send({ reason: 'Family court order', namedUsers: ['dsl.oakfield'] })
      ).status,
    ).toBe(200);
    expect((await get('senco.oakfield', `/children/${young}`)).status).toBe(403);
    expect(
      (await post('dpo', `/retention/children/${young}/legal-holds`, { reason: 'Court order: keep everything' }))
        .status,
    ).toBe(201);
    expect((await get('dpo', `/retention/children/${young}`)).body.onHold).toBe(true);
  });

  it("is the dpo's alone: anyone else gets 403, logged", async () => {
    for (const [userId, call] of [
      ['senco.oakfield', () => get('senco.oakfield', '/retention/reviews')],
      ['dsl.oakfield', () => post('dsl.oakfield', `/retention/children/${young}/legal-holds`, { reason: 'x' })],
      [
        'head.oakfield',
        () =>
          post('head.oakfield', `/retention/children/${young}/erasure-requests`, {
            requesterKind: 'parent-carer',
            requesterName: 'P',
            receivedOn: '2026-11-30',
          }),
      ],
    ] as const) {
      expect((await call()).status).toBe(403);
      const { rows } = await platform.db.pool.query(
        `SELECT reason FROM access.access_log WHERE user_id = $1 AND outcome = 'refused' ORDER BY seq DESC LIMIT 1`,
        [userId],
      );
      expect(rows[0].reason).toContain('data-protection officer');
    }
  });

  it('names the field of bad input with a 400, and an unknown child, hold or request with a 404', async () => {
    const cases: Array<[string, object, string]> = [
      [`/retention/children/${young}/keep`, { keepUntil: 'next year', reason: 'x' }, 'keepUntil'],
      [`/retention/children/${young}/keep`, { keepUntil: '2027-01-01' }, 'reason'],
      [`/retention/children/${young}/legal-holds`, { reason: 'x', until: '2027-01-01' }, 'until'],
      [
        `/retention/children/${young}/erasure-requests`,
        { requesterKind: 'neighbour', requesterName: 'P', receivedOn: '2026-11-30' },
        'requesterKind',
      ],
      [
        `/retention/children/${young}/erasure-requests`,
        { requesterKind: 'parent-carer', requesterName: 'P', receivedOn: '2026-12-02' },
        'receivedOn',
      ],
    ];
    for (const [path, body, field] of cases) {
      const answer = await post('dpo', path, body);
      expect([answer.status, answer.body.field]).toEqual([400, field]);
    }
    expect((await get('dpo', '/retention/reviews?status=overdue')).status).toBe(400);
    expect(
      (await post('dpo', '/retention/children/8d5b1a3e-8d1f-4c55-9a53-0d3f4a1c2b7e/legal-holds', { reason: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (
        await post('dpo', `/retention/children/${young}/legal-holds/8d5b1a3e-8d1f-4c55-9a53-0d3f4a1c2b7e/lifting`, {
          reason: 'x',
        })
      ).body.field,
    ).toBe('holdId');
  });
});
