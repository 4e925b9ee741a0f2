import { apiClient } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * Social care reads the DSL's referral and what was disclosed to it; the
 * school's own record of the concern (the note as raised, with second-hand information about
 * other people, who raised it, the DSL's review reasons) stays the school's. Raised by a
 * teacher (item 11), as 002 has staff raise concerns.
 */
describe('a concern as social care receives it', () => {
  let platform: PlatformUnderTest;
  const { get, post, registerChild } = apiClient(() => platform);
  const note = 'Maya said her uncle Dave Harker hits her mum at night; her friend Leah Brown saw the bruises too';
  const reviewReasons = 'Mum told the office last term that Dave Harker has a conviction for assault';
  const referral = {
    ground: 'risk-of-significant-harm',
    urgency: 'within-one-working-day',
    categories: ['safeguarding', 'identity'],
    summary: 'Child reports domestic abuse at home; significant harm suspected',
  };
  let concernId: string;

  beforeAll(async () => {
    platform = await startPlatform('social_care_view');
    const childId = await registerChild({ givenName: 'Maya' });
    const raised = await post('teacher.oakfield', '/concerns', { childId, seenOrHeard: note });
    expect(raised.status).toBe(201);
    concernId = raised.body.concernId;
  });
  afterAll(async () => {
    await platform.close();
  });

  it("is the raiser's and the DSL's before it is referred; social care has no part in it yet", async () => {
    expect((await get('teacher.oakfield', `/concerns/${concernId}`)).body).toMatchObject({
      seenOrHeard: note,
      raisedBy: { userId: 'teacher.oakfield' },
    });
    expect((await get('ta.oakfield', `/concerns/${concernId}`)).status).toBe(403);
    expect((await get('social.worker', `/concerns/${concernId}`)).status).toBe(403);
    // The raiser may not review their own concern: that is the DSL's act.
    expect(
      (
        await post('teacher.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'monitor',
          reasons: 'x',
          reviewedOn: '2026-11-30',
        })
      ).status,
    ).toBe(403);
  });

  it("shows social care the referral, its own acts and clocks, and none of the school's record", async () => {
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'refer-to-social-care',
          reasons: reviewReasons,
          reviewedOn: '2026-12-01',
          referral,
        })
      ).status,
    ).toBe(200);

    const read = await get('social.worker', `/concerns/${concernId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      concernId,
      referredOn: '2026-12-01',
      status: 'referred',
      referral: {
        basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' },
        urgency: 'within-one-working-day',
        categories: ['safeguarding', 'identity'],
        summary: referral.summary,
        referredBy: { userId: 'dsl.oakfield' },
      },
    });
    expect(read.body.clocks).toEqual([expect.objectContaining({ clock: 'social-care-decision', state: 'due' })]);
    for (const field of ['seenOrHeard', 'raisedBy', 'raisedAt', 'dslOutcome', 'dslReasons', 'reviewedOn'])
      expect(read.body).not.toHaveProperty(field);
    for (const secondHand of ['Dave Harker', 'Leah Brown', 'teacher.oakfield', 'conviction'])
      expect(JSON.stringify(read.body)).not.toContain(secondHand);
    // One view of a referred concern for social care, whether read on its own or in the list.
    const [listed] = (await get('social.worker', '/social-care/referrals')).body;
    expect(listed).toEqual(read.body);
  });

  it("keeps the school's full record for the DSL", async () => {
    const read = (await get('dsl.oakfield', `/concerns/${concernId}`)).body;
    expect(read).toMatchObject({
      seenOrHeard: note,
      dslReasons: reviewReasons,
      raisedBy: { userId: 'teacher.oakfield' },
      referral: { summary: referral.summary },
    });
  });
});
