import { apiClient } from '../support/api-client';
import { parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Consent to MAST involvement, given with the SENCo when the request is made (001). */
const mastConsent = parentalConsentTo('Request for MAST involvement', 'The Multi-Agency Support Team and its panel', {
  purposes: ['mast-involvement'],
  recipients: ['mast'],
  categories: ['education', 'attendance', 'family-circumstances'],
});

/**
 * The MAST walk through the API, on the shipped England and Wales calendar: a request
 * deferred by one panel and accepted a week later; two key workers, one making first
 * contact on working day 9 over Christmas, the other on day 12 (a breach).
 */
describe('the weekly MAST panel, from request to first contact', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const at = (instant: string) => {
    now = new Date(instant);
  };
  const { get, post } = apiClient(() => platform);

  const childWithMastConsent = async (givenName: string) => {
    const child = await post('senco.oakfield', '/children', {
      givenName,
      familyName: 'Example',
      dateOfBirth: '2014-05-02',
      schoolId: 'school-oakfield',
      yearGroup: 7,
      flags: [],
    });
    expect(child.status).toBe(201);
    expect((await post('senco.oakfield', `/children/${child.body.childId}/consents`, mastConsent)).status).toBe(201);
    return child.body.childId as string;
  };
  const makeRequest = async (childId: string) => {
    const made = await post('senco.oakfield', '/mast-requests', {
      childId,
      parentsInvolved: [{ name: 'Jo Smith', relationship: 'mother' }],
      needs: 'Mornings are chaotic; late most days; withdrawn in class',
      alreadyTried: 'Attendance meetings, breakfast club, school learning mentor',
      levelOfNeed: 3,
    });
    expect(made.status).toBe(201);
    return made.body.requestId as string;
  };

  let first: string;
  let second: string;

  beforeAll(async () => {
    // "A panel with members from two agencies": two members from two agencies make a quorum here.
    platform = await startPlatform(
      'mast_panel',
      { MAST_PANEL_WEEKDAY: '3', MAST_QUORUM_MEMBERS: '2', MAST_QUORUM_AGENCIES: '2' },
      { clock: () => now },
    );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('refuses a request without consent covering MAST, naming what is missing', async () => {
    const child = await post('senco.oakfield', '/children', {
      givenName: 'Noor',
      familyName: 'Example',
      dateOfBirth: '2014-05-02',
      schoolId: 'school-oakfield',
      yearGroup: 7,
      flags: [],
    });
    const refused = await post('senco.oakfield', '/mast-requests', {
      childId: child.body.childId,
      parentsInvolved: [{ name: 'A Parent', relationship: 'father' }],
      needs: 'n',
      alreadyTried: 't',
      levelOfNeed: 2,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('mast-request.consent-required');
    expect(refused.body.message).toMatch(/mast-involvement/);
  });

  it('panel one: the agenda is what arrived before the cut-off; no quorum, no decision; then a deferral', async () => {
    first = await makeRequest(await childWithMastConsent('Kayden'));
    at('2026-12-08T10:00:00Z'); // Tuesday: after Monday night's cut-off for Wednesday's panel
    second = await makeRequest(await childWithMastConsent('Amira'));

    at('2026-12-09T09:00:00Z');
    expect((await post('mast.coordinator', '/mast-panels', { panelDate: '2026-12-10' })).body).toMatchObject({
      rule: 'mast-panel.not-panel-weekday',
      field: 'panelDate',
    });
    expect((await post('mast.coordinator', '/mast-panels', { panelDate: '2026-12-09' })).status).toBe(201);
    expect((await post('mast.coordinator', '/mast-panels/2026-12-09/agenda')).status).toBe(200);
    // A panel member sees a request once it is listed for a panel, not before.
    expect((await get('panel.health', `/mast-requests/${first}`)).status).toBe(200);
    expect((await get('panel.health', `/mast-requests/${second}`)).status).toBe(403);
    expect(
      (await post('mast.coordinator', '/mast-panels/2026-12-09/attendance', { userId: 'panel.health' })).status,
    ).toBe(200);
    expect(
      (await post('mast.coordinator', '/mast-panels/2026-12-09/attendance', { userId: 'parent.demo' })).body,
    ).toMatchObject({ field: 'userId' });

    const defer = {
      requestId: first,
      decision: { outcome: 'defer', informationNeeded: 'Attendance for the autumn term' },
      reason: 'Attendance history unclear',
    };
    const inquorate = await post('mast.coordinator', '/mast-panels/2026-12-09/decisions', defer);
    expect(inquorate.status).toBe(409);
    expect(inquorate.body.rule).toMatch(/quorum/);

    await post('mast.coordinator', '/mast-panels/2026-12-09/attendance', { userId: 'panel.ews' });
    expect((await post('mast.coordinator', '/mast-panels/2026-12-09/decisions', defer)).status).toBe(201);
    expect((await post('mast.coordinator', '/mast-panels/2026-12-09/closure')).body.rule).toBe(
      'mast-panel.minutes-required',
    );
    await post('mast.coordinator', '/mast-panels/2026-12-09/minutes', {
      minutes: 'One request considered and deferred for attendance information.',
    });
    expect((await post('mast.coordinator', '/mast-panels/2026-12-09/closure')).status).toBe(200);

    const panel = (await get('panel.ews', '/mast-panels/2026-12-09')).body;
    expect(panel.panel).toMatchObject({ status: 'closed', heldOver: [second] });
    expect(panel.panel.attendance.map((a: { agencyId: string }) => a.agencyId)).toEqual([
      'health',
      'education-welfare',
    ]);
    expect(panel.items.map((i: { requestId: string; outcome: string }) => [i.requestId, i.outcome])).toEqual([
      [first, 'defer'],
    ]);

    at('2026-12-10T12:00:00Z');
    expect(
      (await post('mast.coordinator', `/mast-requests/${first}/response-sent`, { sentOn: '2026-12-11' })).body,
    ).toMatchObject({ rule: 'request.day-in-future', field: 'sentOn' });
    expect(
      (await post('mast.coordinator', `/mast-requests/${first}/response-sent`, { sentOn: '2026-12-10' })).status,
    ).toBe(200);
  });

  it('panel two, a week later: the deferred request returns and is accepted; a conflicted member takes no part', async () => {
    at('2026-12-16T09:00:00Z');
    await post('mast.coordinator', '/mast-panels', { panelDate: '2026-12-16' });
    await post('mast.coordinator', '/mast-panels/2026-12-16/agenda');
    for (const userId of ['mast.coordinator', 'panel.health', 'panel.ews'])
      await post('mast.coordinator', '/mast-panels/2026-12-16/attendance', { userId });
    expect(
      (
        await post('mast.coordinator', '/mast-panels/2026-12-16/conflicts', {
          requestId: second,
          memberId: 'panel.health',
          nature: 'Knows the family socially',
        })
      ).status,
    ).toBe(201);

    const allocate = (requestId: string, workerId: string, kind: string) =>
      post('mast.coordinator', '/mast-panels/2026-12-16/decisions', {
        requestId,
        decision: { outcome: 'accept-allocate', allocation: { workerId, kind } },
        reason: 'Family support at home with routines',
      });
    expect((await allocate(first, 'panel.ews', 'key-worker')).body).toMatchObject({
      field: 'decision.allocation.workerId',
    });
    expect((await allocate(first, 'keyworker.mast', 'key-worker')).status).toBe(201);
    expect((await allocate(second, 'familymentor.mast', 'family-learning-mentor')).status).toBe(201);
    await post('mast.coordinator', '/mast-panels/2026-12-16/minutes', {
      minutes: 'Two requests accepted and allocated.',
    });
    await post('mast.coordinator', '/mast-panels/2026-12-16/closure');

    const panel = (await get('mast.coordinator', '/mast-panels/2026-12-16')).body;
    const decidedSecond = panel.items.find((i: { requestId: string }) => i.requestId === second);
    expect(decidedSecond.conflicted).toEqual(['panel.health']);
    expect(decidedSecond.participants.map((p: { userId: string }) => p.userId).sort()).toEqual([
      'mast.coordinator',
      'panel.ews',
    ]);
    expect(panel.items.find((i: { requestId: string }) => i.requestId === first).returning).toBe(true);

    const log = (await get('panel.health', '/mast/decision-log?from=2026-12-01')).body;
    expect(
      log.filter((d: { requestId: string }) => d.requestId === first).map((d: { outcome: string }) => d.outcome),
    ).toEqual(['defer', 'accept-allocate']);
    const request1 = (await get('senco.oakfield', `/mast-requests/${first}`)).body;
    expect(request1).toMatchObject({ status: 'allocated', workerId: 'keyworker.mast' });
    expect(request1.decisions).toHaveLength(2);

    at('2026-12-17T15:00:00Z');
    for (const requestId of [first, second])
      expect(
        (await post('mast.coordinator', `/mast-requests/${requestId}/response-sent`, { sentOn: '2026-12-17' })).status,
      ).toBe(200);
    expect(
      (await get('keyworker.mast', '/mast/caseloads/keyworker.mast')).body.map(
        (r: { requestId: string }) => r.requestId,
      ),
    ).toEqual([first]);
    expect((await get('keyworker.mast', '/mast/caseloads/familymentor.mast')).status).toBe(403);
  });

  it('first contact across Christmas and New Year: working day 9 meets the deadline, day 12 is a breach with its reason', async () => {
    // Decided Wednesday 16 December 2026; 10 working days skip 25 and 28 December and 1 January: due Monday 4 January 2027.
    at('2027-01-04T16:00:00Z');
    expect(
      (await post('keyworker.mast', `/mast-requests/${first}/first-contact`, { contactOn: '2026-12-31' })).status,
    ).toBe(200);
    expect(
      (await post('keyworker.mast', `/mast-requests/${second}/first-contact`, { contactOn: '2027-01-04' })).status,
    ).toBe(403);

    at('2027-01-05T09:00:00Z');
    const overdue = (await get('mast.coordinator', '/mast/deadlines?state=overdue')).body;
    expect(overdue).toEqual([
      expect.objectContaining({
        requestId: second,
        deadline: 'first-contact',
        dueBy: '2027-01-04',
        owner: expect.objectContaining({ userId: 'familymentor.mast' }),
      }),
    ]);

    at('2027-01-06T17:00:00Z');
    const unexplained = await post('familymentor.mast', `/mast-requests/${second}/first-contact`, {
      contactOn: '2027-01-06',
    });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.field).toBe('breachReason');
    expect(
      (
        await post('familymentor.mast', `/mast-requests/${second}/first-contact`, {
          contactOn: '2027-01-06',
          breachReason: 'Family away over the holidays; no answer to calls',
        })
      ).status,
    ).toBe(200);

    const deadlines = (await get('mast.coordinator', '/mast/deadlines')).body as Array<{
      requestId: string;
      deadline: string;
      state: string;
      metOnWorkingDay: number;
      breachReason: string | null;
    }>;
    const contact = (requestId: string) =>
      deadlines.find((d) => d.requestId === requestId && d.deadline === 'first-contact');
    expect(contact(first)).toMatchObject({ state: 'met', metOnWorkingDay: 9, dueBy: '2027-01-04' });
    expect(contact(second)).toMatchObject({
      state: 'breached',
      metOnWorkingDay: 12,
      breachReason: 'Family away over the holidays; no answer to calls',
    });
  });

  it("bad input names the field; other children's requests are not the SENCo's to see", async () => {
    const bad = await post('senco.oakfield', '/mast-requests', { childId: 'not-a-child' });
    expect(bad.status).toBe(403);
    expect((await post('mast.coordinator', '/mast-panels', { panelDate: '16/12/2026' })).body).toMatchObject({
      field: 'panelDate',
    });
    expect((await get('mast.coordinator', '/mast/deadlines?state=late')).body).toMatchObject({ field: 'state' });
    expect((await get('senco.riverside', `/mast-requests/${first}`)).status).toBe(403);
  });

  // Attendance and decisions are what happened in the meeting.
  it("records no attendance and no decision before the panel's day", async () => {
    expect((await post('mast.coordinator', '/mast-panels', { panelDate: '2027-03-03' })).status).toBe(201);
    const early = await post('mast.coordinator', '/mast-panels/2027-03-03/attendance', { userId: 'panel.health' });
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('mast-panel.not-yet-met');
    const decided = await post('mast.coordinator', '/mast-panels/2027-03-03/decisions', {
      requestId: first,
      decision: { outcome: 'decline' },
      reason: 'Needs met by school',
    });
    expect(decided.status).toBe(409);
    expect(decided.body.rule).toBe('mast-panel.not-yet-met');
  });
});
