import { apiClient } from '../support/api-client';
import { parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const cafConsent = parentalConsentTo(
  'A common assessment with the agencies around the family',
  'Oakfield, school nursing, education welfare, social care',
  {
    purposes: ['common-assessment'],
    recipients: ['school-oakfield', 'health', 'education-welfare', 'social-care'],
    categories: ['education', 'health', 'family-circumstances'],
  },
);

/**
 * The second CAF walk: contributions from the school, health and education welfare; an
 * integrated plan with the learning mentor as lead professional, who hands over to a social worker.
 */
describe('a CAF through the API: contributions, team around the child, lead professional, plan, hand-over', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const { get, post } = apiClient(() => platform);
  let cafId: string;
  const step = (userId: string, name: string, body: object) => post(userId, `/cafs/${cafId}/${name}`, body);

  beforeAll(async () => {
    platform = await startPlatform('caf_walk', {}, { clock: () => now });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('is started only under consent to a common assessment', async () => {
    const child = await post('senco.oakfield', '/children', {
      givenName: 'Leon',
      familyName: 'Example',
      dateOfBirth: '2013-03-09',
      schoolId: 'school-oakfield',
      yearGroup: 8,
      flags: ['young-carer'],
    });
    const childId = child.body.childId as string;
    const start = {
      childId,
      startedOn: '2026-12-01',
      reasonForAssessment: 'Caring for his mother; attendance falling; tired in class',
    };
    const refused = await post('mentor.oakfield', '/cafs', start);
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('caf.consent-required');

    expect((await post('senco.oakfield', `/children/${childId}/consents`, cafConsent)).status).toBe(201);
    expect((await post('senco.riverside', '/cafs', start)).status).toBe(403);
    const started = await post('mentor.oakfield', '/cafs', start);
    expect(started.status).toBe(201);
    cafId = started.body.cafId;
  });

  it('gathers contributions from three agencies, each attributed and never edited: a correction supersedes', async () => {
    const contribute = (userId: string, domain: string, element: string, text: string, extra: object = {}) =>
      step(userId, 'contributions', { domain, element, text, recordedOn: '2026-12-01', ...extra });
    expect(
      (
        await contribute(
          'mentor.oakfield',
          'development-of-the-child',
          'learning',
          'Falling behind in maths; bright, engaged when present',
        )
      ).status,
    ).toBe(200);
    const health = await contribute(
      'practitioner.health',
      'parents-and-carers',
      'basic-care',
      'Mother has MS; Leon manages her medication',
    );
    expect(health.status).toBe(200);
    await contribute(
      'lead.professional',
      'family-and-environment',
      'housing-employment-and-finance',
      'Attendance 81%; two penalty warnings considered',
      {
        withheldFromFamily: { reason: 'Enforcement not yet discussed with the family' },
      },
    );
    expect((await contribute('mentor.oakfield', 'development-of-the-child', 'spelling', 'x')).body).toMatchObject({
      field: 'element',
    });
    expect(
      (await contribute('mentor.oakfield', 'development-of-the-child', 'learning', 'x', { recordedOn: '2026-12-02' }))
        .body,
    ).toMatchObject({ rule: 'request.day-in-future', field: 'recordedOn' });

    const correction = {
      supersedes: health.body.contributionId,
      text: 'Mother has MS; Leon prepares her medication each morning',
      correctionReason: 'Medication is prepared, not administered',
      recordedOn: '2026-12-01',
    };
    expect((await step('mentor.oakfield', 'corrections', correction)).status).toBe(403);
    expect((await step('practitioner.health', 'corrections', correction)).status).toBe(200);
    await step('mentor.oakfield', 'views', {
      whose: 'child',
      views: 'I want to keep looking after Mum but I want to do well at school',
      recordedOn: '2026-12-01',
    });
    await step('mentor.oakfield', 'views', {
      whose: 'family',
      views: 'Mum wants help at home so Leon can go to school',
      recordedOn: '2026-12-01',
    });
    expect(
      (
        await step('mentor.oakfield', 'completion', {
          completedOn: '2026-12-01',
          summary: 'A young carer needing support at home and in school',
        })
      ).status,
    ).toBe(200);
  });

  it('agrees an integrated plan with the learning mentor as lead professional', async () => {
    now = new Date('2026-12-04T15:00:00Z');
    const meeting = await step('mentor.oakfield', 'tac-meetings', {
      heldOn: '2026-12-04',
      attendees: ['mentor.oakfield', 'practitioner.health', 'lead.professional'],
      familyPresent: true,
      notes: 'Plan agreed with Leon and his mother',
      nextReviewOn: '2027-01-15',
    });
    expect(meeting.status).toBe(200);
    expect(
      (
        await step('mentor.oakfield', 'tac-meetings', {
          heldOn: '2026-12-04',
          attendees: ['nobody.here'],
          familyPresent: true,
          notes: 'x',
        })
      ).body,
    ).toMatchObject({ field: 'attendees' });
    // A lead professional is a practitioner of the directory, not the family or the administrator.
    expect(
      (
        await step('mentor.oakfield', 'lead-professional', {
          leadProfessional: 'parent.demo',
          appointedOn: '2026-12-04',
          agreedWithFamily: true,
        })
      ).body,
    ).toMatchObject({ field: 'leadProfessional', rule: 'reference.user-role' });
    expect(
      (
        await step('mentor.oakfield', 'lead-professional', {
          leadProfessional: 'admin',
          appointedOn: '2026-12-04',
          agreedWithFamily: true,
        })
      ).body,
    ).toMatchObject({ field: 'leadProfessional', rule: 'reference.user-role' });
    expect(
      (
        await step('mentor.oakfield', 'lead-professional', {
          leadProfessional: 'mentor.oakfield',
          appointedOn: '2026-12-04',
          agreedWithFamily: true,
        })
      ).status,
    ).toBe(200);
    const action = (ownerAgencyId: string, text: string, dueBy: string) =>
      step('mentor.oakfield', 'actions', { action: text, ownerAgencyId, dueBy, agreedOn: '2026-12-04' });
    const first = await action('school-oakfield', 'Weekly mentoring and a homework club place', '2027-01-08');
    expect(first.body).toMatchObject({ cafId });
    expect((await action('health', 'Young carers assessment and respite referral', '2026-12-18')).status).toBe(200);
    expect((await action('education-welfare', 'Attendance plan with the family', '2027-01-15')).status).toBe(200);
    expect((await action('the-moon', 'x', '2027-01-15')).body).toMatchObject({ field: 'ownerAgencyId' });

    const view = (await get('mentor.oakfield', `/cafs/${cafId}`)).body;
    expect(view.caf.leadProfessionalUserId).toBe('mentor.oakfield');
    expect(view.team.map((m: { agencyId: string }) => m.agencyId).sort()).toEqual([
      'education-welfare',
      'health',
      'school-oakfield',
    ]);
    expect(view.byAgency.map((a: { agencyId: string; open: number }) => [a.agencyId, a.open])).toEqual([
      ['education-welfare', 1],
      ['health', 1],
      ['school-oakfield', 1],
    ]);
    expect(view.nextReviewOn).toBe('2027-01-15');
    expect(view.contributions.filter((c: { supersededBy: string | null }) => c.supersededBy)).toHaveLength(1);
  });

  it('shows overdue actions, hands over to a social worker, and keeps the family copy to what the family may see', async () => {
    now = new Date('2026-12-21T10:00:00Z');
    const overdue = (await get('practitioner.health', `/cafs/${cafId}`)).body.overdueActions;
    expect(overdue.map((a: { ownerAgencyId: string }) => a.ownerAgencyId)).toEqual(['health']);

    expect((await get('social.worker', `/cafs/${cafId}`)).status).toBe(403);
    expect(
      (
        await step('mentor.oakfield', 'hand-over', {
          to: 'social.worker',
          handedOverOn: '2026-12-21',
          reason: 'Needs have escalated: a child in need assessment has begun',
        })
      ).status,
    ).toBe(200);
    const view = (await get('social.worker', `/cafs/${cafId}`)).body;
    expect(view.caf.leadProfessionalUserId).toBe('social.worker');
    expect(view.team.find((m: { userId: string }) => m.userId === 'mentor.oakfield').parts).toContain(
      'former-lead-professional',
    );

    const copy = JSON.stringify((await get('mentor.oakfield', `/cafs/${cafId}/family-copy`)).body);
    expect(copy).toContain('Leon prepares her medication');
    expect(copy).not.toContain('penalty warnings');
    expect((await get('parent.demo', `/cafs/${cafId}/family-copy`)).status).toBe(403);
    expect((await get('senco.riverside', `/cafs/${cafId}`)).status).toBe(403);
  });
});
