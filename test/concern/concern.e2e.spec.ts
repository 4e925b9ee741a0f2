import { steps } from '@app/domain/testing';
import { apiClient, stepBody } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** The request body of a referral step: the domain's example command, less what the platform supplies. */

/**
 * A safeguarding concern through the API, on the shipped calendar: raised by the learning
 * mentor, referred by the DSL, decided late by social care (breach with its reason), then
 * strategy discussion, initial conference with the mentor's report generated from the case,
 * core group; the social-care view shows referrals, reports and clocks.
 */
describe('a safeguarding concern on the Working Together clocks', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const { get, post, registerChild } = apiClient(() => platform);
  let childId: string;
  let referralId: string;
  let concernId: string;

  beforeAll(async () => {
    platform = await startPlatform('concern_walk', {}, { clock: () => now });
    childId = await registerChild({ givenName: 'Maya' });
    await post('senco.oakfield', `/children/${childId}/consents`, parentalConsent);
    referralId = (await post('mentor.oakfield', '/referrals', stepBody(steps.refer, { childId }))).body.referralId;
    for (const [name, command, as] of [
      ['triage', stepBody(steps.triage, { mentorId: 'mentor.oakfield' }), 'senco.oakfield'],
      ['mentoring-agreement', stepBody(steps.agree), 'mentor.oakfield'],
      ['assessment', stepBody(steps.assess), 'mentor.oakfield'],
      ['targets', stepBody(steps.targets), 'mentor.oakfield'],
      ['action-plan', stepBody(steps.plan), 'mentor.oakfield'],
      ['sessions', stepBody(steps.session), 'mentor.oakfield'],
    ] as const) {
      expect((await post(as, `/referrals/${referralId}/${name}`, command)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await platform.close();
  });

  it('is raised by staff and reviewed by the DSL, who refers it: the decision is due the next working day', async () => {
    now = new Date('2026-12-04T15:00:00Z'); // a Friday
    const raised = await post('mentor.oakfield', '/concerns', {
      childId,
      seenOrHeard: 'Maya said she is scared to go home; bruise on her wrist',
    });
    expect(raised.status).toBe(201);
    concernId = raised.body.concernId;
    expect(
      (
        await post('mentor.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'monitor',
          reasons: 'x',
          reviewedOn: '2026-12-04',
        })
      ).status,
    ).toBe(403);
    const referral = {
      ground: 'risk-of-significant-harm',
      urgency: 'immediate',
      categories: ['safeguarding', 'identity'],
      summary: 'Disclosure of fear of going home; bruising',
    };
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'refer-to-social-care',
          reasons: 'Significant harm suspected',
          reviewedOn: '2026-12-04',
        })
      ).body.field,
    ).toBe('referral.ground');
    // Not before the concern was raised, not after today.
    const beforeRaised = await post('dsl.oakfield', `/concerns/${concernId}/review`, {
      outcome: 'refer-to-social-care',
      reasons: 'Significant harm suspected',
      reviewedOn: '2026-12-03',
      referral,
    });
    expect(beforeRaised.status).toBe(400);
    expect(beforeRaised.body).toMatchObject({ field: 'reviewedOn', rule: 'date.before-preceding-act' });
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'refer-to-social-care',
          reasons: 'Significant harm suspected',
          reviewedOn: '2026-12-05',
          referral,
        })
      ).body,
    ).toMatchObject({ field: 'reviewedOn', rule: 'request.day-in-future' });
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'refer-to-social-care',
          reasons: 'Significant harm suspected',
          reviewedOn: '2026-12-04',
          referral,
        })
      ).status,
    ).toBe(200);
    const [received] = (await get('social.worker', '/social-care/referrals')).body;
    expect(received).toMatchObject({
      concernId,
      childId,
      referral: { urgency: 'immediate', summary: referral.summary },
    });
    expect(received.clocks).toEqual([
      expect.objectContaining({ clock: 'social-care-decision', dueBy: '2026-12-07', state: 'due' }),
    ]);
    expect(received).not.toHaveProperty('seenOrHeard');
  });

  it("a late decision records its reason as a breach; then strategy discussion, conference with the mentor's report, core group", async () => {
    now = new Date('2026-12-08T10:00:00Z');
    expect((await get('social.worker', '/social-care/referrals')).body[0].clocks[0].state).toBe('overdue');
    // A decision back-dated before the referral cannot turn the overdue clock into a met one.
    const backDated = await post('social.worker', `/concerns/${concernId}/social-care-decision`, {
      decision: 'strategy-discussion',
      reasons: 'Section 47 threshold met',
      decidedOn: '2026-12-03',
    });
    expect(backDated.status).toBe(400);
    expect(backDated.body).toMatchObject({ field: 'decidedOn', rule: 'date.before-preceding-act' });
    const late = await post('social.worker', `/concerns/${concernId}/social-care-decision`, {
      decision: 'strategy-discussion',
      reasons: 'Section 47 threshold met',
      decidedOn: '2026-12-08',
    });
    expect(late.body).toMatchObject({ rule: 'concern.late-reason-required', field: 'lateReason' });
    expect(
      (
        await post('social.worker', `/concerns/${concernId}/social-care-decision`, {
          decision: 'strategy-discussion',
          reasons: 'Section 47 threshold met',
          decidedOn: '2026-12-08',
          lateReason: 'Referral arrived after the duty desk closed on Friday',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('social.worker', `/concerns/${concernId}/strategy-discussion`, {
          heldOn: '2026-12-08',
          outcome: 'Section 47 enquiry; initial conference',
        })
      ).status,
    ).toBe(200);

    const report = await post('mentor.oakfield', `/concerns/${concernId}/mentor-reports`, {
      referralId,
      forMeeting: 'conference',
      contactWithFamily: 'Fortnightly calls with her mother',
      workingRelationship: 'Maya trusts her mentor and talks openly',
      progress: 'Attendance improving; more settled in class',
      concerns: 'Arrives hungry; anxious at the end of the day',
      signposting: ['School nurse drop-in'],
      submittedOn: '2026-12-08',
    });
    expect(report.status).toBe(200);

    // 15 working days from Tuesday 8 December cross Christmas and the substitute Boxing Day: due Thursday 31 December.
    // Recorded on Monday 4 January, held on the 31st: measured on the day it was held, and both days kept.
    now = new Date('2027-01-04T09:00:00Z');
    expect(
      (
        await post('social.worker', `/concerns/${concernId}/conferences`, {
          kind: 'initial',
          heldOn: '2026-12-31',
          childProtectionPlan: true,
        })
      ).status,
    ).toBe(200);
    now = new Date('2027-01-20T10:00:00Z');
    const lateCoreGroup = await post('social.worker', `/concerns/${concernId}/core-groups`, { heldOn: '2027-01-20' });
    expect(lateCoreGroup.body.rule).toBe('concern.late-reason-required');
    await post('social.worker', `/concerns/${concernId}/core-groups`, {
      heldOn: '2027-01-20',
      lateReason: 'Health visitor unavailable until the 20th',
    });

    const view = (await get('social.worker', '/social-care/referrals')).body[0];
    expect(view.status).toBe('child-protection-plan');
    expect(view.reports[0].report).toMatchObject({
      sessions: { held: expect.any(Number), attended: expect.any(Number) },
      contactWithFamily: 'Fortnightly calls with her mother',
      signposting: ['School nurse drop-in'],
    });
    expect(view.reports[0].report.reasonForReferral).not.toBe('');
    const clocks = Object.fromEntries(view.clocks.map((c: { clock: string; state: string }) => [c.clock, c]));
    expect(clocks['social-care-decision']).toMatchObject({
      state: 'breached',
      breachReason: 'Referral arrived after the duty desk closed on Friday',
    });
    expect(clocks['initial-conference']).toMatchObject({ state: 'met', dueBy: '2026-12-31', metOn: '2026-12-31' });
    expect(view.conferences[0]).toMatchObject({
      heldOn: '2026-12-31',
      recordedAt: expect.stringMatching(/^2027-01-04T/),
    });
    expect(clocks['core-group']).toMatchObject({ state: 'breached', dueBy: '2027-01-15' });
    expect(clocks['review-conference']).toMatchObject({ state: 'due', dueBy: '2027-03-31' });
    // 45 working days from Friday 4 December 2026, over Christmas and New Year.
    expect(clocks.assessment).toMatchObject({ state: 'due', dueBy: '2027-02-10' });
    expect(
      (
        await post('social.worker', `/concerns/${concernId}/assessments`, {
          completedOn: '2027-01-20',
          outcome: 'Child protection plan continues; family support',
        })
      ).status,
    ).toBe(200);
    const assessed = (await get('social.worker', '/social-care/referrals')).body[0];
    expect(assessed.clocks.find((c: { clock: string }) => c.clock === 'assessment')).toMatchObject({
      state: 'met',
      metOn: '2027-01-20',
    });
    expect((await get('senco.riverside', `/concerns/${concernId}`)).status).toBe(403);
    expect((await get('dsl.oakfield', `/concerns/${concernId}`)).body.seenOrHeard).toContain('scared to go home');
  });
});
